import net from 'node:net';
import { Driver } from 'neo4j-driver';
import { Neo4jTarget } from '../config';
import { startLocalNeo4j } from '../neo4j/local-neo4j';
import { connect } from './connect';
import { Database } from './database';

export interface OpenDatabase {
  database: Database;
  /** Where the data lives, for humans: a URI, plus the data folder for the local Neo4j. */
  description: string;
  /** Neo4j Browser, when this process knows where it is served. */
  browserUrl?: string;
  boltUri: string;
  close(): Promise<void>;
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
  log?: (line: string) => void;
}

/**
 * Connects to the configured Neo4j: the one named by NEO4J_URI, or a local Neo4j this process
 * starts (and stops on close) from the Maven-built launcher.
 */
export async function openDatabase(
  target: Neo4jTarget,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const wrap = (driver: Driver, databaseName?: string) => new Database(driver, databaseName);
  if (target.kind === 'remote') {
    const driver = await connect(target);
    return {
      database: wrap(driver, target.database),
      description: target.uri,
      boltUri: target.uri,
      close: () => driver.close(),
    };
  }
  if (options.reuseRunningLocal && (await portAnswers(target.boltPort))) {
    const boltUri = `bolt://127.0.0.1:${target.boltPort}`;
    const driver = await connect({ uri: boltUri });
    return {
      database: wrap(driver),
      description: `${boltUri} (already running)`,
      boltUri,
      close: () => driver.close(),
    };
  }
  const neo4j = await startLocalNeo4j({
    boltPort: target.boltPort,
    httpPort: target.httpPort,
    dataDir: target.dataDir,
    log: options.log,
  });
  try {
    const driver = await connect({ uri: neo4j.boltUri });
    return {
      database: wrap(driver),
      description: `${neo4j.boltUri} (local Neo4j, data in ${neo4j.dataDir})`,
      browserUrl: neo4j.browserUrl,
      boltUri: neo4j.boltUri,
      close: async () => {
        await driver.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}
