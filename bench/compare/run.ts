/**
 * `npm run bench:compare`: certgraph side by side with the floor (bare node:http + one Cypher
 * query per operation) and the peer (@neo4j/graphql on Apollo Server), over one local Neo4j, on
 * the seeds and on a 1000x synthetic catalog; plan and paths against the same questions called
 * in process. `--smoke`: every tier answers every operation once, checked, no timing.
 * Method and flags: bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Driver } from 'neo4j-driver';
import { BoltCounts, BoltProxy, startBoltProxy } from './bolt-proxy';
import {
  firstDifference,
  Golden,
  goldenAnswers,
  Operation,
  OPERATIONS,
  PathsAnswer,
  PlanAnswer,
  Recorded,
  seedTargets,
  syntheticTargets,
  Targets,
} from './golden';
import { loadHttp, loadInProcess, LoadOptions, Measurement } from './load';
import {
  catalogToGraph,
  connect,
  loadSeedsInto,
  loadSyntheticInto,
  PROJECT_ROOT,
  startLocalNeo4j,
} from './project';
import { cpuMs, memoryMiB } from './proc';
import { Cell, DatasetResult, Meta, reportMarkdown, ProcessRow, SmokeRow } from './report';
import { certgraph } from './tiers/certgraph';
import { directTier, InProcessTier } from './tiers/direct';
import { floor } from './tiers/floor';
import { peer } from './tiers/peer';
import { RunningTier, Tier } from './tiers/tier';

const HTTP_TIERS: Tier[] = [certgraph, floor, peer];
const DATASETS = ['seeds', '1000x'] as const;
const RECORDED_FILE = path.join(PROJECT_ROOT, 'bench', 'compare', 'golden.json');

interface Flags {
  smoke: boolean;
  recordGolden: boolean;
  rounds: number;
  seconds: number;
  warmup: number;
  latencySeconds: number;
  connections: number;
  datasets: string[];
  operations: Operation[];
  out: string;
}

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const number = (name: string, fallback: number) => {
    const n = Number(value(name, String(fallback)));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const list = <T extends string>(name: string, all: readonly T[]) => {
    const chosen = value(name, all.join(',')).split(',') as T[];
    const unknown = chosen.filter((x) => !all.includes(x));
    if (unknown.length > 0) throw new Error(`--${name}: unknown ${unknown.join(', ')}`);
    return chosen;
  };
  return {
    smoke: argv.includes('--smoke'),
    recordGolden: argv.includes('--record-golden'),
    rounds: number('rounds', 3),
    seconds: number('seconds', 5),
    warmup: number('warmup', 1),
    latencySeconds: number('latency-seconds', 5),
    connections: number('connections', 10),
    datasets: list('datasets', DATASETS),
    operations: list('operations', OPERATIONS),
    out: value('out', path.join(PROJECT_ROOT, 'bench', 'compare', 'latest.md')),
  };
}

/** Stops what was started, newest first, whatever happens (success, failure, SIGINT). */
class Cleanup {
  private steps: (() => Promise<void> | void)[] = [];
  add(step: () => Promise<void> | void): () => Promise<void> {
    this.steps.push(step);
    return async () => {
      this.steps = this.steps.filter((s) => s !== step);
      await step();
    };
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('cleanup:', error);
      }
    }
    this.steps = [];
  }
}

const log = (line: string) => console.error(`[bench:compare] ${line}`);

function readRecorded(dataset: string): Recorded | undefined {
  try {
    return (JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as Record<string, Recorded>)[dataset];
  } catch {
    return undefined;
  }
}

function writeRecorded(dataset: string, recorded: Recorded): void {
  let all: Record<string, Recorded> = {};
  try {
    all = JSON.parse(readFileSync(RECORDED_FILE, 'utf8'));
  } catch {
    // the first recording
  }
  all[dataset] = recorded;
  writeFileSync(RECORDED_FILE, JSON.stringify(all, null, 2) + '\n');
}

/** One way to run a measurement for a (tier, operation) pair, and whose CPU it costs. */
interface Subject {
  tier: string;
  pid: number;
  run(options: LoadOptions): Promise<Measurement>;
  once(): Promise<string | null>;
}

