/**
 * A start that finds Neo4j not up yet waits for it, saying what it waits for, up to
 * NEO4J_STARTUP_TIMEOUT_MS, instead of failing at the first refused connection.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect } from '../../src/db/connect';
import { LocalNeo4j, startLocalNeo4j } from '../../src/neo4j/local-neo4j';
import { PROJECT_ROOT } from '../../src/project-root';
import { freePort } from '../../src/neo4j/preconditions';

jest.setTimeout(240_000);

const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');

test('npm start gives up after NEO4J_STARTUP_TIMEOUT_MS, having said what it waited for', async () => {
  expect(existsSync(MAIN)).toBe(true);
  const uri = `bolt://127.0.0.1:${await freePort()}`; // nothing listens there
  const started = Date.now();
  const failure = await promisify(execFile)(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'secret',
      NEO4J_STARTUP_TIMEOUT_MS: '3000',
      PORT: '0',
    },
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  const elapsed = Date.now() - started;
  expect('code' in failure && failure.code).toBe(1);
  const output = `${failure.stdout}\n${failure.stderr}`;
  expect(output).toContain(`waiting for Neo4j at ${uri}`);
  expect(output).toMatch(/attempt 2 in \d+\.\d s, giving up in \d+ s/);
  expect(output).toContain(`Could not connect to Neo4j at ${uri}`);
  expect(elapsed).toBeGreaterThanOrEqual(3_000);
  expect(elapsed).toBeLessThan(60_000);
});

test('connect waits for a Neo4j that comes up later', async () => {
  const boltPort = await freePort();
  const httpPort = await freePort();
  const lines: string[] = [];
  let neo4j: LocalNeo4j | undefined;
  const later = new Promise<void>((resolve) => setTimeout(resolve, 2_000)).then(async () => {
    neo4j = await startLocalNeo4j({ boltPort, httpPort });
  });
  try {
    const driver = await connect(
      { uri: `bolt://127.0.0.1:${boltPort}` },
      { waitMs: 200_000, log: (line) => lines.push(line) },
    );
    await driver.close();
    expect(lines[0]).toMatch(/^waiting for Neo4j at bolt:\/\/127\.0\.0\.1:\d+ \(/);
    expect(lines.at(-1)).toMatch(/answers \(attempt \d+\)$/);
  } finally {
    await later;
    await neo4j?.stop();
  }
});
