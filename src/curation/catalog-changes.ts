import { randomUUID } from 'node:crypto';
import { DateTime, int, ManagedTransaction } from 'neo4j-driver';
import { Database } from '../db/database';

/** One curated change as the audit trail keeps it (a :CatalogChange node). */
export interface CatalogChangeRecord {
  id: string;
  /** The catalog version this change made. */
  version: number;
  /** Who made it: the JWT's subject, or `CURATOR_TOKEN` for the shared token. */
  who: string;
  /** When it committed, as an ISO 8601 instant (UTC). */
  at: string;
  mutation: string;
  /** The mutation's arguments, as JSON. */
  arguments: string;
  /** The touched items before and after, as seed YAML objects in JSON (null: absent). */
  before: string;
  after: string;
  sources: string[];
}

const CREATE_CHANGE = `
CREATE (c:CatalogChange {
  id: $id, version: $version, who: $who, at: datetime($at), mutation: $mutation,
  arguments: $arguments, before: $before, after: $after, sources: $sources
})`;

export async function recordChange(tx: ManagedTransaction, change: CatalogChangeRecord) {
  await tx.run(CREATE_CHANGE, { ...change, version: int(change.version) });
}

export const newChangeId = (): string => randomUUID();

const READ_CHANGES = `
MATCH (c:CatalogChange)
WHERE ($since IS NULL OR c.at >= datetime($since)) AND ($afterVersion IS NULL OR c.version > $afterVersion)
RETURN c {.*, at: toString(c.at)} AS change
ORDER BY c.version
LIMIT $limit`;

const COUNT_CHANGES = `
MATCH (c:CatalogChange)
WHERE ($since IS NULL OR c.at >= datetime($since))
RETURN count(c) AS count`;

/** Changes in the order they were made, from `since` on, after version `afterVersion`. */
export async function readChanges(
  database: Database,
  query: { since?: string; afterVersion?: number; limit: number },
): Promise<{ changes: CatalogChangeRecord[]; totalCount: number }> {
  return database.read(async (tx) => {
    const params = {
      since: query.since ?? null,
      afterVersion: query.afterVersion === undefined ? null : int(query.afterVersion),
      limit: int(query.limit),
    };
    const rows = await tx.run<{ change: CatalogChangeRecord & { at: DateTime | string } }>(
      READ_CHANGES,
      params,
    );
    const count = await tx.run<{ count: number }>(COUNT_CHANGES, params);
    return {
      changes: rows.records.map((r) => {
        const change = r.get('change');
        return { ...change, at: new Date(String(change.at)).toISOString() };
      }),
      totalCount: count.records[0].get('count'),
    };
  });
}