function httpSubject(tier: Tier, running: RunningTier, op: Operation, t: Targets, golden: Golden) {
  const call = tier.call(op, t);
  if (!call) return undefined;
  const expected = golden[op] && JSON.parse(golden[op]);
  const seen = new Set<string>();
  // Identical bodies are checked once; every other body is parsed and compared.
  const verify = (status: number, body: string): string | null => {
    if (status !== 200) return `HTTP ${status}: ${body.slice(0, 120)}`;
    if (seen.has(body)) return null;
    if (expected === undefined) return 'no golden answer recorded (run with --record-golden)';
    let answer: unknown;
    try {
      answer = tier.canonical(op, body, t);
    } catch (error) {
      return `not an answer (${error instanceof Error ? error.message : String(error)}): ${body.slice(0, 120)}`;
    }
    const difference = firstDifference(answer, expected);
    if (difference === null && seen.size < 16) seen.add(body);
    return difference;
  };
  const subject: Subject = {
    tier: tier.name,
    pid: running.pid,
    run: (options) => loadHttp(running.url, call, verify, options),
    once: async () => {
      const response = await fetch(running.url + call.path, {
        method: call.method,
        headers: call.headers,
        body: call.body,
      });
      return verify(response.status, await response.text());
    },
  };
  return subject;
}

function inProcessSubject(tier: InProcessTier, op: Operation, t: Targets, golden: Golden) {
  const ask = tier.ask(op, t);
  if (!ask) return undefined;
  const verify = (answer: unknown) =>
    golden[op] === undefined
      ? 'no golden answer recorded (run with --record-golden)'
      : firstDifference(answer, JSON.parse(golden[op]));
  const subject: Subject = {
    tier: tier.name,
    pid: process.pid,
    run: (options) => loadInProcess(ask, verify, options),
    once: async () => verify(await ask()),
  };
  return subject;
}

const delta = (after: BoltCounts, before: BoltCounts) => ({
  queries: after.queries - before.queries,
  transactions: after.transactions - before.transactions,
});

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function runDataset(
  dataset: string,
  flags: Flags,
  context: { admin: Driver; direct: Driver; proxy: BoltProxy; jvmPid: number; cleanup: Cleanup },
): Promise<DatasetResult> {
  const { admin, proxy, jvmPid, cleanup } = context;
  log(`${dataset}: loading`);
  const loadStart = performance.now();
  const catalog =
    dataset === 'seeds' ? await loadSeedsInto(admin) : await loadSyntheticInto(admin, 1000);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const targets = dataset === 'seeds' ? seedTargets() : syntheticTargets(catalog);
  const golden = goldenAnswers(catalog, catalogToGraph(catalog), targets, readRecorded(dataset));

  const running = new Map<string, RunningTier>();
  for (const tier of HTTP_TIERS) {
    log(`${dataset}: starting ${tier.name}`);
    const started = await tier.start(proxy.uris[tier.name], tier.call('lookup', targets)!);
    running.set(tier.name, { ...started, stop: cleanup.add(() => started.stop()) });
  }
  if (flags.recordGolden) {
    const ask = async (op: Operation) => {
      const call = certgraph.call(op, targets)!;
      const response = await fetch(running.get('certgraph')!.url + call.path, {
        method: call.method,
        headers: call.headers,
        body: call.body,
      });
      return certgraph.canonical(op, await response.text(), targets);
    };
    const recorded: Recorded = {
      target: targets.target,
      asOf: targets.asOf,
      plan: (await ask('plan')) as PlanAnswer | null,
      paths: (await ask('paths')) as PathsAnswer,
    };
    writeRecorded(dataset, recorded);
    Object.assign(golden, goldenAnswers(catalog, catalogToGraph(catalog), targets, recorded));
    log(`${dataset}: recorded plan and paths from certgraph in ${RECORDED_FILE}`);
  }

  const direct = await directTier(context.direct);
  const subjectsOf = (op: Operation) =>
    [
      ...HTTP_TIERS.map((tier) => httpSubject(tier, running.get(tier.name)!, op, targets, golden)),
      inProcessSubject(direct, op, targets, golden),
    ].filter((s): s is Subject => s !== undefined);

  // Every tier answers every operation once, with its exact round trips.
  const smoke: SmokeRow[] = [];
  for (const op of flags.operations) {
    for (const subject of subjectsOf(op)) {
      const before = await proxy.counts();
      const problem = await subject.once().catch((error: Error) => error.message);
      const trips = delta((await proxy.counts())[subject.tier], before[subject.tier]);
      smoke.push({ op, tier: subject.tier, problem, ...trips });
    }
  }
  const result: DatasetResult = { dataset, targets, loadSeconds, smoke, cells: [], processes: [] };

  if (!flags.smoke) {
    const options = { connections: flags.connections };
    for (const op of flags.operations) {
      const subjects = subjectsOf(op);
      const cells = subjects.map((s): Cell => ({
        op,
        tier: s.tier,
        rounds: [],
        requests: 0,
        apiCpuMs: 0,
        jvmCpuMs: 0,
        queries: 0,
        transactions: 0,
        invalid: [],
      }));
      log(`${dataset}: ${op}: warm-up`);
      for (const [i, s] of subjects.entries()) {
        const warm = await s.run({ ...options, seconds: flags.warmup });
        if (warm.invalid) cells[i].invalid.push(`warm-up: ${warm.invalid}`);
      }
      // Interleaved rounds (A, B, C, A, B, C…), so that a noisy stretch hits every tier alike.
      for (let round = 1; round <= flags.rounds; round++) {
        log(`${dataset}: ${op}: round ${round}/${flags.rounds}`);
        for (const [i, s] of subjects.entries()) {
          const cell = cells[i];
          const [api0, jvm0, trips0] = [cpuMs(s.pid), cpuMs(jvmPid), await proxy.counts()];
          const m = await s.run({ ...options, seconds: flags.seconds });
          const [api1, jvm1, trips1] = [cpuMs(s.pid), cpuMs(jvmPid), await proxy.counts()];
          const trips = delta(trips1[s.tier], trips0[s.tier]);
          cell.rounds.push(m);
          cell.requests += m.requests;
          cell.apiCpuMs += api1 - api0;
          cell.jvmCpuMs += jvm1 - jvm0;
          cell.queries += trips.queries;
          cell.transactions += trips.transactions;
          if (m.invalid) cell.invalid.push(`round ${round}: ${m.invalid}`);
        }
      }
      log(`${dataset}: ${op}: latency at half of each tier's maximum`);
      for (const [i, s] of subjects.entries()) {
        const rate = Math.max(1, Math.round(median(cells[i].rounds.map((m) => m.rps)) / 2));
        cells[i].latency = await s.run({ ...options, seconds: flags.latencySeconds, rate });
        if (cells[i].latency.invalid) {
          cells[i].invalid.push(`latency: ${cells[i].latency.invalid}`);
        }
      }
      result.cells.push(...cells);
    }
  }

  const processes: ProcessRow[] = [];
  for (const [name, tier] of running) {
    processes.push({ name, startMs: tier.startMs, ...memoryMiB(tier.pid) });
  }
  processes.push({ name: 'Neo4j JVM', ...memoryMiB(jvmPid) });
  result.processes = processes;
  for (const tier of running.values()) await tier.stop();
  return result;
}

