/**
 * Starts a real Neo4j Community 5.26 server (Bolt + HTTP + Neo4j Browser) without Docker.
 *
 * The server is the small Java program in neo4j-launcher/ (see docs/neo4j-launcher.md): Maven downloads
 * Neo4j from Maven Central once and writes the runtime classpath to target/classpath.txt; later starts
 * only spawn `java` and take a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../project-root';

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
  /** Settles when the JVM exits for any reason, so a long-running app can notice a crash. */
  exited: Promise<void>;
  /** Idempotent: SIGTERM, wait, SIGKILL after a grace period; removes the temp dir if one was created. */
  stop(): Promise<void>;
}

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-launcher');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const BUILD_LOCK = path.join(LAUNCHER_DIR, 'target', '.build-lock');
const MAIN_CLASS = 'certgraph.launcher.Main';
const READY_LINE = /^CERTGRAPH_NEO4J_READY bolt=(\S+) http=(\S+)/;
const HOST = '127.0.0.1';
const STOP_GRACE_MS = 30_000;
const MIN_JAVA = 17;

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

type Log = (line: string) => void;
const silent: Log = () => {};

/** Compiles the launcher and downloads Neo4j if needed (CI runs this as its install step). */
export async function prepareLocalNeo4j(log: Log = silent): Promise<void> {
  if (!(await launcherNeedsBuild())) return;
  await withBuildLock(async () => {
    // Another process may have finished the build while we waited for the lock.
    if (await launcherNeedsBuild()) await buildLauncher(log);
  });
}

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
  await fs.mkdir(dataDir, { recursive: true });

  const classpath = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim();
  const args = [
    ...JVM_FLAGS,
    `-Xmx${options.heap ?? '1g'}`,
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
  const child = spawn(java, args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => {}); // EPIPE once the JVM is gone is expected
  const stderrTail = tailBuffer(child, 80);
  liveChildren.add(child);
  ensureExitHook();
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  exited.then(() => liveChildren.delete(child));

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
      exited,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Preconditions

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

/** Finds `java` and insists on Java 17+ (Neo4j 5.26 supports 17 and 21). */
async function checkJava(log: Log): Promise<string> {
  const java = javaExecutable();
  const where = process.env.JAVA_HOME ? `JAVA_HOME (${java})` : '`java` on PATH';
  const result = await run(java, ['-version']).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Error(
        `Java was not found via ${where}. Neo4j needs Java ${MIN_JAVA} or 21: install a JDK ` +
          `(e.g. \`apt-get install openjdk-17-jdk-headless\`) or set JAVA_HOME to one.`,
      );
    }
    throw error;
  });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.output);
  if (!match)
    throw new Error(`Could not read the Java version from \`${java} -version\`:\n${result.output}`);
  // Java 8 and older report "1.8.0_x".
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < MIN_JAVA) {
    throw new Error(
      `Java ${major} found via ${where}, but Neo4j 5.26 needs Java ${MIN_JAVA} or 21. ` +
        `Install a newer JDK or set JAVA_HOME to one.`,
    );
  }
  if (major > 21) log(`warning: Java ${major} is newer than Neo4j 5.26 supports (17 or 21)`);
  return java;
}

async function checkMaven(): Promise<void> {
  await run('mvn', ['-v']).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Error(
        'Maven (`mvn`) was not found on PATH. It is needed once to download Neo4j from Maven Central: ' +
          'install it (e.g. `apt-get install maven`) and try again.',
      );
    }
    throw error;
  });
}

