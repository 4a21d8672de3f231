/**
 * `npm run chaos`: what a user sees when the database goes away and when the API is stopped.
 *
 * 1. **The database goes away.** `node dist/src/main.js` with its own local Neo4j (temp data dir,
 *    free ports), steady load from autocannon (as a library), and the Neo4j JVM killed with
 *    SIGKILL a few seconds in. Every answer is checked against the answer the healthy server gave
 *    before the load: right, a DATABASE_UNAVAILABLE error, or wrong (anything else, which must
 *    never happen). Counted: error answers, answers that took over 1 s, wrong answers, and the
 *    seconds from the kill until answers are right again for good. Run twice: with the default
 *    CATALOG_REFRESH_MS (reads come from the in-memory projection) and with 0 (every request
 *    reaches Neo4j).
 * 2. **Clean stops.** The API (and `npm start`) stopped by SIGTERM, SIGINT, a terminal's Ctrl-C
 *    (SIGINT to the whole process group) and two signals in a row, each with a request in flight
 *    that needs Neo4j (CATALOG_REFRESH_MS=0; its body arrives after the signal). Reported: whether
 *    that request got its right answer, the exit code, processes left running (the API, the
 *    JVM), and whether the next start on the same ports works.
 *
 * Options: `--only=db|stops`, `--seconds=N` (load per database run, default 40), `--no-npm`.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../src/project-root';
import { freePort } from '../src/neo4j/preconditions';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');
const args = process.argv.slice(2);
const option = (name: string) =>
  args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const ONLY = option('only');
const LOAD_SECONDS = Number(option('seconds') ?? 40);
const WITH_NPM = !args.includes('--no-npm');
const KILL_AFTER_MS = 8_000;
const HANG_MS = 1_000;

const QUERY = JSON.stringify({
  query:
    '{ exams(first: 100, status: [UPCOMING, BETA, ACTIVE, RETIRING, RETIRED]) { totalCount nodes { code name status } } }',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- processes

/** Parent pid and command line of every process, from /proc. */
function processTable(): { pid: number; ppid: number; cmdline: string; zombie: boolean }[] {
  const rows = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      rows.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        cmdline,
        zombie: fields[0] === 'Z',
      });
    } catch {
      // gone meanwhile
    }
  }
  return rows;
}

