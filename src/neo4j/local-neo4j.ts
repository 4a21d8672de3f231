/**
 * Starts a real Neo4j Community 5.26 server (Bolt + HTTP + Neo4j Browser) without Docker.
 *
 * The server is the small Java program in neo4j-launcher/ (see docs/neo4j-launcher.md): Maven downloads
 * Neo4j from Maven Central once and writes the runtime classpath to target/classpath.txt; later starts
 * only spawn `java` and take a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { CLASSES_DIR, CLASSPATH_FILE, MAIN_CLASS, prepareLocalNeo4j } from './launcher-build';
import { checkJava, HOST, resolvePorts } from './preconditions';
import { delay, silent } from './process-util';

export { prepareLocalNeo4j };

export interface LocalNeo4jOptions {
  /** Default 7687; 0 = pick a free port. */
  boltPort?: number;
  /** Default 7474; 0 = pick a free port. */
  httpPort?: number;
  /** Persistent store (used as the Neo4j home: conf/, data/, logs/). Omitted: a temp dir deleted on stop(). */
  dataDir?: string;
  /** JVM start until Bolt answers; the one-off Maven download is not counted. Default 120000. */
  startTimeoutMs?: number;
  /** Progress lines for humans. */
  log?: (line: string) => void;
  /** JVM heap (-Xmx). Default '1g'. */
  heap?: string;
  /** Neo4j page cache (off-heap). Default '128m'. */
  pageCache?: string;
}

export interface LocalNeo4j {
  boltUri: string;
  httpUrl: string;
  browserUrl: string;
  /** Absolute path of the Neo4j home (the given dataDir, or the temp dir). */
  dataDir: string;
  /** The JVM's process id. */
  pid: number;
  /** Settles when the JVM exits for any reason, so a long-running app can notice a crash. */
  exited: Promise<void>;
  /** How the JVM ended ("exit code 1", "killed by SIGKILL"); "running" before that. */
  exitStatus(): string;
  /** SIGKILL to the JVM, synchronously: for a process that must end now (the stdin watchdog is slower). */
  kill(): void;
  /** Idempotent: SIGTERM, wait, SIGKILL after a grace period; removes the temp dir if one was created. */
  stop(): Promise<void>;
}

const READY_LINE = /^CERTGRAPH_NEO4J_READY bolt=(\S+) http=(\S+)/;
const STOP_GRACE_MS = 30_000;

/**
 * The JVM flags Neo4j's own neo4j.conf ships (server.jvm.additional), minus -XX:+AlwaysPreTouch, which
 * would commit the whole heap up front on a shared machine.
 */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const log = options.log ?? silent;
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const java = await checkJava(log);
  const [boltPort, httpPort] = await resolvePorts(
    options.boltPort ?? 7687,
    options.httpPort ?? 7474,
  );
  await prepareLocalNeo4j(log);

  const temporary = options.dataDir === undefined;
  const dataDir = temporary
    ? await fs.mkdtemp(path.join(os.tmpdir(), 'certgraph-neo4j-'))
    : path.resolve(options.dataDir!);
  // java.io.tmpdir inside the home keeps JVM scratch files with the instance (the launcher clears it).
  const tmpDir = path.join(dataDir, 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });

  const classpath = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim();
  const args = [
    ...JVM_FLAGS,
    `-Xmx${options.heap ?? '1g'}`,
    `-Djava.io.tmpdir=${tmpDir}`,
    '-cp',
    [CLASSES_DIR, classpath].join(path.delimiter),
    MAIN_CLASS,
    '--home',
    dataDir,
    '--bolt-port',
    String(boltPort),
    '--http-port',
    String(httpPort),
    '--pagecache',
    options.pageCache ?? '128m',
  ];
  log(
    `starting Neo4j on bolt://${HOST}:${boltPort} and http://${HOST}:${httpPort} (home ${dataDir})`,
  );
  const startedAt = Date.now();
  // stdin stays an open pipe: the launcher exits when it reaches EOF, i.e. when this process dies.
  // A process group of its own: a terminal's Ctrl-C reaches the API only, which stops Neo4j
  // after the requests under way are done (docs/operations.md).
  const child = spawn(java, args, {
    cwd: dataDir,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdin.on('error', () => {}); // EPIPE once the JVM is gone is expected
  const stderrTail = tailBuffer(child, 80);
  liveChildren.add(child);
  ensureExitHook();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  void exited.then(() => liveChildren.delete(child));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await terminate(child, exited);
      if (temporary) await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    })());

  try {
    const ready = await waitForReady(child, exited, stderrTail, timeoutMs);
    const remaining = timeoutMs - (Date.now() - startedAt);
    await waitForBolt(ready.boltUri, remaining, exited, stderrTail);
    log(`Neo4j ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    return {
      boltUri: ready.boltUri,
      httpUrl: ready.httpUrl,
      browserUrl: `${ready.httpUrl}/browser/`,
      dataDir,
      pid: child.pid!,
      exited,
      exitStatus: () =>
        child.signalCode !== null
          ? `killed by ${child.signalCode}`
          : child.exitCode !== null
            ? `exit code ${child.exitCode}`
            : 'running',
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Abandoned JVMs are terminated when this process exits normally (the stdin watchdog covers crashes). */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function ensureExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    // Only synchronous work is possible here; SIGTERM lets Neo4j still shut down cleanly.
    for (const child of liveChildren) child.kill('SIGTERM');
  });
}

function waitForReady(
  child: ChildProcess,
  exited: Promise<void>,
  stderrTail: () => string,
  timeoutMs: number,
): Promise<{ boltUri: string; httpUrl: string }> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `Neo4j did not become ready within ${timeoutMs} ms; it was stopped. Last output:\n${stderrTail()}`,
          ),
        ),
      timeoutMs,
    );
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({ boltUri: match[1], httpUrl: match[2] });
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not run Java (${error.message}).`));
    });
    void exited.then(() => {
      clearTimeout(timer);
      const status = child.exitCode ?? child.signalCode;
      reject(
        new Error(`Neo4j exited during startup (exit ${status}). Last output:\n${stderrTail()}`),
      );
    });
  });
}

/** The READY line means the database is available; this proves a Bolt client really gets through. */
async function waitForBolt(
  boltUri: string,
  timeoutMs: number,
  exited: Promise<void>,
  stderrTail: () => string,
): Promise<void> {
  const deadline = Date.now() + Math.max(timeoutMs, 5_000);
  const jvm = { gone: false }; // set when the JVM exits while we wait
  void exited.then(() => (jvm.gone = true));
  for (;;) {
    const driver = neo4j.driver(boltUri, undefined); // no auth token: the "none" scheme
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (jvm.gone || Date.now() > deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Neo4j started but Bolt at ${boltUri} does not answer (${reason}). Last output:\n${stderrTail()}`,
        );
      }
    } finally {
      await driver.close();
    }
    await delay(250);
  }
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.stdin?.end();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_GRACE_MS))),
  ]);
  clearTimeout(timer); // a pending timer would keep the process (e.g. jest) alive for the full grace period
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Keeps the last `max` stderr lines for error messages (Neo4j's console log goes to stderr). */
function tailBuffer(child: ChildProcess, max: number): () => string {
  const lines: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    lines.push(line);
    if (lines.length > max) lines.shift();
  });
  return () => lines.join('\n') || '(no output)';
}
