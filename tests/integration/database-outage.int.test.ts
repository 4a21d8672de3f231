/**
 * When Neo4j goes away under a running API. Each test starts a Neo4j of its own (free ports, temp
 * home) and kills its JVM: the shared test database is never touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../../src/db/connect';
import { Database } from '../../src/db/database';
import { openDatabase, OpenDatabase } from '../../src/db/open-database';
import { applySchema } from '../../src/db/schema-setup';
import { DatabaseUnavailableError } from '../../src/errors';
import { LocalNeo4j, startLocalNeo4j } from '../../src/neo4j/local-neo4j';
import { seedDatabase } from '../../src/seed/seed-database';
import { startTestServer, TestServer } from '../support/http-test-server';

jest.setTimeout(240_000);

const QUERY = '{ exam(code: "AZ-400") { code name } }';
const EXPECTED = { data: { exam: { code: 'AZ-400', name: expect.any(String) } } };
/** A generous bound for "fails fast": the driver's own retries alone would take 30 s. */
const FAST_MS = 5_000;

/** A GraphQL answer as the tests read it. */
interface Answer {
  data?: { exam?: { code: string; name: string } | null };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(endpoint: string): Promise<{ status: number; body: Answer; ms: number }> {
  const started = Date.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
    signal: AbortSignal.timeout(60_000),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer,
    ms: Date.now() - started,
  };
}

async function getJson(url: string): Promise<{
  status: number;
  body: Record<string, unknown>;
  cache: string | null;
}> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cache: response.headers.get('cache-control'),
  };
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, ms = 120_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the local Neo4j of `npm start` (supervised)', () => {
  let dataDir: string;
  let db: OpenDatabase;
  let server: TestServer;
  const log: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-outage-'));
    db = await openDatabase(
      { kind: 'local', boltPort: 0, httpPort: 0, dataDir },
      { log: (line) => log.push(line) },
    );
    await applySchema(db.database);
    await seedDatabase(db.database);
    // 0: every request asks Neo4j for the catalog's version, i.e. every request needs Neo4j.
    server = await startTestServer(db.database, { catalogRefreshMs: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('is ready, fails fast while its JVM is gone, is restarted, and answers again', async () => {
    expect(await getJson(`${server.origin}/health/live`)).toEqual({
      status: 200,
      body: { status: 'live' },
      cache: 'no-store',
    });
    const ready = await getJson(`${server.origin}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'reachable' });
    expect(await post(server.endpoint)).toMatchObject({ status: 200, body: EXPECTED });

    const jvm = db.localPid!()!;
    process.kill(jvm, 'SIGKILL');
    await eventually('the JVM is gone', async () => (alive(jvm) ? undefined : true));

    const failed = await post(server.endpoint);
    expect(failed.body.errors).toEqual([
      expect.objectContaining({
        message: 'The catalog database is unavailable; try again shortly.',
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      }),
    ]);
    expect(JSON.stringify(failed.body)).not.toMatch(/neo4j|bolt|ECONNREFUSED/i);
    expect(failed.ms).toBeLessThan(FAST_MS);
    const again = await post(server.endpoint);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(again.ms).toBeLessThan(FAST_MS);

    const notReady = await getJson(`${server.origin}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    expect(await getJson(`${server.origin}/health/live`)).toMatchObject({ status: 200 });

    // No restart of the API: the supervisor brings Neo4j back, the breaker lets work through.
    const answered = await eventually('a right answer again', async () => {
      const answer = await post(server.endpoint);
      return answer.body.data?.exam ? answer : undefined;
    });
    expect(answered.body).toEqual(EXPECTED);
    await eventually('ready again', async () =>
      (await getJson(`${server.origin}/health/ready`)).status === 200 ? true : undefined,
    );
    expect(db.localPid!()).not.toBe(jvm);
    expect(log.join('\n')).toMatch(/exited unexpectedly \(killed by SIGKILL\); restarting it in/);
    expect(log.join('\n')).toMatch(/Neo4j is back \(restart 1/);
  });
});

describe('a Neo4j the API did not start (no supervisor)', () => {
  let neo4j: LocalNeo4j | undefined;
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-outage-remote-'));
    neo4j = await startLocalNeo4j({ boltPort: 0, httpPort: 0, dataDir });
    database = new Database(await connect({ uri: neo4j.boltUri }));
  });
  afterAll(async () => {
    await database?.close();
    await neo4j?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('work fails fast once it is gone and goes through again when it is back', async () => {
    const one = (tx: Parameters<Parameters<Database['read']>[0]>[0]) =>
      tx.run('RETURN 1 AS one').then((result) => result.records[0].get('one'));
    expect(await database.read(one)).toBe(1);
    const { boltUri, httpUrl } = neo4j!;
    neo4j!.kill();
    await neo4j!.exited;

    // The first failure costs one connection attempt (plus the driver's short retries)...
    let started = Date.now();
    await expect(database.read(one)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(FAST_MS);
    expect(database.availability.state().reachable).toBe(false);
    // ...and from then on the breaker answers without trying.
    started = Date.now();
    await expect(database.version()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(database.write(one)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - started).toBeLessThan(FAST_MS);
    // A refused query is not an outage: only unreachable errors open the breaker (checked below).

    neo4j = await startLocalNeo4j({
      boltPort: Number(new URL(boltUri).port),
      httpPort: Number(new URL(httpUrl).port),
      dataDir,
    });
    expect(await eventually('work goes through', () => database.read(one))).toBe(1);
    expect(database.availability.state().reachable).toBe(true);

    await expect(database.read((tx) => tx.run('THIS IS NOT CYPHER'))).rejects.toThrow();
    expect(database.availability.state().reachable).toBe(true);
    expect(await database.read(one)).toBe(1);
  });
});
