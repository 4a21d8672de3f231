/** Checks made before starting Neo4j; every error names the cause and the fix. */
import net from 'node:net';
import path from 'node:path';
import { run, type Log } from './process-util';

export const HOST = '127.0.0.1';
const MIN_JAVA = 17;

function javaExecutable(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

/** Finds `java` and insists on Java 17+ (Neo4j 5.26 supports 17 and 21). */
export async function checkJava(log: Log): Promise<string> {
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
  if (!match) {
    throw new Error(`Could not read the Java version from \`${java} -version\`:\n${result.output}`);
  }
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

export async function checkMaven(): Promise<void> {
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
export async function resolvePorts(bolt: number, http: number): Promise<[number, number]> {
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

/** A loopback port free right now (the OS picks it), for whatever starts a server next. */
export async function freePort(): Promise<number> {
  const held: net.Server[] = [];
  try {
    return listenPort(await listen(0, held));
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
