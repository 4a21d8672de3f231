import { Database } from '../db/database';
import { applySchema } from '../db/schema-setup';
import { catalogToGraph } from './catalog-to-graph';
import { loadSeeds, SEEDS_DIR } from './load-seeds';
import { SeedReport, writeGraph } from './write-graph';

/** Validates every seed file first (throwing before any write), then writes the catalog in one transaction. */
export async function seedDatabase(database: Database, seedsDir = SEEDS_DIR): Promise<SeedReport> {
  const catalog = await loadSeeds(seedsDir);
  await applySchema(database);
  return writeGraph(database, catalogToGraph(catalog));
}

const COUNT_CATALOG_ITEMS = `
MATCH (n)
WHERE n:Certification OR n:Exam OR n:Course
RETURN count(n) AS count`;

export async function isCatalogEmpty(database: Database): Promise<boolean> {
  const count = await database.read(async (tx) =>
    (await tx.run<{ count: number }>(COUNT_CATALOG_ITEMS)).records[0].get('count'),
  );
  return count === 0;
}