/** `root` and everything below it. */
function descendants(root: number): { pid: number; cmdline: string }[] {
  const table = processTable();
  const found = table.filter((row) => row.pid === root);
  for (let i = 0; i < found.length; i++) {
    found.push(...table.filter((row) => row.ppid === found[i].pid));
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const isJvm = (cmdline: string) => cmdline.includes('certgraph.launcher.Main');
const isApi = (cmdline: string) =>
  cmdline.split(' ')[0].endsWith('node') && cmdline.includes('dist/src/main.js');

interface Started {
  child: ChildProcess;
  output: string[];
  url: string;
  /** The API's node process (the child itself, or below npm). */
  apiPid: number;
  jvmPid: number;
  exit: Promise<{ code: number | null; signal: string | null }>;
}

interface Ports {
  api: number;
  bolt: number;
  http: number;
  dataDir: string;
}

/** `node dist/src/main.js` or `npm start`, in a process group of its own, as a terminal runs it. */
function start(
  how: 'node' | 'npm',
  ports: Ports,
  extraEnv: Record<string, string> = {},
): Promise<Started> {
  const command = how === 'node' ? process.execPath : 'npm';
  const commandArgs = how === 'node' ? [MAIN] : ['start', '--silent'];
  const child = spawn(command, commandArgs, {
    cwd: PROJECT_ROOT,
    detached: true,
    env: {
      ...process.env,
      NEO4J_URI: '',
      PORT: String(ports.api),
      NEO4J_BOLT_PORT: String(ports.bolt),
      NEO4J_HTTP_PORT: String(ports.http),
      NEO4J_DATA_DIR: ports.dataDir,
      PLAYGROUND: 'false',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    let url = '';
    const timer = setTimeout(
      () => reject(new Error(`no start in 240 s:\n${tail(output)}`)),
      240_000,
    );
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      url ||= /^GraphQL API:\s+(\S+)/.exec(line)?.[1] ?? '';
      if (url && /^Neo4j:/.test(line)) {
        clearTimeout(timer);
        const tree = descendants(child.pid!);
        resolve({
          child,
          output,
          url,
          apiPid: tree.find((row) => isApi(row.cmdline))?.pid ?? child.pid!,
          jvmPid: tree.find((row) => isJvm(row.cmdline))?.pid ?? -1,
          exit,
        });
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before serving:\n${tail(output)}`));
    });
  });
}

const tail = (lines: string[]) => lines.slice(-15).join('\n');

async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await sleep(500);
}

// ---------------------------------------------------------------- answers

type Verdict = 'right' | 'unavailable' | 'wrong';

function judge(expected: string, status: number, body: string): Verdict {
  if (status === 200 && body === expected) return 'right';
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    const codes = (parsed.errors ?? []).map((error) => error.extensions?.code);
    if (codes.length > 0 && codes.every((code) => code === 'DATABASE_UNAVAILABLE')) {
      return 'unavailable';
    }
  } catch {
    // not JSON: wrong
  }
  return 'wrong';
}

async function post(url: string, timeoutMs = 60_000): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: QUERY,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.text() };
}

// ---------------------------------------------------------------- the database goes away

interface DbRun {
  refreshMs: string;
  requests: number;
  right: number;
  unavailable: number;
  wrong: number;
  firstWrong?: string;
  transportErrors: number;
  /** Answers that took over 1 s, timeouts, and requests still unanswered at the end (over 1 s). */
  over1s: number;
  unansweredAtEnd: number;
  /** The longest wait, answered or not. */
  maxLatencyMs: number;
  /** Seconds from the kill to the first right answer after the last bad one; null: never. */
  recoverySeconds: number | null;
  /** Seconds from the kill until /health/ready said 503, and until it said 200 again. */
  readyDownSeconds: number | null;
  readyUpSeconds: number | null;
  readyStatusBefore: number;
  jvmRestarted: boolean;
}

async function databaseGoesAway(refreshMs: string): Promise<DbRun> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-chaos-'));
  const ports = { api: await freePort(), bolt: await freePort(), http: await freePort(), dataDir };
  const server = await start('node', ports, { CATALOG_REFRESH_MS: refreshMs });
  const base = server.url.replace(/\/graphql$/, '');
  const readyUrl = `${base}/health/ready`;
  try {
    const expected = await post(server.url);
    if (expected.status !== 200 || !expected.body.includes('"totalCount"')) {
      throw new Error(`the healthy server does not answer: ${expected.status} ${expected.body}`);
    }
    const readyStatusBefore = (await fetch(readyUrl)).status;

    const answers: { at: number; verdict: Verdict }[] = [];
    let firstWrong: string | undefined;
    const latencies: number[] = [];
    // When each connection's request under way was sent: one left at the end never got an answer.
    const inFlightSince: (number | undefined)[] = [];
    let finish: (result: autocannon.Result) => void = () => {};
    const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
    const instance = autocannon(
      {
        url: server.url,
        connections: 8,
        overallRate: 80,
        duration: LOAD_SECONDS,
        timeout: 60,
        setupClient: (client) => {
          const index = inFlightSince.push(undefined) - 1;
          const events = client as unknown as NodeJS.EventEmitter;
          events.on('request', () => (inFlightSince[index] = Date.now()));
          events.on('response', () => (inFlightSince[index] = undefined));
        },
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: QUERY,
            onResponse: (status, body) => {
              const verdict = judge(expected.body, status, body);
              if (verdict === 'wrong') firstWrong ??= `${status} ${body.slice(0, 200)}`;
              answers.push({ at: Date.now(), verdict });
            },
          },
        ],
      },
      (error, result) => {
        if (error) console.error('[chaos] load failed:', error);
        finish(result);
      },
    );
    const slowAt: number[] = [];
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (responseTime > HANG_MS) slowAt.push(Date.now());
    });

    await sleep(KILL_AFTER_MS);
    const killedAt = Date.now();
    process.kill(server.jvmPid, 'SIGKILL');

    // Readiness, watched while the load goes on.
    let readyDownAt: number | undefined;
    let readyUpAt: number | undefined;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const status = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) })
          .then((response) => response.status)
          .catch(() => 0);
        if (status !== 200 && readyDownAt === undefined) readyDownAt = Date.now();
        if (status === 200 && readyDownAt !== undefined && readyUpAt === undefined) {
          readyUpAt = Date.now();
        }
        await sleep(200);
      }
    })();
    const result = await done;
    const endedAt = Date.now();
    const stuckSince = inFlightSince.filter(
      (since): since is number => since !== undefined && endedAt - since > HANG_MS,
    );
    watching = false;
    await watcher;

    const bad = answers.filter((answer) => answer.verdict !== 'right');
    const lastBad = Math.max(killedAt, ...bad.map((answer) => answer.at), ...slowAt);
    const recovered =
      stuckSince.length > 0
        ? undefined
        : answers.find((answer) => answer.at > lastBad && answer.verdict === 'right');
    const jvmNow = descendants(server.apiPid).find((row) => isJvm(row.cmdline));
    const seconds = (at: number | undefined) =>
      at === undefined ? null : Number(((at - killedAt) / 1000).toFixed(1));
    return {
      refreshMs,
      requests: answers.length,
      right: answers.filter((answer) => answer.verdict === 'right').length,
      unavailable: answers.filter((answer) => answer.verdict === 'unavailable').length,
      wrong: answers.filter((answer) => answer.verdict === 'wrong').length,
      firstWrong,
      transportErrors: result.errors,
      over1s: latencies.filter((ms) => ms > HANG_MS).length + result.timeouts + stuckSince.length,
      unansweredAtEnd: stuckSince.length,
      maxLatencyMs: Math.max(0, ...latencies, ...stuckSince.map((since) => endedAt - since)),
      recoverySeconds: recovered ? seconds(recovered.at) : null,
      readyDownSeconds: seconds(readyDownAt),
      readyUpSeconds: seconds(readyUpAt),
      readyStatusBefore,
      jvmRestarted: jvmNow !== undefined && jvmNow.pid !== server.jvmPid,
    };
  } finally {
    const pids = descendants(server.child.pid!).map((row) => row.pid);
    server.child.kill('SIGTERM');
    await Promise.race([server.exit, sleep(40_000)]);
    await killAll(pids);
    await rm(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- clean stops

interface StopRun {
  name: string;
  inFlight: string;
  exit: string;
  secondsToExit: number | null;
  leftRunning: string;
  nextStart: string;
}

/** How long after connecting the headers of a request are taken to be read by the server. */
const HEADERS_READ_MS = 300;

/** A POST whose body arrives `bodyDelayMs` after the signal: in flight while the signal lands. */
function slowRequest(
  url: string,
  sent: () => void,
  bodyDelayMs: number,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const body = Buffer.from(QUERY);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.flushHeaders();
    request.write(body.subarray(0, 10));
    // The signal goes out once the server has surely read the headers: a connection that has
    // not yet delivered a request is idle, and a stopping server rightly closes idle ones.
    request.once('socket', (socket) =>
      socket.once('connect', () =>
        setTimeout(() => {
          sent();
          setTimeout(() => request.end(body.subarray(10)), bodyDelayMs);
        }, HEADERS_READ_MS),
      ),
    );
  });
}

type Stop = {
  name: string;
  how: 'node' | 'npm';
  signals: { to: 'process' | 'group'; signal: NodeJS.Signals; afterMs: number }[];
};

async function cleanStop(stop: Stop, ports: Ports): Promise<Omit<StopRun, 'nextStart'>> {
  const server = await start(stop.how, ports, { CATALOG_REFRESH_MS: '0' });
  const expected = await post(server.url);
  const watched = descendants(server.child.pid!);
  let signalledAt = 0;
  const answer = slowRequest(
    server.url,
    () => {
      signalledAt = Date.now();
      for (const { to, signal, afterMs } of stop.signals) {
        setTimeout(() => {
          try {
            process.kill(to === 'group' ? -server.child.pid! : server.child.pid!, signal);
          } catch {
            // already gone
          }
        }, afterMs);
      }
    },
    1_000,
  )
    .then(({ status, body }) => {
      const verdict = judge(expected.body, status, body);
      return verdict === 'right'
        ? 'completed, right'
        : `${verdict}: ${status} ${body.slice(0, 80)}`;
    })
    .catch((error: Error) => `cut (${error.message})`);
  const exited = await Promise.race([server.exit, sleep(60_000).then(() => undefined)]);
  const secondsToExit = exited ? Number(((Date.now() - signalledAt) / 1000).toFixed(1)) : null;
  const inFlight = await Promise.race([answer, sleep(5_000).then(() => 'no answer (hangs)')]);
  await sleep(3_000); // what still runs 3 s after the command ended is left behind
  const left = watched.filter((row) => row.pid !== server.child.pid && alive(row.pid));
  const names = left.map((row) =>
    isJvm(row.cmdline) ? 'Neo4j JVM' : isApi(row.cmdline) ? 'API node' : row.cmdline.split(' ')[0],
  );
  await killAll(left.map((row) => row.pid));
  await waitForPortsFree(ports);
  return {
    name: stop.name,
    inFlight,
    exit: exited ? String(exited.code ?? exited.signal) : 'still running after 60 s',
    secondsToExit,
    leftRunning: names.length > 0 ? names.join(', ') : 'nothing',
  };
}

async function waitForPortsFree(ports: Ports): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const busy = await Promise.all(
      [ports.api, ports.bolt, ports.http].map(
        (port) =>
          new Promise<boolean>((resolve) => {
            const socket = net.connect({ host: '127.0.0.1', port });
            socket.once('connect', () => (socket.destroy(), resolve(true)));
            socket.once('error', () => resolve(false));
          }),
      ),
    );
    if (!busy.some(Boolean)) return;
    await sleep(200);
  }
}

async function cleanStops(): Promise<StopRun[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-chaos-stops-'));
  const ports = { api: await freePort(), bolt: await freePort(), http: await freePort(), dataDir };
  const stops: Stop[] = [
    {
      name: 'SIGTERM to the API',
      how: 'node',
      signals: [{ to: 'process', signal: 'SIGTERM', afterMs: 0 }],
    },
    {
      name: 'SIGINT to the API',
      how: 'node',
      signals: [{ to: 'process', signal: 'SIGINT', afterMs: 0 }],
    },
    {
      name: 'SIGTERM, then SIGINT 300 ms later',
      how: 'node',
      signals: [
        { to: 'process', signal: 'SIGTERM', afterMs: 0 },
        { to: 'process', signal: 'SIGINT', afterMs: 300 },
      ],
    },
    ...(WITH_NPM
      ? ([
          {
            name: '`npm start`, SIGTERM to npm',
            how: 'npm',
            signals: [{ to: 'process', signal: 'SIGTERM', afterMs: 0 }],
          },
          {
            name: '`npm start`, Ctrl-C (SIGINT to the group)',
            how: 'npm',
            signals: [{ to: 'group', signal: 'SIGINT', afterMs: 0 }],
          },
        ] satisfies Stop[])
      : []),
  ];
  const runs: StopRun[] = [];
  try {
    for (const stop of stops) {
      let run: Omit<StopRun, 'nextStart'>;
      try {
        run = await cleanStop(stop, ports);
      } catch (error) {
        // This start is the previous run's "next start".
        if (runs.length > 0) runs[runs.length - 1].nextStart = `fails: ${firstLine(error)}`;
        await waitForPortsFree(ports);
        run = await cleanStop(stop, ports).catch((again: unknown) => ({
          name: stop.name,
          inFlight: '-',
          exit: `no start: ${firstLine(again)}`,
          secondsToExit: null,
          leftRunning: '-',
        }));
      }
      if (runs.length > 0) runs[runs.length - 1].nextStart ||= 'works';
      runs.push({ ...run, nextStart: '' });
    }
    // The last stop's next start.
    try {
      const last = await start('node', ports);
      runs[runs.length - 1].nextStart = 'works';
      const pids = descendants(last.child.pid!).map((row) => row.pid);
      last.child.kill('SIGTERM');
      await Promise.race([last.exit, sleep(40_000)]);
      await killAll(pids);
    } catch (error) {
      runs[runs.length - 1].nextStart = `fails: ${firstLine(error)}`;
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return runs;
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' / ');

// ---------------------------------------------------------------- report

function table<T extends object>(rows: T[], columns: [string, (row: T) => unknown][]): string {
  const head = `| ${columns.map(([name]) => name).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map(
    (row) =>
      `| ${columns.map(([, get]) => String((get(row) as string | number | null | undefined) ?? '-')).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  if (ONLY !== 'stops') {
    const runs: DbRun[] = [];
    for (const refreshMs of ['1000', '0']) {
      console.error(`[chaos] database goes away, CATALOG_REFRESH_MS=${refreshMs} …`);
      runs.push(await databaseGoesAway(refreshMs));
    }
    console.log(
      `\n### The database goes away (${startedAt}, ${LOAD_SECONDS} s of load at 80 req/s, JVM killed at ${KILL_AFTER_MS / 1000} s)\n`,
    );
    console.log(
      table(runs, [
        ['CATALOG_REFRESH_MS', (r) => r.refreshMs],
        ['answers', (r) => r.requests],
        ['right', (r) => r.right],
        ['DATABASE_UNAVAILABLE', (r) => r.unavailable],
        ['wrong', (r) => r.wrong],
        ['over 1 s', (r) => r.over1s],
        ['of them unanswered at the end', (r) => r.unansweredAtEnd],
        ['longest wait ms', (r) => Math.round(r.maxLatencyMs)],
        ['connection errors', (r) => r.transportErrors],
        [
          's to right answers again',
          (r) =>
            r.unavailable + r.wrong + r.over1s === 0
              ? 'never wrong'
              : (r.recoverySeconds ?? 'not in the run'),
        ],
        ['/health/ready before', (r) => r.readyStatusBefore],
        ['s to ready 503', (r) => r.readyDownSeconds],
        ['s to ready 200', (r) => r.readyUpSeconds],
        ['JVM restarted', (r) => (r.jvmRestarted ? 'yes' : 'no')],
      ]),
    );
    for (const run of runs.filter((r) => r.firstWrong)) {
      console.log(`\nfirst wrong answer (CATALOG_REFRESH_MS=${run.refreshMs}): ${run.firstWrong}`);
    }
  }
  if (ONLY !== 'db') {
    console.error('[chaos] clean stops …');
    const runs = await cleanStops();
    console.log('\n### Clean stops (a request needing Neo4j in flight, CATALOG_REFRESH_MS=0)\n');
    console.log(
      table(runs, [
        ['stop', (r) => r.name],
        ['in-flight request', (r) => r.inFlight],
        ['exit code', (r) => r.exit],
        ['s to exit', (r) => r.secondsToExit],
        ['left running 3 s later', (r) => r.leftRunning],
        ['next start', (r) => r.nextStart],
      ]),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
