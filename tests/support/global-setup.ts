import { startLocalNeo4j } from '../../src/neo4j/local-neo4j';

/**
 * Starts one throwaway Neo4j (free ports, temp store) for the integration tests, or uses the one
 * named by TEST_NEO4J_URI (with TEST_NEO4J_USERNAME, TEST_NEO4J_PASSWORD, TEST_NEO4J_DATABASE).
 * The tests empty and reseed that database, so they never read NEO4J_URI: a test run must not
 * wipe the catalog the application uses. global-teardown stops what was started here.
 */
export default async function globalSetup(): Promise<void> {
  // Request lines of the servers the tests start would bury jest's output; a test that reads the
  // log sets its own level or logger.
  process.env.LOG_LEVEL ??= 'silent';
  if (process.env.TEST_NEO4J_URI) return;
  const neo4j = await startLocalNeo4j({
    boltPort: 0,
    httpPort: 0,
    log: (line) => console.log(`[test neo4j] ${line}`),
  });
  process.env.TEST_NEO4J_URI = neo4j.boltUri;
  process.env.TEST_NEO4J_HTTP_URL = neo4j.httpUrl;
  (globalThis as { testNeo4j?: typeof neo4j }).testNeo4j = neo4j;
}
