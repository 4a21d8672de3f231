import { DateResolver } from 'graphql-scalars';
import { BadUserInputError } from '../errors';

/** The `Date` scalar: a calendar day, YYYY-MM-DD (RFC 3339 full-date), from graphql-scalars. */
export const DateScalar = DateResolver;

/** A calendar day as YYYY-MM-DD text: how dates travel inside certgraph and into Cypher. */
export type Day = string;

/** Today in UTC: the default of every `asOf`. */
export const today = (): Day => new Date().toISOString().slice(0, 10);

/** The day an `asOf` argument names (graphql-scalars parses it to a UTC midnight), or today. */
export function asOfDay(asOf: Date | null | undefined): Day {
  if (asOf === null || asOf === undefined) return today();
  if (Number.isNaN(asOf.getTime())) throw new BadUserInputError('asOf: not a valid date', 'asOf');
  return asOf.toISOString().slice(0, 10);
}

export const AS_OF_ARG = {
  nullable: true,
  description:
    'The day to answer for, YYYY-MM-DD (default: today, UTC). Requirements apply as they did that day, and items retired by then cannot be newly taken.',
} as const;

/** The day `days` after `day` (before it, when negative): where one period ends, the next starts. */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Cypher: whether relationship `r` applied on `$asOf` (a `date`). Dates are inclusive at both
 * ends; an absent end is open. Null-safe: a missing property compares as "applies".
 */
export const appliesOn = (r: string, day = '$asOf'): string =>
  `(${r}.validFrom IS NULL OR ${r}.validFrom <= date(${day})) AND (${r}.validUntil IS NULL OR date(${day}) <= ${r}.validUntil)`;
