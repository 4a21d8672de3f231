/**
 * How long a held credential counts, and how it is kept: the validity rules of docs/validity.md
 * as pure functions over YYYY-MM-DD days. Imports nothing, so the seeds, the API and the tests
 * share one definition.
 */

/** A validity policy as the rules need it (seeds/microsoft/validity-policies.yaml). */
export interface ValidityRule {
  id: string;
  /** The days of earning the policy governs, inclusive; an absent end is open. */
  validFrom?: string;
  validUntil?: string;
  /** Certification levels it covers (FUNDAMENTALS, ASSOCIATE, …) and single certifications. */
  levels: readonly string[];
  certifications: readonly string[];
  /** False: a credential under this policy never expires. */
  expires: boolean;
  /** How long a newly earned credential is valid, in calendar months. */
  validityMonths?: number;
  /** How it is renewed, when it can be; absent: it cannot be renewed. */
  renewal?: { opensMonthsBeforeExpiry: number; extendsMonths: number };
}

/** Where a held credential stands on a day. */
export const CREDENTIAL_STATES = [
  'ACTIVE',
  'RENEWAL_OPEN',
  'EXPIRED',
  'DOES_NOT_EXPIRE',
  'RETIRED_BUT_HELD',
] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

/** A credential as a learner states it: when it was earned and, if ever, last renewed. */
export interface HeldDates {
  earnedOn?: string;
  renewedOn?: string;
}

/** A rule broken by what a learner stated; `field` names the part (earnedOn, renewedOn). */
export class ValidityInputError extends Error {
  override name = 'ValidityInputError';
  constructor(
    readonly field: 'earnedOn' | 'renewedOn',
    message: string,
  ) {
    super(message);
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD (2021-13-01 and 2023-02-29 are not). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The day `months` calendar months after `day` (before, when negative), on the same day of the
 * month or, when that month is shorter, its last day: 2024-02-29 plus 12 months is 2025-02-28.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(date, daysInMonth(y, m)), 2)}`;
}

const appliesOn = (rule: ValidityRule, day: string) =>
  (rule.validFrom === undefined || rule.validFrom <= day) &&
  (rule.validUntil === undefined || day <= rule.validUntil);

/**
 * The policy that governs a certification earned on `day`: one naming the certification itself
 * wins over one for its level. Validity is decided by the day it was earned, so a policy change
 * after that day does not shorten or lengthen what was already earned.
 */
export function ruleFor(
  certification: { code: string; level: string },
  day: string,
  rules: readonly ValidityRule[],
): ValidityRule | undefined {
  const applying = rules.filter((rule) => appliesOn(rule, day));
  return (
    applying.find((rule) => rule.certifications.includes(certification.code)) ??
    applying.find((rule) => rule.levels.includes(certification.level))
  );
}

/** The expiry dates of a credential: the last day it counts, and when its renewal opens. */
export interface ValidityDates {
  /** The last day it counts; absent when it does not expire or was stated without dates. */
  validUntil?: string;
  renewalOpensOn?: string;
  /** The days it could be renewed on right now, if it can: [renewalOpensOn, validUntil]. */
  renewable: boolean;
}

/** The expiry that a renewal on `renewedOn` extended, checked to fall inside its window. */
function expiryAfterRenewal(
  firstExpiry: string,
  renewedOn: string,
  renewal: NonNullable<ValidityRule['renewal']>,
): string {
  // The learner names the latest renewal; earlier yearly renewals, if any, were made in time.
  for (let expiry = firstExpiry; expiry <= addMonths(renewedOn, renewal.extendsMonths);) {
    const opens = addMonths(expiry, -renewal.opensMonthsBeforeExpiry);
    if (renewedOn < opens) break;
    if (renewedOn <= expiry) return addMonths(expiry, renewal.extendsMonths);
    expiry = addMonths(expiry, renewal.extendsMonths);
  }
  throw new ValidityInputError(
    'renewedOn',
    `${renewedOn} is not inside a renewal window: earned credentials can be renewed only from ${renewal.opensMonthsBeforeExpiry} months before they expire until the day they expire (first expiry ${firstExpiry}); once expired, a certification must be earned again`,
  );
}

/**
 * When a credential earned (and perhaps renewed) on the stated days stops counting under `rule`.
 * Throws ValidityInputError for dates that cannot be: a renewal before earning, a renewal of a
 * credential that cannot be renewed, or a renewal outside its window (after expiry: refused).
 */
export function validityDates(held: HeldDates, rule: ValidityRule | undefined): ValidityDates {
  const { earnedOn, renewedOn } = held;
  if (renewedOn !== undefined && earnedOn === undefined) {
    throw new ValidityInputError('renewedOn', 'a renewal needs the day it was earned (earnedOn)');
  }
  if (earnedOn === undefined || rule === undefined || !rule.expires) {
    if (renewedOn !== undefined && rule && !rule.expires) {
      throw new ValidityInputError(
        'renewedOn',
        `this credential does not expire (policy ${rule.id}), so it is never renewed`,
      );
    }
    return { renewable: false };
  }
  if (renewedOn !== undefined && renewedOn < earnedOn) {
    throw new ValidityInputError('renewedOn', `${renewedOn} is before earnedOn (${earnedOn})`);
  }
  const firstExpiry = addMonths(earnedOn, rule.validityMonths ?? 0);
  const { renewal } = rule;
  if (renewedOn !== undefined && !renewal) {
    throw new ValidityInputError(
      'renewedOn',
      `policy ${rule.id} has no renewal: once expired, the certification must be earned again`,
    );
  }
  const validUntil =
    renewedOn !== undefined && renewal
      ? expiryAfterRenewal(firstExpiry, renewedOn, renewal)
      : firstExpiry;
  return {
    validUntil,
    renewalOpensOn: renewal ? addMonths(validUntil, -renewal.opensMonthsBeforeExpiry) : undefined,
    renewable: renewal !== undefined,
  };
}

/**
 * The state on `day` of a credential with these dates; `retiredOn` is the certification's own
 * retirement (a retired credential still counts until it expires, but can no longer be renewed).
 */
export function stateOn(
  dates: ValidityDates,
  expires: boolean,
  day: string,
  retiredOn?: string,
): CredentialState {
  if (dates.validUntil !== undefined && day > dates.validUntil) return 'EXPIRED';
  if (retiredOn !== undefined && day > retiredOn) return 'RETIRED_BUT_HELD';
  if (!expires) return 'DOES_NOT_EXPIRE';
  if (dates.renewable && dates.renewalOpensOn !== undefined && day >= dates.renewalOpensOn) {
    return 'RENEWAL_OPEN';
  }
  return 'ACTIVE';
}

/** Whether a credential in this state counts toward anything on that day. */
export const counts = (state: CredentialState): boolean => state !== 'EXPIRED';
