/**
 * Starts real Neo4j servers through the Maven-built launcher (no Docker). Every instance here uses
 * free ports and its own data dir, so it never touches the shared test database or `npm start`'s.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { prepareLocalNeo4j, startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/local-neo4j';

// Each start takes ~5 s on a warm machine; a persistence round trip is two of them.
jest.setTimeout(180_000);

const started: LocalNeo4j[] = [];

async function start(dataDir?: string): Promise<LocalNeo4j> {
  const server = await startLocalNeo4j({ boltPort: 0, httpPort: 0, dataDir });
  started.push(server);
  return server;
}

async function query(boltUri: string, cypher: string, params: Record<string, unknown> = {}) {
  const driver = neo4j.driver(boltUri); // the local server runs without authentication
  try {
    return (await driver.executeQuery(cypher, params)).records;
  } finally {
    await driver.close();
  }
}

// The first run on a machine downloads Neo4j (~60 MB) from Maven Central; keep that out of test timings.
beforeAll(() => prepareLocalNeo4j(), 600_000);

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
});

test('a throwaway instance answers Bolt, serves Neo4j Browser, and deletes its temp dir on stop', async () => {
  const server = await start();
  expect(server.boltUri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
  expect(server.browserUrl).toBe(`${server.httpUrl}/browser/`);

  const records = await query(server.boltUri, 'RETURN 1 AS one');
  expect(records.map((r) => r.get('one').toNumber())).toEqual([1]);

  const browser = await fetch(server.browserUrl);
  expect(browser.status).toBe(200);
  expect(await browser.text()).toContain('<title>Neo4j Browser</title>');

  // Browser finds the Bolt endpoint through the HTTP discovery document.
  const discovery = (await (await fetch(`${server.httpUrl}/`)).json()) as Record<string, string>;
  expect(discovery.bolt_direct).toBe(server.boltUri);

  await server.stop();
  await server.stop(); // idempotent
  expect(existsSync(server.dataDir)).toBe(false);
});

test('data persists across stop and start with the same dataDir', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'certgraph-persist-test-'));
  const token = randomUUID();
  try {
    const first = await start(dataDir);
    await query(first.boltUri, 'CREATE (:PersistenceCheck {token: $token})', { token });
    await first.stop();
    expect(existsSync(dataDir)).toBe(true); // a caller-owned dir is never deleted

    const second = await start(dataDir);
    const records = await query(
      second.boltUri,
      'MATCH (n:PersistenceCheck) RETURN n.token AS token',
    );
    expect(records.map((r) => r.get('token'))).toEqual([token]);
    await second.stop();
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('a port that is already taken is named in the error', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    await expect(startLocalNeo4j({ boltPort: port, httpPort: 0 })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use (Bolt). Stop the other process or set NEO4J_BOLT_PORT`,
    );
    await expect(startLocalNeo4j({ boltPort: 0, httpPort: port })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use (HTTP). Stop the other process or set NEO4J_HTTP_PORT`,
    );
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
