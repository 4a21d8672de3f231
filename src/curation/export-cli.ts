import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { SEEDS_DIR } from '../seed/load-seeds';
import { exportSeeds } from './export-seeds';

/**
 * `npm run export`: writes the graph back into seeds/ (docs/curation.md), so that a curated
 * change can be reviewed as a YAML diff and `npm run seed` of the result gives the same graph.
 * Uses the local Neo4j that `npm start` runs when it is up, or the database named by NEO4J_URI.
 */
async function main(): Promise<void> {
  const db = await openDatabase(loadConfig().neo4j, {
    reuseRunningLocal: true,
    log: (l) => console.log(`[neo4j] ${l}`),
  });
  try {
    const report = await exportSeeds(db.database, SEEDS_DIR);
    if (report.files.length === 0) {
      console.log('seeds/ already matched the graph; nothing changed.');
      return;
    }
    const list = (what: string, codes: string[]) =>
      codes.length > 0 ? `\n  ${what}: ${codes.join(', ')}` : '';
    console.log(
      `Exported ${db.description} into ${report.files.map((f) => `seeds/${f}`).join(', ')}:` +
        list('added', report.added) +
        list('changed', report.changed) +
        list('removed', report.removed),
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
