/**
 * Stopping the API as people and process managers do: SIGTERM, SIGINT, two signals in a row,
 * and `npm start` stopped through npm or by a terminal's Ctrl-C (SIGINT to the whole process
 * group). Each time a request that needs Neo4j is under way (CATALOG_REFRESH_MS=0, its body
 * still arriving when the signal lands): it gets its full answer, the exit code is 0, nothing is
 * left running, and the next start on the same ports and data works.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/project-root';
import { freePort } from '../../src/neo4j/preconditions';

jest.setTimeout(300_000);

const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');
const QUERY = JSON.stringify({ query: '{ exam(code: "AZ-400") { code } }' });
let dataDir: string;
let ports: { api: number; bolt: number; http: number };

beforeAll(async () => {
  if (!existsSync(MAIN)) {
    execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
  }
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-stop-'));
  ports = { api: await freePort(), bolt: await freePort(), http: await freePort() };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: string[];
  url: string;
  /** Every process of the start: npm, its shell, the API, the JVM. */
  pids: number[];
  exit: Promise<number | null>;
}

/** Parent pid of every process, from /proc. */
function children(pid: number): number[] {
  const found = [pid];
  const table = readdirSync('/proc')
    .filter((entry: string) => /^\d+$/.test(entry))
    .map((entry: string) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return {
          pid: Number(entry),
          ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
        };
      } catch {
        return { pid: 0, ppid: -1 };
      }
    });
  for (let i = 0; i < found.length; i++) {
    for (const row of table) if (row.ppid === found[i]) found.push(row.pid);
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

function start(how: 'node' | 'npm'): Promise<Started> {
  const [command, args] =
    how === 'node'
      ? [process.execPath, [MAIN]]
      : // The start script itself; its prestart build is skipped (this suite already built).
        ['npm', ['start', '--ignore-scripts', '--silent']];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    detached: true, // a process group of its own, as a terminal gives a command
    env: {
      ...process.env,
      NODE_ENV: '', // Apollo's own signal handlers are off under NODE_ENV=test; users do not set it
      NEO4J_URI: '',
      PORT: String(ports.api),
      NEO4J_BOLT_PORT: String(ports.bolt),
      NEO4J_HTTP_PORT: String(ports.http),
      NEO4J_DATA_DIR: dataDir,
      CATALOG_REFRESH_MS: '0',
      PLAYGROUND: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  return new Promise((resolve, reject) => {
    let url = '';
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      url ||= /^GraphQL API:\s+(\S+)/.exec(line)?.[1] ?? '';
      if (url && /^Neo4j:/.test(line)) {
        resolve({ child, output, url, pids: children(child.pid!), exit });
      }
    });
    void exit.then((code) => reject(new Error(`exited with ${code}:\n${output.join('\n')}`)));
  });
}

/** A POST whose body arrives 1 s after its headers; `sent` runs once the server has them. */
function slowRequest(url: string, sent: () => void): Promise<{ status: number; body: string }> {
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
      },
    );
    request.on('error', reject);
    request.flushHeaders();
    request.write(body.subarray(0, 10));
    request.once('socket', (socket) =>
      socket.once('connect', () =>
        setTimeout(() => {
          sent();
          setTimeout(() => request.end(body.subarray(10)), 1_000);
        }, 200),
      ),
    );
  });
}

type Signal = { signal: NodeJS.Signals; group?: boolean; afterMs?: number };

async function stopWithRequestUnderWay(how: 'node' | 'npm', signals: Signal[]) {
  const server = await start(how);
  const jvm = server.pids.filter((pid) =>
    readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('certgraph.launcher.Main'),
  );
  expect(jvm).toHaveLength(1);
  const answer = slowRequest(server.url, () => {
    for (const { signal, group, afterMs = 0 } of signals) {
      setTimeout(
        () => process.kill(group ? -server.child.pid! : server.child.pid!, signal),
        afterMs,
      );
    }
  });
  const code = await server.exit;
  return {
    answer: await answer,
    code,
    left: server.pids.filter(alive),
    output: server.output.join('\n'),
  };
}

const cases: [string, 'node' | 'npm', Signal[]][] = [
  ['SIGTERM', 'node', [{ signal: 'SIGTERM' }]],
  ['SIGINT', 'node', [{ signal: 'SIGINT' }]],
  [
    'SIGTERM then SIGINT during the stop',
    'node',
    [{ signal: 'SIGTERM' }, { signal: 'SIGINT', afterMs: 300 }],
  ],
  ['`npm start`, SIGTERM to npm', 'npm', [{ signal: 'SIGTERM' }]],
  ['`npm start`, Ctrl-C (SIGINT to the process group)', 'npm', [{ signal: 'SIGINT', group: true }]],
];

test.each(cases)(
  '%s: the request under way is answered, exit 0, nothing left',
  async (_name, how, signals) => {
    const { answer, code, left, output } = await stopWithRequestUnderWay(how, signals);
    expect(answer).toEqual({
      status: 200,
      body: JSON.stringify({ data: { exam: { code: 'AZ-400' } } }) + '\n',
    });
    expect(code).toBe(0);
    expect(left).toEqual([]);
    expect(output).toMatch(/stopping: no new requests/);
  },
);

test('a start after all of these works on the same ports and data', async () => {
  const server = await start('node');
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: QUERY,
  });
  expect(await response.json()).toEqual({ data: { exam: { code: 'AZ-400' } } });
  process.kill(server.child.pid!, 'SIGTERM');
  expect(await server.exit).toBe(0);
  expect(server.pids.filter(alive)).toEqual([]);
});
