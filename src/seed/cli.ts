import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { SeedValidationError } from './catalog';
import { loadSeeds } from './load-seeds';
import { isNoChange } from './write-graph';
import { seedDatabase } from './seed-database';

/**
 * `npm run seed`: validate seeds/, then make the graph equal them in one transaction.
 * `npm run seed -- --check` only validates. Uses the local Neo4j that `npm start` runs when it
 * is up, starts one otherwise, or the database named by NEO4J_URI.
 */
async function main(): Promise<void> {
  const catalog = await loadSeeds();
  const counts = `${catalog.certifications.length} certifications, ${catalog.exams.length} exams, ${catalog.courses.length} courses`;
  if (process.argv.includes('--check')) {
    console.log(`Seeds are valid: ${counts}.`);
    return;
  }
  const db = await openDatabase(loadConfig().neo4j, {
    reuseRunningLocal: true,
    log: (l) => console.log(`[neo4j] ${l}`),
  });
  try {
    const report = await seedDatabase(db.database);
    console.log(`Seeded ${db.description} with ${counts}.`);
    console.log(
      isNoChange(report)
        ? 'The graph already matched the seeds; nothing changed.'
        : `Nodes: ${report.nodesCreated} created, ${report.nodesUpdated} updated, ${report.nodesDeleted} deleted. ` +
            `Relationships: ${report.relationshipsCreated} created, ${report.relationshipsUpdated} updated, ${report.relationshipsDeleted} deleted.`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof SeedValidationError || error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
