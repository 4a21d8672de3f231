import { Day } from './days';

export const ITEM_STATUSES = ['UPCOMING', 'BETA', 'ACTIVE', 'RETIRING', 'RETIRED'] as const;
/** Where an item stands in its lifecycle on a day (docs/catalog-history.md). */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The lifecycle dates of a certification, exam or course that decide its status. */
export interface LifecycleDates {
  availableFrom?: Day;
  betaUntil?: Day;
  retirementAnnouncedOn?: Day;
  retiredOn?: Day;
}

/**
 * The status on `day`. The one definition of the rule; its Cypher form (store/cypher/day-rule.ts,
 * schema/queries/) is held to it by a table test. The first rule that holds wins.
 */
export function statusOn(item: LifecycleDates, day: Day): ItemStatus {
  if (item.retiredOn && day > item.retiredOn) return 'RETIRED';
  if (item.availableFrom && day < item.availableFrom) return 'UPCOMING';
  if (item.betaUntil && day <= item.betaUntil) return 'BETA';
  if (item.retirementAnnouncedOn && day >= item.retirementAnnouncedOn) return 'RETIRING';
  return 'ACTIVE';
}

/** Whether a learner could newly take (an exam) or earn (a certification) the item on `day`. */
export const isAvailableOn = (item: LifecycleDates, day: Day): boolean => {
  const status = statusOn(item, day);
  return status !== 'RETIRED' && status !== 'UPCOMING';
};
