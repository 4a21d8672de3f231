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

/** Filtered lists remembered per snapshot (a portal asks the same few lists page after page). */
const MAX_LISTS = 64;
const lists = new WeakMap<CatalogSnapshot, Map<string, readonly unknown[]>>();

function matchingItems<L extends CatalogItemLabel>(
  catalog: CatalogSnapshot,
  label: L,
  filter: ListFilter,
): readonly ItemOf<L>[] {
  const statuses = [...new Set(filter.statuses ?? AVAILABLE_STATUSES)].sort();
  const key = `${label} ${filter.day} ${filter.level ?? ''} ${statuses.join(',')}`;
  let remembered = lists.get(catalog);
  if (!remembered) {
    remembered = new Map();
    lists.set(catalog, remembered);
  }
  const known = remembered.get(key);
  if (known) return known as readonly ItemOf<L>[];
  const wanted = new Set(statuses);
  const matching = (catalog.sorted[label] as ItemOf<L>[]).filter(
    (item) =>
      (filter.level === undefined || ('level' in item && item.level === filter.level)) &&
      wanted.has(statusIn(catalog, item, filter.day)),
  );
  // Oldest first out; each entry holds references to the snapshot's items, not copies.
  if (remembered.size >= MAX_LISTS) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, matching);
  return matching;
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
  const matching = matchingItems(catalog, label, filter);
  const after = page.after;
  const start = after === undefined ? 0 : firstAfter(matching, after);
  const rest = start < 0 ? [] : matching.slice(start);
  return {
    items: rest.slice(0, page.first),
    totalCount: matching.length,
    hasNextPage: rest.length > page.first,
    hasPreviousPage: after !== undefined && (start === -1 ? matching.length > 0 : start > 0),
  };
}

/** The index of the first item whose code sorts after `code` (the list is in code order), or -1. */
function firstAfter(items: readonly { code: string }[], code: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid].code <= code) low = mid + 1;
    else high = mid;
  }
  return low < items.length ? low : -1;
}
