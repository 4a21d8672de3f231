/**
 * `npm run soak`: does the API's memory stay flat under load when clients send query texts it has
 * never seen? A throwaway Neo4j holds the seeds; the API (`dist/src/main.js`, as `npm start` runs
 * it) is a child process whose resident set size (RSS, from /proc) is sampled every few seconds
 * while autocannon (as a library) keeps `--connections` connections busy for `--minutes`
 * minutes. One request in five carries a query text no request sent before (a fresh alias), the
 * rest are the usual questions: lookups, a plan, paths, search, a requirement graph.
 *
 * Pass: the RSS after the first minute is within 1.2× of the RSS at the end (the end is at most
 * 1.2 times the one-minute sample). Exit code 1 otherwise, or when any answer was not a clean
 * GraphQL answer.
 *
 *   npm run soak                         # 10 minutes, 10 connections
 *   npm run soak -- --minutes 3          # shorter
 *   node dist/bench/soak.js --minutes 2 --heap-snapshots 30,90   # after `npm run build`:
 *                                        # heap snapshots of the API at those seconds
 *
 * Results and what retained the memory before the caches were bounded: bench/README.md.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { connect, loadSeedsInto, PROJECT_ROOT, startLocalNeo4j } from './compare/project';
import { memoryMiB } from './compare/proc';

interface Flags {
  minutes: number;
  connections: number;
  /** Every n-th request carries a query text never sent before. */
  uniqueEvery: number;
  sampleSeconds: number;
  /** Seconds into the load at which to write a heap snapshot of the API. */
  heapSnapshots: number[];
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const given = value(name);
    if (given === undefined) return fallback;
    const parsed = Number(given);
    if (!Number.isFinite(parsed) || parsed <= 0) {
      throw new Error(`--${name} ${given}: must be a positive number`);
    }
    return parsed;
  };
  return {
    minutes: number('minutes', 10),
    connections: number('connections', 10),
    uniqueEvery: number('unique-every', 5),
    sampleSeconds: number('sample-seconds', 10),
    heapSnapshots: (value('heap-snapshots') ?? '')
      .split(',')
      .filter((s) => s !== '')
      .map(Number),
  };
}

/** The questions a portal asks; every `uniqueEvery`-th request asks one of them in new words. */
const QUERIES = [
  '{ certification(code: "devops-engineer") { code name level status } }',
  '{ plan(target: "devops-engineer", holding: ["AZ-104"]) { optimal path { exams { code name } } } }',
  '{ certification(code: "azure-solutions-architect") { paths(first: 5) { totalCount nodes { exams { code } } } } }',
  '{ search(text: "azure admin", first: 5) { __typename ... on Exam { code } ... on Certification { code } } }',
  '{ certification(code: "azure-solutions-architect") { requirementGraph { nodes { id code } edges { from to } } } }',
];

const body = (query: string) => JSON.stringify({ query });

