/**
 * Everything the comparison harness takes from certgraph's own source, in one place: these
 * modules are moving, so their paths are fixed here and nowhere else. The harness otherwise
 * treats certgraph as a black box (it starts `dist/src/main.js` and talks HTTP to it).
 */
import 'reflect-metadata';
import { Driver } from 'neo4j-driver';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { applySchema } from '../../src/db/schema-setup';
import { startLocalNeo4j, LocalNeo4j } from '../../src/neo4j/local-neo4j';
import { PropertyGraph } from '../../src/graph/model';
import { PROJECT_ROOT } from '../../src/project-root';
import { Catalog } from '../../src/seed/catalog';
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { loadSeeds } from '../../src/seed/load-seeds';
import { seedDatabase } from '../../src/seed/seed-database';
import { writeGraph } from '../../src/seed/write-graph';
import { PathsService } from '../../src/services/paths.service';
import { CatalogProjection } from '../../src/store/catalog-projection';
import { seedSizedOptions, syntheticCatalog } from '../../tests/support/synthetic-catalog';

export type { Catalog, LocalNeo4j, PropertyGraph };
export { catalogToGraph, connect, loadSeeds, PROJECT_ROOT, startLocalNeo4j };

/** Makes the database hold exactly the seeds (what `npm start` would seed). */
export async function loadSeedsInto(driver: Driver): Promise<Catalog> {
  await seedDatabase(new Database(driver));
  return loadSeeds();
}

/** Empties the database, then writes the synthetic catalog of `scale` times the seed's size. */
export async function loadSyntheticInto(driver: Driver, scale: number): Promise<Catalog> {
  const database = new Database(driver);
  const catalog = syntheticCatalog(seedSizedOptions(scale));
  await database.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  await applySchema(database);
  await writeGraph(database, catalogToGraph(catalog));
  return catalog;
}

/**
 * The path questions exactly as the GraphQL resolvers ask them, with their defaults (plans leave
 * out unconfirmed alternatives, paths list them), but called in process: no HTTP, no GraphQL,
 * over the same in-memory catalog snapshot the API reads (built from one read of the database).
 */
export async function directPathQuestions(driver: Driver) {
  const projection = await CatalogProjection.load(new Database(driver), { refreshMs: 0 });
  projection.stop();
  const service = new PathsService(projection.current());
  return {
    plan: (target: string, day: string) =>
      service.plan(target, [], 'FEWEST_EXAMS', { day, minConfidence: 'SECONDARY' }),
    paths: (code: string, day: string) =>
      service.paths(code, [], 20, { day, minConfidence: 'UNCONFIRMED' }),
  };
}

/** The in-memory catalog the API would build at start from what the database holds now. */
export async function loadSnapshot(driver: Driver): Promise<object> {
  const projection = await CatalogProjection.load(new Database(driver), { refreshMs: 0 });
  projection.stop();
  return projection.current();
}
