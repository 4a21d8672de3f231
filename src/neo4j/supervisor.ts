/**
 * Keeps the local Neo4j running: when its JVM exits without being asked to (a crash, a kill, the
 * OOM killer), the supervisor says so, tells its owner (so requests fail fast meanwhile) and
 * starts it again on the same ports and data, pausing longer after each failed try.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalNeo4j, LocalNeo4jOptions, startLocalNeo4j } from './local-neo4j';
import { silent } from './process-util';

export interface SupervisorOptions extends LocalNeo4jOptions {
  /** Pause before the first restart; it doubles after each failed try. Default 1000 ms. */
  restartDelayMs?: number;
  /** The longest pause between restart tries. Default 30000 ms. */
  maxRestartDelayMs?: number;
  /**
   * How long the first start may keep failing for reasons that pass (its ports still held by a
   * Neo4j that is stopping, its home still locked) before giving up. Default 0: one try.
   */
  startupWaitMs?: number;
  /** The JVM exited unexpectedly; a restart follows. */
  onDown?: (reason: string) => void;
  /** A restarted JVM is ready. */
  onRestarted?: (neo4j: LocalNeo4j) => void;
}

export interface SupervisedNeo4j {
  boltUri: string;
  httpUrl: string;
  browserUrl: string;
  dataDir: string;
  /** The JVM's pid now (it changes with each restart); undefined while none runs. */
  pid(): number | undefined;
  /** How many times the JVM was restarted. */
  restarts(): number;
  /** Stops supervising and the JVM (waiting for a restart under way); idempotent. */
  stop(): Promise<void>;
  /** For a stop that cannot wait: no more restarts, and SIGKILL to the JVM, synchronously. */
  kill(): void;
}

export async function startSupervisedNeo4j(
  options: SupervisorOptions = {},
): Promise<SupervisedNeo4j> {
  const log = options.log ?? silent;
  const firstDelay = options.restartDelayMs ?? 1000;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
  // Restarts must find the same data: the supervisor owns a temporary home, not the launcher.
  const temporary = options.dataDir === undefined;
  const dataDir = temporary
    ? await fs.mkdtemp(path.join(os.tmpdir(), 'certgraph-neo4j-'))
    : path.resolve(options.dataDir!);

  let current: LocalNeo4j | undefined;
  try {
    current = await firstStart({ ...options, dataDir }, options.startupWaitMs ?? 0, log);
  } catch (error) {
    if (temporary) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
  const ports = {
    boltPort: Number(new URL(current.boltUri).port),
    httpPort: Number(new URL(current.httpUrl).port),
  };
  let stopping = false;
  // Read through a function: it changes while a restart awaits (stop() may run meanwhile).
  const isStopping = () => stopping;
  let restarts = 0;
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined; // ends a pause between tries early, on stop()

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => (clearTimeout(timer), resolve());
    });

  const restart = async (reason: string) => {
    let delay = firstDelay;
    for (let attempt = 1; !stopping; attempt++) {
      log(`${reason}; restarting it in ${(delay / 1000).toFixed(1)} s (try ${attempt})`);
      await pause(delay);
      if (isStopping()) return;
      try {
        const next = await startLocalNeo4j({ ...options, ...ports, dataDir });
        if (isStopping()) {
          await next.stop();
          return;
        }
        current = next;
        restarts++;
        log(`Neo4j is back (restart ${restarts}, pid ${next.pid})`);
        options.onRestarted?.(next);
        watch(next);
        return;
      } catch (error) {
        reason = `Neo4j did not restart (${firstLine(error)})`;
        delay = Math.min(delay * 2, maxDelay);
      }
    }
  };

  const watch = (neo4j: LocalNeo4j) => {
    void neo4j.exited.then(() => {
      if (stopping || neo4j !== current) return;
      current = undefined;
      const reason = `Neo4j (pid ${neo4j.pid}) exited unexpectedly (${neo4j.exitStatus()})`;
      options.onDown?.(reason);
      restarting = restart(reason).finally(() => (restarting = undefined));
    });
  };
  watch(current);

  let stopped: Promise<void> | undefined;
  return {
    boltUri: current.boltUri,
    httpUrl: current.httpUrl,
    browserUrl: current.browserUrl,
    dataDir,
    pid: () => current?.pid,
    kill: () => {
      stopping = true;
      current?.kill();
    },
    restarts: () => restarts,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        wake?.();
        await restarting;
        await current?.stop();
        if (temporary) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
      })()),
  };
}

/** Failures that pass by themselves: the previous Neo4j on these ports or this home still stopping. */
const PASSING = /is already in use|exited during startup/;

async function firstStart(
  options: LocalNeo4jOptions,
  waitMs: number,
  log: (line: string) => void,
): Promise<LocalNeo4j> {
  const deadline = Date.now() + waitMs;
  for (let delay = 1000; ; delay = Math.min(delay * 2, 10_000)) {
    try {
      return await startLocalNeo4j(options);
    } catch (error) {
      const left = deadline - Date.now();
      if (left <= 0 || !PASSING.test(firstLine(error))) throw error;
      const wait = Math.min(delay, left);
      log(
        `waiting for Neo4j to be able to start (${firstLine(error)}); next try in ` +
          `${(wait / 1000).toFixed(1)} s, giving up in ${Math.ceil(left / 1000)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0];