/** Turns 0 into free ports and fails with an actionable message when a requested port is taken. */
async function resolvePorts(bolt: number, http: number): Promise<[number, number]> {
  if (bolt !== 0 && bolt === http) {
    throw new Error(`NEO4J_BOLT_PORT and NEO4J_HTTP_PORT are both ${bolt}; they must differ.`);
  }
  if (bolt !== 0) await assertPortFree(bolt, 'Bolt', 'NEO4J_BOLT_PORT');
  if (http !== 0) await assertPortFree(http, 'HTTP', 'NEO4J_HTTP_PORT');
  // Hold the first free port open while picking the second so the two cannot coincide.
  const held: net.Server[] = [];
  try {
    const pick = async (port: number) => (port !== 0 ? port : listenPort(await listen(0, held)));
    const boltPort = await pick(bolt);
    const httpPort = await pick(http);
    return [boltPort, httpPort];
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  const held: net.Server[] = [];
  try {
    await listen(port, held);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? 'is already in use' : `cannot be used (${code})`;
    throw new Error(
      `Port ${port} on ${HOST} ${why} (${what}). Stop the other process or set ${envVar} ` +
        `(0 picks a free port).`,
    );
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listen(port: number, held: net.Server[]): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: HOST, port, exclusive: true }, () => {
      held.push(server);
      resolve(server);
    });
  });
}

function listenPort(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

// ---------------------------------------------------------------------------------------------------
// Building the launcher

/** True when target/classpath.txt is missing, older than the launcher sources, or names a missing jar. */
async function launcherNeedsBuild(): Promise<boolean> {
  let builtAt: number;
  try {
    builtAt = (await fs.stat(CLASSPATH_FILE)).mtimeMs;
  } catch {
    return true;
  }
  const sources = [POM, ...(await listFiles(path.join(LAUNCHER_DIR, 'src')))];
  for (const source of sources) {
    if ((await fs.stat(source)).mtimeMs > builtAt) return true;
  }
  if (!existsSync(path.join(CLASSES_DIR, ...MAIN_CLASS.split('.')) + '.class')) return true;
  const jars = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim().split(path.delimiter);
  return jars.some((jar) => jar === '' || !existsSync(jar));
}

async function buildLauncher(log: Log): Promise<void> {
  await checkMaven();
  log('building launcher (first run downloads Neo4j from Maven Central)…');
  const startedAt = Date.now();
  // -B/-q: no progress bars, only errors; colour off so the error text we keep is readable.
  const result = await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', POM, 'compile'], {
    cwd: LAUNCHER_DIR,
  });
  if (result.code !== 0) {
    throw new Error(
      `Could not download/build the Neo4j launcher with Maven (exit ${result.code}): ` +
        summarizeMavenOutput(result.output),
    );
  }
  // build-classpath leaves the file untouched when its content is unchanged; bump it so the
  // staleness check above sees this build as newer than the sources.
  const now = new Date();
  await fs.utimes(CLASSPATH_FILE, now, now);
  log(`launcher ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/** The informative part of a failed Maven run: its [ERROR] lines minus the generic help footer. */
function summarizeMavenOutput(output: string): string {
  const lines = output
    // Maven 3.8 emits colour resets even with style.color=never.
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  const errors = lines.filter(
    (line) =>
      line.startsWith('[ERROR]') &&
      !/^\[ERROR\]\s*(To see the full|Re-run Maven|For more information|\[Help \d+\]|$)/.test(line),
  );
  return (errors.length > 0 ? errors : lines).slice(-30).join('\n');
}

/**
 * Serialises concurrent first runs (e.g. parallel test workers) with an atomic mkdir. The holder
 * touches the lock every few seconds, so a lock that has not been touched for a while belongs to a
 * killed process and is taken over.
 */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const staleMs = 60_000;
  await fs.mkdir(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs.stat(BUILD_LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await fs.rm(BUILD_LOCK, { recursive: true, force: true });
      else await delay(500);
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(BUILD_LOCK, now, now).catch(() => {});
  }, 5_000);
  try {
    await work();
  } finally {
    clearInterval(heartbeat);
    await fs.rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

// ---------------------------------------------------------------------------------------------------
// Running the JVM

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
    exited.then(() => {
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
  let gone = false;
  exited.then(() => (gone = true));
  for (;;) {
    const driver = neo4j.driver(boltUri, undefined); // no auth token: the "none" scheme
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (gone || Date.now() > deadline) {
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

// ---------------------------------------------------------------------------------------------------
// Small helpers

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion, collecting stdout+stderr; rejects only if it cannot be started. */
function run(
  command: string,
  args: string[],
  options: { cwd?: string } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
