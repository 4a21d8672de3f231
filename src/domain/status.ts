import { Day } from './days';

export const ITEM_STATUSES = [
  'UNKNOWN',
  'UPCOMING',
  'BETA',
  'ACTIVE',
  'RETIRING',
  'BLOCKED',
  'RETIRED',
] as const;
/** Where an item stands on a day (docs/catalog-history.md). */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The statuses of an item a learner can take or earn that day (lists show these by default). */
export const AVAILABLE_STATUSES: readonly ItemStatus[] = ['BETA', 'ACTIVE', 'RETIRING'];

/** The statuses of an item that existed that day, usable or not (search shows these by default). */
export const EXISTING_STATUSES: readonly ItemStatus[] = [
  ...AVAILABLE_STATUSES,
  'BLOCKED',
  'RETIRED',
];

/** The lifecycle dates of a certification, exam or course that decide its status. */
export interface LifecycleDates {
  availableFrom?: Day;
  /** When no source dates its start: the earliest day a source shows the item existing. */
  knownSince?: Day;
  betaUntil?: Day;
  retirementAnnouncedOn?: Day;
  retiredOn?: Day;
}

/** Whether some source shows the item on `day`: not before its `knownSince`, when it has one. */
export const isKnownOn = (item: LifecycleDates, day: Day): boolean =>
  !(item.knownSince && day < item.knownSince);

/**
 * The status on `day`. The one definition of the rule; its Cypher form (store/cypher/day-rule.ts,
 * schema/queries/) is held to it by a table test. The first rule that holds wins.
 */
export function statusOn(item: LifecycleDates, day: Day): ItemStatus {
  if (item.retiredOn && day > item.retiredOn) return 'RETIRED';
  if (item.availableFrom && day < item.availableFrom) return 'UPCOMING';
  // Before any source shows it, whether it existed is unknown: never ACTIVE by default.
  if (!isKnownOn(item, day)) return 'UNKNOWN';
  if (item.betaUntil && day <= item.betaUntil) return 'BETA';
  if (item.retirementAnnouncedOn && day >= item.retirementAnnouncedOn) return 'RETIRING';
  return 'ACTIVE';
}

/**
 * The status to show: the lifecycle's, except that an item available by its own dates but of no
 * use that day (`usable` false: a certification every way to which is blocked, a course whose
 * exams can no longer be taken) is BLOCKED. The lifecycle status stays the one the day rule gives.
 */
export const statusInUse = (lifecycle: ItemStatus, usable: boolean): ItemStatus =>
  !usable && AVAILABLE_STATUSES.includes(lifecycle) ? 'BLOCKED' : lifecycle;

/** Whether a learner could newly take (an exam) or earn (a certification) the item on `day`. */
export const isAvailableOn = (item: LifecycleDates, day: Day): boolean => {
  const status = statusOn(item, day);
  return status !== 'RETIRED' && status !== 'UPCOMING' && status !== 'UNKNOWN';
};
