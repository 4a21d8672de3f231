import { Day } from './days';

/** The days something applied (a requirement edge, a policy), inclusive; an absent end is open. */
export interface Validity {
  validFrom?: Day;
  validUntil?: Day;
}

/**
 * Whether something valid over `validity` applied on `day`: both ends inclusive, an absent end
 * open. The one definition of the rule; the Cypher that repeats it (store/cypher/day-rule.ts and
 * the Browser queries in schema/queries/) is held to it by a table test.
 */
export const appliesOn = (validity: Validity, day: Day): boolean =>
  (validity.validFrom === undefined || validity.validFrom <= day) &&
  (validity.validUntil === undefined || day <= validity.validUntil);
