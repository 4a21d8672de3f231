import { int } from 'neo4j-driver';
import { Database } from '../db/database';
import { itemLabelOf } from './cypher/labels';
import { CatalogItemLabel } from './records';

const SEARCH = `
CALL db.index.fulltext.queryNodes('catalog_search', $query) YIELD node, score
RETURN ${itemLabelOf('node')} AS label,
       node.code AS code,
       score
ORDER BY toLower(node.code) = $exact DESC, score DESC, node.code
LIMIT $limit`;

/** Full-text search over codes and names (the `catalog_search` index). */
export class SearchRepository {
  constructor(private readonly database: Database) {}

  /**
   * `query` is Lucene syntax (see search-query.ts); an item whose code is `exact` comes first.
   * The hits' labels and codes, best first.
   */
  async search(
    query: string,
    exact: string,
    limit: number,
  ): Promise<{ label: CatalogItemLabel; code: string }[]> {
    const records = await this.database.read(
      async (tx) =>
        (
          await tx.run<{ label: CatalogItemLabel; code: string }>(SEARCH, {
            query,
            exact,
            limit: int(limit),
          })
        ).records,
    );
    return records.map((r) => ({ label: r.get('label'), code: r.get('code') }));
  }
}
