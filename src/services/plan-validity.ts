import { LearnerAction } from '../model/learner.type';
import { Plan } from '../model/plan.type';
import { certificationNodeId, reachableFrom } from '../paths/requirement-dag';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { AssessedCredential } from './held-credentials';
import { learnerActions } from './learner-actions';

/** What a plan must say about the validity of what it counts (Plan.warnings, Plan.renewals). */
export interface PlanValidity {
  warnings: string[];
  renewals: LearnerAction[];
}

export const NO_PLAN_VALIDITY: PlanValidity = { warnings: [], renewals: [] };

/**
 * The held certifications the target can count (anything under it, on any day), and what their
 * expiry means for the plan: an expired one no longer counts, one whose renewal is open must be
 * renewed or the rest passed before it expires, one that expires before an exam of the path is
 * even available must be renewed. Every expiring one it counts comes with its renewal dates.
 */
export function planValidity(
  catalog: CatalogSnapshot,
  plan: Plan,
  assessed: readonly AssessedCredential[],
): PlanValidity {
  const target = plan.target.code;
  const under = reachableFrom(catalog.subgraph.dag, [certificationNodeId(target)]);
  const relied = assessed.filter(
    (held) => held.item.id !== plan.target.id && under.has(held.item.id) && held.validUntil,
  );
  const warnings: string[] = [];
  const exams = plan.path?.exams ?? [];
  for (const held of relied) {
    const { code, validUntil, renewalOpensOn, state } = held;
    if (state === 'EXPIRED') {
      warnings.push(
        `${code} expired on ${validUntil} and no longer counts toward ${target}; this plan earns it again or goes another way.`,
      );
      continue;
    }
    const late = exams.filter((exam) => exam.availableFrom && exam.availableFrom > validUntil!);
    for (const exam of late) {
      warnings.push(
        `${code} expires on ${validUntil}, before ${exam.code} can be taken (from ${exam.availableFrom}): renew it${renewalOpensOn ? ` (from ${renewalOpensOn})` : ''} to keep it counting toward ${target}.`,
      );
    }
    if (state === 'RENEWAL_OPEN') {
      warnings.push(
        `${code} counts toward ${target} only until ${validUntil}: renew it now (the window opened on ${renewalOpensOn}), or pass this plan's exams by then.`,
      );
    } else if (state === 'RETIRED_BUT_HELD') {
      warnings.push(
        `${code} is retired and cannot be renewed: it counts toward ${target} only until ${validUntil}.`,
      );
    }
  }
  const renewals = learnerActions(
    relied.filter((held) => held.counts),
    plan.asOf,
  );
  return { warnings, renewals };
}
