import neo4j, { Driver } from 'neo4j-driver';

export interface ConnectionTarget {
  uri: string;
  /** Omitted for the local Neo4j, which runs without authentication on loopback. */
  username?: string;
  password?: string;
}

/** Opens a driver and proves the server answers before anything else relies on it. */
export async function connect(target: ConnectionTarget): Promise<Driver> {
  const auth =
    target.username !== undefined
      ? neo4j.auth.basic(target.username, target.password ?? '')
      : undefined; // the driver then sends the "none" scheme
  const driver = neo4j.driver(target.uri, auth, { disableLosslessIntegers: true });
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not connect to Neo4j at ${target.uri}: ${reason}`);
  }
  return driver;
}
