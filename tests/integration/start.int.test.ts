import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/project-root';
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { loadSeeds } from '../../src/seed/load-seeds';
import { ANY_STATUS } from '../support/statuses';

/**
 * The README's run command as a user meets it: `node dist/src/main.js` (what `npm start` runs
 * after building) starts its own Neo4j, seeds the empty store, serves GraphQL and stops
 * everything on SIGTERM; a second start reuses the stored data.
 */
const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(MAIN)) {
    execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-start-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: string[];
  graphqlUrl: string;
  browserUrl: string;
}

function start(): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: '0',
      NEO4J_BOLT_PORT: '0',
      NEO4J_HTTP_PORT: '0',
      NEO4J_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let graphqlUrl = '';
    readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      graphqlUrl ||= /^GraphQL API:\s+(\S+)/.exec(line)?.[1] ?? '';
      const browserUrl = /^Neo4j Browser:\s+(\S+)/.exec(line)?.[1];
      if (browserUrl) resolve({ child, output, graphqlUrl, browserUrl });
    });
    child.once('exit', (code) =>
      reject(new Error(`main.js exited with ${code}:\n${output.join('\n')}`)),
    );
  });
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function countCertifications(url: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ certifications(status: ${ANY_STATUS}) { totalCount } }` }),
  });
  return (await response.json()).data.certifications.totalCount;
}

test('starts Neo4j, seeds it, serves GraphQL and Neo4j Browser, and keeps the data', async () => {
  // The empty store gets the whole of seeds/, every node and relationship of its graph
  // (seed.int.test.ts states the exact numbers).
  const catalog = await loadSeeds();
  const graph = catalogToGraph(catalog);
  const certifications = catalog.certifications.length;
  const first = await start();
  try {
    expect(first.output.join('\n')).toContain(
      `Seeded the empty database: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`,
    );
    expect(await countCertifications(first.graphqlUrl)).toBe(certifications);
    const browser = await fetch(first.browserUrl);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toMatch(/Neo4j Browser/i);
  } finally {
    expect(await stop(first)).toBe(0);
  }

  const second = await start();
  try {
    expect(second.output.join('\n')).not.toMatch(/Seeded/);
    expect(await countCertifications(second.graphqlUrl)).toBe(certifications);
  } finally {
    expect(await stop(second)).toBe(0);
  }
}, 240_000);

test('names a wrong setting and exits without starting anything', () => {
  let failure: { status: number; stderr: string } | undefined;
  try {
    execFileSync(process.execPath, [MAIN], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: '', PORT: 'http', NEO4J_DATA_DIR: dataDir },
      stdio: 'pipe',
    });
  } catch (error) {
    failure = {
      status: (error as { status: number }).status,
      stderr: String((error as { stderr: Buffer }).stderr),
    };
  }
  expect(failure?.status).toBe(1);
  expect(failure?.stderr).toContain('PORT="http": must be a number');
});
