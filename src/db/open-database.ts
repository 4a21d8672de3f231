import net from 'node:net';
import { Neo4jTarget } from '../config';
import { startSupervisedNeo4j } from '../neo4j/supervisor';
import { connect } from './connect';
import { Database } from './database';

export interface OpenDatabase {
  database: Database;
  /** Where the data lives, for humans: a URI, plus the data folder for the local Neo4j. */
  description: string;
  /** Neo4j Browser, when this process knows where it is served. */
  browserUrl?: string;
  boltUri: string;
  /** Closes the driver, then stops the local Neo4j if this process started one. */
  close(): Promise<void>;
  /** For a stop that cannot wait: kills the local Neo4j at once (SIGKILL), synchronously. */
  kill(): void;
  /** The local Neo4j's JVM pid now (it changes when the supervisor restarts it). */
  localPid?: () => number | undefined;
}

/** True when something accepts connections on 127.0.0.1:port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface OpenOptions {
  /** For one-shot commands (seeding): use the local Neo4j that `npm start` already runs, if any. */
  reuseRunningLocal?: boolean;
  /**
   * How long (ms) to keep trying while Neo4j is not up yet: NEO4J_URI's server does not answer,
   * or the local Neo4j's ports or home are still held by one that is stopping. Default 0.
   */
  startupWaitMs?: number;
  log?: (line: string) => void;
}

/**
 * Connects to the configured Neo4j: the one named by NEO4J_URI, or a local Neo4j this process
 * starts, supervises (restarted when its JVM dies, src/neo4j/supervisor.ts) and stops on close.
 */
export async function openDatabase(
  target: Neo4jTarget,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const waitMs = options.startupWaitMs ?? 0;
  if (target.kind === 'remote') {
    const driver = await connect(target, { waitMs, log: options.log });
    const database = new Database(driver, target.database);
    return {
      database,
      description: target.uri,
      boltUri: target.uri,
      close: () => database.close(),
      kill: () => {},
    };
  }
  if (options.reuseRunningLocal && (await portAnswers(target.boltPort))) {
    const boltUri = `bolt://127.0.0.1:${target.boltPort}`;
    const database = new Database(await connect({ uri: boltUri }));
    return {
      database,
      description: `${boltUri} (already running)`,
      boltUri,
      close: () => database.close(),
      kill: () => {},
    };
  }
  let database: Database | undefined;
  const neo4j = await startSupervisedNeo4j({
    boltPort: target.boltPort,
    httpPort: target.httpPort,
    dataDir: target.dataDir,
    log: options.log,
    startupWaitMs: waitMs,
    // The JVM's exit is the surest sign Neo4j is gone: fail fast from that moment on.
    onDown: (reason) => database?.availability.markDown(reason),
  });
  try {
    database = new Database(await connect({ uri: neo4j.boltUri }));
    const opened = database;
    return {
      database: opened,
      description: `${neo4j.boltUri} (local Neo4j, data in ${neo4j.dataDir})`,
      browserUrl: neo4j.browserUrl,
      boltUri: neo4j.boltUri,
      close: async () => {
        await opened.close();
        await neo4j.stop();
      },
      kill: () => neo4j.kill(),
      localPid: () => neo4j.pid(),
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}
