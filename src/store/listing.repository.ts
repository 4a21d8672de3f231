import { int } from 'neo4j-driver';
import { Database } from '../db/database';
import { Day } from '../domain/days';
import { CertificationLevel, ItemStatus } from '../model/enums';
import { statusCypher } from './cypher/day-rule';
import { itemLabelOf } from './cypher/labels';
import { CatalogItemLabel, ItemOf, Properties, toItem } from './records';

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
  statuses?: ItemStatus[];
  day: Day;
}

/** Items in code order, optionally of one level and with one of the statuses on $asOf. */
const LIST_FILTER = (label: CatalogItemLabel) => `
MATCH (n:${label})
WHERE ($level IS NULL OR n.level = $level)
  AND ($statuses IS NULL OR ${statusCypher('n')} IN $statuses)`;

const listPage = (label: CatalogItemLabel) => `${LIST_FILTER(label)}
  AND ($after IS NULL OR n.code > $after)
RETURN properties(n) AS properties
ORDER BY n.code
LIMIT $limit`;

const listCounts = (label: CatalogItemLabel) => `${LIST_FILTER(label)}
RETURN count(n) AS totalCount,
       count(CASE WHEN $after IS NOT NULL AND n.code <= $after THEN 1 END) AS before`;

const SEARCH = `
CALL db.index.fulltext.queryNodes('catalog_search', $query) YIELD node, score
RETURN ${itemLabelOf('node')} AS label,
       properties(node) AS properties,
       score
ORDER BY toLower(node.code) = $exact DESC, score DESC, node.code
LIMIT $limit`;

/** Lists (by code, paged, filtered by level and status on a day) and full-text search. */
export class ListingRepository {
  constructor(private readonly database: Database) {}

  list<L extends CatalogItemLabel>(
    label: L,
    page: PageRequest,
    filter: ListFilter,
  ): Promise<Page<ItemOf<L>>> {
    const params = {
      level: filter.level ?? null,
      statuses: filter.statuses ?? null,
      asOf: filter.day,
      after: page.after ?? null,
    };
    return this.database.read(async (tx) => {
      const rows = (
        await tx.run<{ properties: Properties }>(listPage(label), {
          ...params,
          limit: int(page.first + 1),
        })
      ).records;
      const [counts] = (
        await tx.run<{ totalCount: number; before: number }>(listCounts(label), params)
      ).records;
      return {
        items: rows.slice(0, page.first).map((r) => toItem(label, r.get('properties'))),
        totalCount: counts.get('totalCount'),
        hasNextPage: rows.length > page.first,
        hasPreviousPage: counts.get('before') > 0,
      };
    });
  }

  /** `query` is Lucene syntax (see search-query.ts); an item whose code is `exact` comes first. */
  async search(query: string, exact: string, limit: number) {
    const records = await this.database.read(
      async (tx) =>
        (
          await tx.run<{ label: CatalogItemLabel; properties: Properties }>(SEARCH, {
            query,
            exact,
            limit: int(limit),
          })
        ).records,
    );
    return records.map((r) => toItem(r.get('label'), r.get('properties')));
  }
}
