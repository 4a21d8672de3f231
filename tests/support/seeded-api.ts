import type { CertgraphOptions } from '../../src/app';
import { startTestServer, TestServer } from './http-test-server';
import { createTestApi, TestApi } from './test-api';
import { openTestDatabase, resetAndSeed, TestDatabase } from './test-database';

/**
 * For a test file that reads the seed catalog through GraphQL: registers the beforeAll that
 * resets and seeds the shared database and builds the API over it, and the afterAll that stops
 * both. Use the returned handle inside tests (its fields are set once beforeAll has run).
 */
export function useSeededApi(): { db: TestDatabase; api: TestApi } {
  const handle = {} as { db: TestDatabase; api: TestApi };
  beforeAll(async () => {
    handle.db = await openTestDatabase();
    await resetAndSeed(handle.db.database);
    handle.api = await createTestApi(handle.db.database);
  });
  afterAll(async () => {
    await handle.api?.stop();
    await handle.db?.close();
  });
  return handle;
}

/**
 * useSeededApi's twin for tests that need the standalone app over a real socket: the seeded
 * database and startTestServer(options), started in beforeAll and stopped in afterAll.
 */
export function useSeededServer(options: CertgraphOptions = {}): {
  db: TestDatabase;
  server: TestServer;
} {
  const handle = {} as { db: TestDatabase; server: TestServer };
  beforeAll(async () => {
    handle.db = await openTestDatabase();
    await resetAndSeed(handle.db.database);
    handle.server = await startTestServer(handle.db.database, options);
  });
  afterAll(async () => {
    await handle.server?.close();
    await handle.db?.close();
  });
  return handle;
}