/** A 4xxxx port nothing listens on (loopback). */
async function freeLoopbackPort(): Promise<number> {
  for (;;) {
    const port = 40000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.error(`[soak] ${line}`);

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  log('starting Neo4j');
  const neo4j = await startLocalNeo4j({
    boltPort: await freeLoopbackPort(),
    httpPort: await freeLoopbackPort(),
  });
  const stops: (() => Promise<void>)[] = [() => neo4j.stop()];
  try {
    const admin = await connect({ uri: neo4j.boltUri });
    await loadSeedsInto(admin);
    await admin.close();

    const port = await freeLoopbackPort();
    const diagnostics = mkdtempSync(path.join(os.tmpdir(), 'certgraph-soak-'));
    const child = spawn(
      process.execPath,
      [
        ...(flags.heapSnapshots.length > 0
          ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${diagnostics}`]
          : []),
        path.join(PROJECT_ROOT, 'dist', 'src', 'main.js'),
      ],
      {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          NODE_ENV: 'production',
          // Auth is off on this Neo4j; certgraph insists on credentials with NEO4J_URI.
          NEO4J_URI: neo4j.boltUri,
          NEO4J_USERNAME: 'neo4j',
          NEO4J_PASSWORD: 'soak',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
      });
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    stops.unshift(async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    for (let tries = 0; ; tries++) {
      if (child.exitCode !== null) throw new Error(`the API exited:\n${tail.join('\n')}`);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(QUERIES[0]),
        });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (tries > 1200) throw new Error(`the API did not answer:\n${tail.join('\n')}`);
      await sleep(50);
    }
    const pid = child.pid!;

    let unique = 0;
    let bad = 0;
    let firstBad: string | undefined;
    const check = (status: number, text: string) => {
      if (status === 200 && !text.includes('"errors"')) return;
      bad++;
      firstBad ??= `${status} ${text.slice(0, 300)}`;
    };
    const requests = Array.from({ length: flags.uniqueEvery }, (_, i) => {
      const query = QUERIES[i % QUERIES.length];
      const fixed = {
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: body(query),
        onResponse: check,
      };
      if (i < flags.uniqueEvery - 1) return fixed;
      // A fresh alias makes a query text the server has never parsed.
      return {
        ...fixed,
        setupRequest: (request: autocannon.Request) => ({
          ...request,
          body: body(QUERIES[unique % QUERIES.length].replace(/^\{ (\w+)/, `{ u${unique++}: $1`)),
        }),
      };
    });

    const samples: { second: number; rss: number }[] = [];
    const startedAt = Date.now();
    const sample = () => {
      const second = Math.round((Date.now() - startedAt) / 1000);
      const { current } = memoryMiB(pid);
      samples.push({ second, rss: current });
      log(`${second} s: RSS ${current.toFixed(1)} MiB, ${unique} unique texts so far`);
    };
    sample();
    const sampler = setInterval(sample, flags.sampleSeconds * 1000);
    const snapshotTimers = flags.heapSnapshots.map((second) =>
      setTimeout(() => {
        log(`${second} s: heap snapshot into ${diagnostics}`);
        child.kill('SIGUSR2');
      }, second * 1000),
    );
    const result = await autocannon({
      url,
      connections: flags.connections,
      duration: flags.minutes * 60,
      requests,
    });
    clearInterval(sampler);
    snapshotTimers.forEach(clearTimeout);
    sample();

    const oneMinute = samples.find((s) => s.second >= 60) ?? samples[0];
    const end = samples.at(-1)!;
    const ratio = end.rss / oneMinute.rss;
    const pass = ratio <= 1.2 && bad === 0 && result.errors === 0;
    console.log(
      [
        `\n${flags.minutes} min, ${flags.connections} connections, 1 request in ${flags.uniqueEvery} a new query text`,
        `requests: ${result.requests.total} (${unique} unique texts), ${result.errors} connection errors, ${bad} bad answers${firstBad ? ` (first: ${firstBad})` : ''}`,
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        '',
        '| s | RSS MiB |',
        '| - | ------- |',
        ...thin(samples, 12).map((s) => `| ${s.second} | ${s.rss.toFixed(1)} |`),
        '',
        `RSS at ${oneMinute.second} s: ${oneMinute.rss.toFixed(1)} MiB, at the end: ${end.rss.toFixed(1)} MiB, end/first-minute ${ratio.toFixed(2)} (pass: ≤ 1.20): ${pass ? 'PASS' : 'FAIL'}`,
        ...(flags.heapSnapshots.length > 0 ? [`heap snapshots in ${diagnostics}`] : []),
      ].join('\n'),
    );
    return pass ? 0 : 1;
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

/** About `count` samples, evenly spread, always the first and the last. */
function thin<T>(all: T[], count: number): T[] {
  if (all.length <= count) return all;
  const step = (all.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => all[Math.round(i * step)]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
