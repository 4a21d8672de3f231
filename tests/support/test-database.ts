import { Driver } from 'neo4j-driver';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { applySchema } from '../../src/db/schema-setup';
import { Catalog } from '../../src/seed/catalog';
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { seedDatabase } from '../../src/seed/seed-database';
import { writeGraph } from '../../src/seed/write-graph';

export interface TestDatabase {
  database: Database;
  driver: Driver;
  close(): Promise<void>;
}

/** Connects to the Neo4j that global-setup started (or TEST_NEO4J_URI). Call close() in afterAll. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const env = process.env;
  if (!env.TEST_NEO4J_URI) {
    throw new Error(
      'TEST_NEO4J_URI is not set: run integration tests through jest (global-setup starts Neo4j).',
    );
  }
  const driver = await connect({
    uri: env.TEST_NEO4J_URI,
    username: env.TEST_NEO4J_USERNAME,
    password: env.TEST_NEO4J_PASSWORD,
  });
  const database = new Database(driver, env.TEST_NEO4J_DATABASE || undefined);
  return { database, driver, close: () => database.close() };
}

/** Empties the shared database and applies the schema: every test file starts from here. */
export async function resetDatabase(database: Database): Promise<void> {
  await database.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  await applySchema(database);
}

/** An empty database seeded from seeds/ (or another folder of seed files). */
export async function resetAndSeed(database: Database, seedsDir?: string): Promise<void> {
  await resetDatabase(database);
  await seedDatabase(database, seedsDir);
}

/** An empty database holding only `catalog` (e.g. a synthetic one), written as seeding does. */
export async function resetAndLoad(database: Database, catalog: Catalog): Promise<void> {
  await resetDatabase(database);
  await writeGraph(database, catalogToGraph(catalog));
}

/** Every node and relationship, as sorted text: two snapshots are equal iff the graphs are. */
export async function snapshotGraph(database: Database): Promise<string[]> {
  return database.read(async (tx) => {
    const nodes = await tx.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties');
    const rels = await tx.run(
      'MATCH (a)-[r]->(b) RETURN coalesce(a.code, a.id) AS from, type(r) AS type, properties(r) AS properties, coalesce(b.code, b.id) AS to',
    );
    const sortKeys = (o: Record<string, unknown>) =>
      JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
    return [
      ...nodes.records.map(
        (r) => `node ${[...r.get('labels')].sort().join(':')} ${sortKeys(r.get('properties'))}`,
      ),
      ...rels.records.map(
        (r) =>
          `rel ${r.get('from')} -${r.get('type')} ${sortKeys(r.get('properties'))}-> ${r.get('to')}`,
      ),
    ].sort();
  });
}