async function meta(admin: Driver, flags: Flags): Promise<Meta> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: PROJECT_ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  };
  const { records } = await admin.executeQuery(
    "CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS v",
  );
  // The report of an earlier run is no change to what is measured.
  const dirty = git('status', '--porcelain', '--', '.', ':!bench/compare/latest.md') !== '';
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') + (dirty ? ' (uncommitted changes)' : ''),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0],
    node: process.version,
    neo4j: records[0].get('v'),
    flags: `rounds ${flags.rounds} × ${flags.seconds} s, warm-up ${flags.warmup} s, latency ${flags.latencySeconds} s, ${flags.connections} connections`,
  };
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  const cleanup = new Cleanup();
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping everything`);
      void cleanup.run().then(() => process.exit(code));
    });
  }
  try {
    log('starting Neo4j');
    const neo4j = await startLocalNeo4j({
      boltPort: 0,
      httpPort: 0,
      heap: '1g',
      pageCache: '256m',
    });
    cleanup.add(() => neo4j.stop());
    const jvmPid = Number(readFileSync(path.join(neo4j.dataDir, 'run', 'neo4j.pid'), 'utf8'));
    const proxy = await startBoltProxy(neo4j.boltUri, [...HTTP_TIERS.map((t) => t.name), 'direct']);
    cleanup.add(() => proxy.stop());
    const admin = await connect({ uri: neo4j.boltUri });
    cleanup.add(() => admin.close());
    const direct = await connect({ uri: proxy.uris.direct });
    cleanup.add(() => direct.close());

    const startMeta = await meta(admin, flags);
    const results: DatasetResult[] = [];
    for (const dataset of flags.datasets) {
      results.push(await runDataset(dataset, flags, { admin, direct, proxy, jvmPid, cleanup }));
    }
    const markdown = reportMarkdown(
      results,
      { ...startMeta, loadAverageEnd: os.loadavg()[0] },
      flags.smoke,
    );
    console.log(markdown);
    if (!flags.smoke) {
      writeFileSync(flags.out, markdown + '\n');
      log(`written to ${flags.out}`);
    }
    const wrong = results.flatMap((r) => [
      ...r.smoke.filter((s) => s.problem !== null),
      ...r.cells.filter((c) => c.invalid.length > 0),
    ]);
    if (wrong.length > 0) log(`${wrong.length} wrong answers or invalid cells (see the table)`);
    return wrong.length > 0 ? 1 : 0;
  } finally {
    await cleanup.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
