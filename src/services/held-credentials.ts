import { certificationCode, examOrCourseCode } from '../domain/codes';
import {
  CredentialState,
  counts,
  ruleFor,
  stateOn,
  ValidityInputError,
  validityDates,
  ValidityRule,
} from '../domain/validity';
import { BadUserInputError } from '../errors';
import { Certification } from '../model/certification.type';
import { Exam } from '../model/exam.type';
import { ValidityPolicy } from '../model/validity-policy.type';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { MAX_HOLDING } from './holding';

/** A held credential as a learner states it: a code and, optionally, its days. */
export interface HeldCredentialStatement {
  code: string;
  earnedOn?: string;
  renewedOn?: string;
}

/** A held credential judged on one day under the policy of the day it was earned. */
export interface AssessedCredential {
  /** The code as the catalog writes it. */
  code: string;
  item: Certification | Exam;
  earnedOn?: string;
  renewedOn?: string;
  validUntil?: string;
  renewalOpensOn?: string;
  state: CredentialState;
  /** Whether it counts toward anything on the day asked (EXPIRED: no). */
  counts: boolean;
  policy?: ValidityPolicy;
  /** Where it was stated (`holdings[2]`, `holding[0]`), for messages. */
  argument: string;
}

const ruleOf = (policy: ValidityPolicy): ValidityRule => ({
  id: policy.id,
  validFrom: policy.validFrom,
  validUntil: policy.validUntil,
  levels: policy.levels,
  certifications: policy.certifications,
  expires: policy.expires,
  validityMonths: policy.validityMonths,
  renewal: policy.renewal && {
    opensMonthsBeforeExpiry: policy.renewal.opensMonthsBeforeExpiry,
    extendsMonths: policy.renewal.extendsMonths,
  },
});

function itemFor(catalog: CatalogSnapshot, code: string, argument: string): Certification | Exam {
  const item =
    catalog.item('Certification', certificationCode(code)) ??
    catalog.item('Exam', examOrCourseCode(code));
  if (item) return item;
  const course = catalog.item('Course', examOrCourseCode(code)) !== null;
  throw new BadUserInputError(
    `${argument}.code: ${JSON.stringify(code)} ${course ? 'names a course' : 'is not a certification or exam code'}; holdings take certification and exam codes.`,
    `${argument}.code`,
  );
}

/**
 * Judges every held credential on `day`: bare `holding` codes are held and valid, as always;
 * dated `holdings` are valid until the policy of the day they were earned says. Each mistake
 * (unknown code, a day in the future, a renewal outside its window) names its argument path.
 */
export function assessHoldings(
  catalog: CatalogSnapshot,
  holding: readonly string[],
  holdings: readonly HeldCredentialStatement[],
  day: string,
  /** How the request named the dated list (`holdings` in GraphQL, `holding` in the calendar). */
  holdingsName = 'holdings',
): AssessedCredential[] {
  if (holding.length + holdings.length > MAX_HOLDING) {
    throw new BadUserInputError(
      `holding and holdings must list at most ${MAX_HOLDING} credentials together; got ${holding.length + holdings.length}`,
      'holdings',
    );
  }
  const rules = catalog.validityPolicies.map((policy) => ({ policy, rule: ruleOf(policy) }));
  const assess = (held: HeldCredentialStatement, argument: string): AssessedCredential => {
    const item = itemFor(catalog, held.code, argument);
    for (const field of ['earnedOn', 'renewedOn'] as const) {
      const stated = held[field];
      if (stated !== undefined && stated > day) {
        throw new BadUserInputError(
          `${argument}.${field}: ${stated} is after the day asked (${day})`,
          `${argument}.${field}`,
        );
      }
    }
    const base = { code: item.code, item, earnedOn: held.earnedOn, renewedOn: held.renewedOn };
    if (item instanceof Exam) {
      // An exam pass does not expire; the certification it earns has a policy of its own.
      if (held.renewedOn !== undefined) {
        throw new BadUserInputError(
          `${argument}.renewedOn: ${item.code} is an exam; only certifications are renewed`,
          `${argument}.renewedOn`,
        );
      }
      return { ...base, state: 'DOES_NOT_EXPIRE', counts: true, argument };
    }
    const rule = ruleFor(
      item,
      held.earnedOn ?? day,
      rules.map((r) => r.rule),
    );
    const policy = rules.find((r) => r.rule === rule)?.policy;
    try {
      const dates = validityDates(held, rule);
      const state =
        held.earnedOn === undefined && rule?.expires !== false
          ? item.retiredOn && day > item.retiredOn
            ? 'RETIRED_BUT_HELD'
            : 'ACTIVE'
          : stateOn(dates, rule?.expires ?? false, day, item.retiredOn);
      return {
        ...base,
        validUntil: dates.validUntil,
        // A retired certification can no longer be renewed.
        renewalOpensOn: state === 'RETIRED_BUT_HELD' ? undefined : dates.renewalOpensOn,
        state,
        counts: counts(state),
        policy,
        argument,
      };
    } catch (error) {
      if (!(error instanceof ValidityInputError)) throw error;
      throw new BadUserInputError(
        `${argument}.${error.field}: ${error.message}`,
        `${argument}.${error.field}`,
      );
    }
  };
  return [
    ...holding.map((code, i) => assess({ code }, `holding[${i}]`)),
    ...holdings.map((held, i) => assess(held, `${holdingsName}[${i}]`)),
  ];
}

/** The codes that count on the day: what the path questions take as `holding`. */
export const countingCodes = (assessed: readonly AssessedCredential[]): string[] => [
  ...new Set(assessed.filter((held) => held.counts).map((held) => held.code)),
];
