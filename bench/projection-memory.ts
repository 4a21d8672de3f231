/**
 * `npm run bench:memory`: how much heap the in-memory catalog (src/store/catalog-projection.ts)
 * takes, on the seeds and on the 1000x synthetic catalog. A throwaway local Neo4j holds each in
 * turn; the snapshot is built in this process (run with --expose-gc), and the heap used after two
 * forced collections is compared before and after. Results: bench/README.md.
 */
import {
  connect,
  loadSeedsInto,
  loadSnapshot,
  loadSyntheticInto,
  startLocalNeo4j,
} from './compare/project';

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

function heapAfterCollections(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const neo4j = await startLocalNeo4j({ boltPort: 0, httpPort: 0 });
  const driver = await connect({ uri: neo4j.boltUri });
  const kept: object[] = [];
  try {
    for (const dataset of ['seeds', '1000x'] as const) {
      if (dataset === 'seeds') await loadSeedsInto(driver);
      else await loadSyntheticInto(driver, 1000);
      const { records } = await driver.executeQuery(
        'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels',
      );
      const before = heapAfterCollections();
      const started = Date.now();
      kept.push(await loadSnapshot(driver)); // kept alive until the heap is read
      const seconds = ((Date.now() - started) / 1000).toFixed(2);
      const heap = heapAfterCollections() - before;
      console.log(
        `| ${dataset} | ${records[0].get('nodes')} | ${records[0].get('rels')} | ${seconds} s | ${mib(heap)} MiB |`,
      );
    }
  } finally {
    await driver.close();
    await neo4j.stop();
  }
  if (kept.length !== 2) throw new Error('a snapshot was not built');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
