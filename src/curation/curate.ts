import { GraphQLError } from 'graphql';
import { int, ManagedTransaction } from 'neo4j-driver';
import { Database } from '../db/database';
import { readGraph } from '../db/read-graph';
import { catalogToGraph } from '../seed/catalog-to-graph';
import { itemToYaml } from '../seed/catalog-to-yaml';
import { graphToCatalog } from '../seed/graph-to-catalog';
import { writeGraphIn } from '../seed/write-graph';
import { Catalog } from '../seed/catalog';
import { CatalogChangeRecord, newChangeId, recordChange } from './catalog-changes';
import { Applied, findItem, ItemRef } from './mutations';

/** The catalog moved on since the curator read it: nothing was written. */
export class CatalogConflictError extends GraphQLError {
  constructor(expected: number, actual: number) {
    super(
      `expectedVersion: the catalog is at version ${actual}, not ${expected}: someone else changed it since; read it again and retry. Nothing was written.`,
      { extensions: { code: 'CONFLICT', expectedVersion: expected, catalogVersion: actual } },
    );
  }
}

/**
 * Takes the catalog's write lock and reads its version. Setting a property locks the node until
 * the transaction ends, so two curators' transactions run one after the other, and the second
 * reads the version the first wrote.
 */
const LOCK_VERSION = `
MERGE (s:CatalogState {id: 'catalog'})
ON CREATE SET s.version = 0
SET s.locked = true
RETURN s.version AS version`;

const SET_VERSION = `
MATCH (s:CatalogState {id: 'catalog'})
SET s.version = $version
REMOVE s.locked`;

const READ_VERSION = `
OPTIONAL MATCH (s:CatalogState {id: 'catalog'})
RETURN coalesce(s.version, 0) AS version`;

/** The catalog's version: 0 until the first curated change; every change adds one. */
export function catalogVersion(database: Database): Promise<number> {
  return database.read(async (tx) =>
    (await tx.run<{ version: number }>(READ_VERSION)).records[0].get('version'),
  );
}

export interface CurationRequest {
  mutation: string;
  arguments: Record<string, unknown>;
  who: string;
  sources: string[];
  expectedVersion?: number | null;
  /** The change itself, over the catalog as the graph holds it; throws to refuse. */
  apply: (catalog: Catalog) => Applied;
}

export interface CurationResult {
  version: number;
  change: CatalogChangeRecord;
  touched: ItemRef[];
}

const itemJson = (catalog: Catalog, refs: ItemRef[]) =>
  JSON.stringify(
    refs.map((ref) => {
      const found = findItem(catalog, ref.code);
      return found?.kind === ref.kind ? itemToYaml(ref.kind, found.item) : null;
    }),
  );

/**
 * One mutation, one write transaction: lock and check the version, read the graph as a catalog,
 * apply the change, check it with the seeds' validator (inside `apply`), write the difference,
 * record the change. Any throw (a refusal, a conflict, Neo4j going away) rolls all of it back.
 */
export function curate(database: Database, request: CurationRequest): Promise<CurationResult> {
  return database.write(async (tx: ManagedTransaction) => {
    const current = (await tx.run<{ version: number }>(LOCK_VERSION)).records[0].get('version');
    if (request.expectedVersion != null && request.expectedVersion !== current) {
      throw new CatalogConflictError(request.expectedVersion, current);
    }
    const before = graphToCatalog(await readGraph(tx));
    const applied = request.apply(before);
    await writeGraphIn(tx, catalogToGraph(applied.catalog));
    const version = current + 1;
    await tx.run(SET_VERSION, { version: int(version) });
    const change: CatalogChangeRecord = {
      id: newChangeId(),
      version,
      who: request.who,
      at: new Date().toISOString(),
      mutation: request.mutation,
      arguments: JSON.stringify(request.arguments),
      before: itemJson(before, applied.touched),
      after: itemJson(applied.catalog, applied.touched),
      sources: request.sources,
    };
    await recordChange(tx, change);
    return { version, change, touched: applied.touched };
  });
}
