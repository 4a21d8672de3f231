import { Day } from '../../domain/days';
import { AVAILABLE_STATUSES } from '../../domain/status';
import { CertificationLevel, ItemStatus } from '../../model/enums';
import { CatalogItemLabel, ItemOf } from '../records';
import { CatalogSnapshot } from './catalog-snapshot';
import { statusIn } from './status';

/** A page of a list asked for as `first` items after the item with code `after`. */
export interface PageRequest {
  first: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface ListFilter {
  level?: CertificationLevel;
  /** Default: AVAILABLE_STATUSES. */
  statuses?: ItemStatus[];
  day: Day;
}

/**
 * Items of one kind in code order, optionally of one level, with one of the statuses on the day:
 * by default those a learner could take or earn then (BETA, ACTIVE, RETIRING).
 */
export function listItems<L extends CatalogItemLabel>(
  catalog: CatalogSnapshot,
  label: L,
  page: PageRequest,
  filter: ListFilter,
): Page<ItemOf<L>> {
  const statuses = new Set(filter.statuses ?? AVAILABLE_STATUSES);
  const matching = (catalog.sorted[label] as ItemOf<L>[]).filter(
    (item) =>
      (filter.level === undefined || ('level' in item && item.level === filter.level)) &&
      statuses.has(statusIn(catalog, item, filter.day)),
  );
  const after = page.after;
  const start = after === undefined ? 0 : matching.findIndex((item) => item.code > after);
  const rest = start < 0 ? [] : matching.slice(start);
  return {
    items: rest.slice(0, page.first),
    totalCount: matching.length,
    hasNextPage: rest.length > page.first,
    hasPreviousPage: after !== undefined && matching.some((item) => item.code <= after),
  };
}
