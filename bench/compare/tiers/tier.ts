/** What the harness knows of a tier: how to start it, how to ask it, how to read its answers. */
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { Operation, Targets } from '../golden';
import { freePort } from '../../../src/neo4j/preconditions';

export { freePort };

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RunningTier {
  url: string;
  pid: number;
  /** From spawn to the first correct-looking answer (HTTP 200 to a lookup). */
  startMs: number;
  stop(): Promise<void>;
}

export interface Tier {
  name: string;
  /** The request that asks the operation; undefined when the tier has no way to ask it. */
  call(operation: Operation, targets: Targets): HttpCall | undefined;
  /** The canonical answer in a response body; throws when the body is no answer. */
  canonical(operation: Operation, body: string, targets: Targets): unknown;
  /** Starts it against Neo4j at `boltUri`; it is up once `probe` gets an HTTP 200. */
  start(boltUri: string, probe: HttpCall): Promise<RunningTier>;
}

export const graphqlCall = (query: string, variables: Record<string, unknown>): HttpCall => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

/** The `data` of a GraphQL response; an error anywhere makes it no answer. */
export function graphqlData(body: string): Record<string, unknown> {
  const response = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (response.errors?.length) {
    throw new Error(`GraphQL error: ${JSON.stringify(response.errors[0]).slice(0, 200)}`);
  }
  if (!response.data) throw new Error('GraphQL response without data');
  return response.data;
}

/** Children still running when the harness exits (SIGINT mid-start too) get SIGTERM. */
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGTERM');
});

/**
 * Starts `node script` with `env` plus PORT, and waits until `probe` answers 200. The child's
 * output is kept (last lines) for the error message if it never answers or dies.
 */
export async function spawnServer(
  name: string,
  script: string,
  env: Record<string, string>,
  probe: HttpCall,
  timeoutMs = 120_000,
): Promise<RunningTier> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
    });
  }
  liveChildren.add(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => {
    exited = true;
    liveChildren.delete(child);
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${name} exited before answering:\n${tail.join('\n')}`);
    try {
      const response = await fetch(url + probe.path, {
        method: probe.method,
        headers: probe.headers,
        body: probe.body,
      });
      await response.text();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer within ${timeoutMs} ms:\n${tail.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url, pid: child.pid!, startMs: performance.now() - startedAt, stop };
}
