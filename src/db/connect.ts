import neo4j, { Config, Driver } from 'neo4j-driver';

export interface ConnectionTarget {
  uri: string;
  /** Omitted for the local Neo4j, which runs without authentication on loopback. */
  username?: string;
  password?: string;
}

/**
 * How long the driver may wait, so a Neo4j that went away costs a request seconds, not the
 * driver's defaults (30 s to connect, 60 s for a pooled connection, 30 s of transaction retries).
 * Once a failure shows Neo4j is unreachable, the breaker (availability.ts) fails work at once.
 */
export const DRIVER_LIMITS = {
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 5_000,
  maxTransactionRetryTime: 2_000,
} satisfies Config;

export interface ConnectOptions {
  /**
   * Keep trying for this long (ms) while Neo4j does not answer yet, with a growing pause between
   * attempts; 0: one attempt. Default 0.
   */
  waitMs?: number;
  log?: (line: string) => void;
}

/** Opens a driver and proves the server answers before anything else relies on it. */
export async function connect(
  target: ConnectionTarget,
  options: ConnectOptions = {},
): Promise<Driver> {
  const auth =
    target.username !== undefined
      ? neo4j.auth.basic(target.username, target.password ?? '')
      : undefined; // the driver then sends the "none" scheme
  const driver = neo4j.driver(target.uri, auth, {
    disableLosslessIntegers: true,
    ...DRIVER_LIMITS,
  });
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (let attempt = 1, pauseMs = 500; ; attempt++, pauseMs = Math.min(pauseMs * 2, 5_000)) {
    try {
      await driver.verifyConnectivity();
      if (attempt > 1) options.log?.(`Neo4j at ${target.uri} answers (attempt ${attempt})`);
      return driver;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      const left = deadline - Date.now();
      if (left <= 0 || !mayBeStarting(error)) {
        await driver.close();
        throw new Error(`Could not connect to Neo4j at ${target.uri}: ${reason}`);
      }
      const pause = Math.min(pauseMs, left);
      options.log?.(
        `waiting for Neo4j at ${target.uri} (${reason}); attempt ${attempt + 1} in ` +
          `${(pause / 1000).toFixed(1)} s, giving up in ${Math.ceil(left / 1000)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** Wrong credentials or a bad URI will not fix themselves: only unreachable servers are waited for. */
function mayBeStarting(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable'
  );
}
