import { registerEnumType } from 'type-graphql';
import { Day } from './as-of';

export const ItemStatus = {
  UPCOMING: 'UPCOMING',
  BETA: 'BETA',
  ACTIVE: 'ACTIVE',
  RETIRING: 'RETIRING',
  RETIRED: 'RETIRED',
} as const;
export type ItemStatus = keyof typeof ItemStatus;
registerEnumType(ItemStatus, {
  name: 'ItemStatus',
  description: 'Where an item stands in its lifecycle on a given day.',
  valuesConfig: {
    UPCOMING: { description: 'Not available yet (before `availableFrom`).' },
    BETA: { description: 'Available in beta (up to `betaUntil`).' },
    ACTIVE: { description: 'Available, no retirement announced.' },
    RETIRING: {
      description: 'Still available, but its retirement is announced (see `retiredOn`).',
    },
    RETIRED: {
      description:
        'No longer available: cannot be newly taken or earned after `retiredOn`. Held ones still count where Microsoft accepts them.',
    },
  },
});

export interface LifecycleDates {
  availableFrom?: Day;
  betaUntil?: Day;
  retirementAnnouncedOn?: Day;
  retiredOn?: Day;
}

/** The status on `day`; the rules (docs/catalog-history.md) match STATUS_CYPHER's. */
export function statusOn(item: LifecycleDates, day: Day): ItemStatus {
  if (item.retiredOn && day > item.retiredOn) return 'RETIRED';
  if (item.availableFrom && day < item.availableFrom) return 'UPCOMING';
  if (item.betaUntil && day <= item.betaUntil) return 'BETA';
  if (item.retirementAnnouncedOn && day >= item.retirementAnnouncedOn) return 'RETIRING';
  return 'ACTIVE';
}

/** Whether a learner could newly take (an exam) or earn (a certification) the item on `day`. */
export const isAvailableOn = (item: LifecycleDates, day: Day): boolean =>
  !['RETIRED', 'UPCOMING'].includes(statusOn(item, day));

/** Cypher for statusOn, over node `n` and the `date` `$asOf`; a missing date never matches. */
export const STATUS_CYPHER = (n: string): string => `CASE
  WHEN ${n}.retiredOn < date($asOf) THEN 'RETIRED'
  WHEN ${n}.availableFrom > date($asOf) THEN 'UPCOMING'
  WHEN ${n}.betaUntil >= date($asOf) THEN 'BETA'
  WHEN ${n}.retirementAnnouncedOn <= date($asOf) THEN 'RETIRING'
  ELSE 'ACTIVE' END`;
