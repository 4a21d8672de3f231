/**
 * `npm run fuzz`: fast-check's requests (bench/fuzz-cases.ts) against a running, seeded server.
 *
 * Without `--url` it starts `node dist/src/main.js` with its own local Neo4j (temp data dir, free
 * ports), which seeds the empty store, and stops it at the end. Reported: answers by status and
 * kind of request, 5xx answers, answers carrying INTERNAL_SERVER_ERROR, leaks (stack frames,
 * server paths, Cypher, driver or runtime text, HTML error pages), error answers that are not
 * GraphQL JSON, and whether the graph (node and relationship counts, read over Bolt) is the same
 * afterwards. Exits 1 if any 5xx, leak or change to the graph was seen.
 *
 * Options: `--count=N` (default 10000), `--seed=N`, `--concurrency=N` (default 8),
 * `--url=http://host:port --bolt=bolt://host:port` (a server already running; the graph check
 * needs --bolt), `--json` (the tally as JSON).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../src/project-root';
import { freePort } from '../src/neo4j/preconditions';
import { runFuzz } from './fuzz-cases';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');
const args = process.argv.slice(2);
const option = (name: string) =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const COUNT = Number(option('count') ?? 10_000);
const SEED = Number(option('seed') ?? 20261202);
const CONCURRENCY = Number(option('concurrency') ?? 8);

interface Target {
  origin: string;
  bolt?: string;
  stop(): Promise<void>;
}

/** The product as `npm start` runs it, on free ports, its data in a temp folder. */
async function startServer(): Promise<Target> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-fuzz-'));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: String(await freePort()),
      NEO4J_BOLT_PORT: '0',
      NEO4J_HTTP_PORT: '0',
      NEO4J_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const { origin, bolt } = await new Promise<{ origin: string; bolt: string }>(
    (resolve, reject) => {
      let url = '';
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        output.push(line);
        url ||= /^GraphQL API:\s+(\S+)/.exec(line)?.[1] ?? '';
        const boltUri = /^Neo4j:\s+(bolt:\/\/\S+)/.exec(line)?.[1];
        if (url && boltUri) resolve({ origin: new URL(url).origin, bolt: boltUri });
      });
      void exited.then(() => reject(new Error(`main.js exited:\n${output.join('\n')}`)));
    },
  );
  return {
    origin,
    bolt,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function graphCounts(bolt: string): Promise<{ nodes: number; relationships: number }> {
  const driver = neo4j.driver(bolt);
  try {
    const { records } = await driver.executeQuery(
      'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
    );
    return {
      nodes: records[0].get('nodes').toNumber(),
      relationships: records[0].get('relationships').toNumber(),
    };
  } finally {
    await driver.close();
  }
}

async function main(): Promise<void> {
  const url = option('url');
  const target: Target = url
    ? { origin: new URL(url).origin, bolt: option('bolt'), stop: async () => {} }
    : await startServer();
  try {
    const before = target.bolt ? await graphCounts(target.bolt) : undefined;
    const started = Date.now();
    const tally = await runFuzz(target.origin, {
      count: COUNT,
      seed: SEED,
      concurrency: CONCURRENCY,
    });
    const seconds = (Date.now() - started) / 1000;
    const after = target.bolt ? await graphCounts(target.bolt) : undefined;
    const intact =
      before && after
        ? before.nodes === after.nodes && before.relationships === after.relationships
        : undefined;
    if (args.includes('--json')) {
      console.log(JSON.stringify({ ...tally, seconds, before, after, intact }, null, 2));
    } else {
      console.log(`fuzz: ${tally.requests} requests in ${seconds.toFixed(1)} s (seed ${SEED})`);
      console.log(`  by kind:   ${JSON.stringify(tally.byKind)}`);
      console.log(`  by status: ${JSON.stringify(tally.byStatus)}`);
      console.log(`  5xx answers:                   ${tally.serverErrors}`);
      console.log(`  INTERNAL_SERVER_ERROR answers: ${tally.internalServerErrorCodes}`);
      console.log(
        `  answers with a leak:           ${tally.leaks} ${JSON.stringify(tally.leaksByName)}`,
      );
      console.log(`  error answers not JSON:        ${tally.notJson}`);
      console.log(`  transport errors:              ${tally.transportErrors}`);
      console.log(
        `  graph: ${before ? `${before.nodes} nodes, ${before.relationships} relationships before` : 'not checked (no --bolt)'}${
          after
            ? `; ${after.nodes}, ${after.relationships} after: ${intact ? 'intact' : 'CHANGED'}`
            : ''
        }`,
      );
      for (const { problem, request, answer } of tally.examples.slice(0, 12)) {
        console.log(`\n  e.g. ${problem}: ${request.method} ${request.path.slice(0, 120)}`);
        if (request.body) console.log(`    body: ${request.body.slice(0, 160)}`);
        if (answer) console.log(`    -> ${answer.status} ${answer.body.slice(0, 240)}`);
      }
    }
    const failed = tally.serverErrors > 0 || tally.leaks > 0 || intact === false;
    process.exitCode = failed ? 1 : 0;
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
