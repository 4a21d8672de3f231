import { startLocalNeo4j } from '../../src/neo4j/local-neo4j';

/**
 * Starts one throwaway Neo4j (free ports, temp store) for the integration tests, or reuses the
 * database named by NEO4J_URI. Tests read TEST_NEO4J_URI; global-teardown stops what was started.
 * Tests reset and reseed the single user database themselves, so they must run in band.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) {
    process.env.TEST_NEO4J_URI = process.env.NEO4J_URI;
    return;
  }
  const neo4j = await startLocalNeo4j({
    boltPort: 0,
    httpPort: 0,
    log: (line) => console.log(`[test neo4j] ${line}`),
  });
  process.env.TEST_NEO4J_URI = neo4j.boltUri;
  process.env.TEST_NEO4J_HTTP_URL = neo4j.httpUrl;
  (globalThis as { testNeo4j?: typeof neo4j }).testNeo4j = neo4j;
}
