import CircuitBreaker from 'opossum';
import { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';

/** What the API knows about reaching Neo4j right now. */
export interface AvailabilityState {
  /** True while work goes to Neo4j; false while the breaker fails it fast. */
  reachable: boolean;
  /** When it last changed (ISO time), or when this process started watching. */
  since: string;
  /** Why it is unreachable, for the server log and /health/ready (never driver text to GraphQL clients). */
  reason?: string;
}

export interface AvailabilityOptions {
  /** How long the breaker stays open before it probes Neo4j again. Default 1000 ms. */
  retryAfterMs?: number;
  log?: (line: string) => void;
}

/** Driver errors that mean "Neo4j cannot be reached", as opposed to a refused query. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return (
    UNAVAILABLE_CODES.has(error.code) ||
    error.message.startsWith('Connection acquisition timed out')
  );
}

const isOpenBreaker = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';

/**
 * A circuit breaker (opossum) in front of every piece of work that needs Neo4j. The first failure
 * that means Neo4j is unreachable (after the driver's own short retries), or a word from the
 * local Neo4j's supervisor that its JVM exited, opens it: from then on work fails at once with
 * DATABASE_UNAVAILABLE instead of waiting on connection attempts. Every `retryAfterMs` the
 * breaker lets one probe through (`RETURN 1`, an auto-commit query the driver does not retry);
 * when it answers, work flows again. A refused query (bad Cypher, a constraint) is not a sign of
 * an unreachable database and never opens it.
 */
export class DatabaseAvailability {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private current: AvailabilityState = { reachable: true, since: new Date().toISOString() };
  private readonly log: (line: string) => void;

  constructor(
    private readonly probe: () => Promise<unknown>,
    options: AvailabilityOptions = {},
  ) {
    this.log = options.log ?? ((line) => console.error(`[db] ${line}`));
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      name: 'neo4j',
      // The driver bounds connection attempts and retries (src/db/connect.ts); a breaker timeout
      // would fail long legitimate work (seeding, awaiting indexes) while Neo4j is fine.
      timeout: false,
      resetTimeout: options.retryAfterMs ?? 1000,
      // Opened by hand on the first unreachable error (below), never by error percentages.
      errorThresholdPercentage: 100,
      volumeThreshold: Number.MAX_SAFE_INTEGER,
      errorFilter: (error: unknown) => !isUnavailable(error),
      enableSnapshots: false,
    });
    this.breaker.on('failure', (error: unknown) => {
      if (isUnavailable(error)) this.markDown(reasonOf(error));
    });
    // The one call let through after retryAfterMs is our probe, not a user's request.
    this.breaker.on('halfOpen', () => {
      this.breaker.fire(this.probe).catch(() => undefined);
    });
    this.breaker.on('close', () => {
      const downFor = (Date.now() - Date.parse(this.current.since)) / 1000;
      this.current = { reachable: true, since: new Date().toISOString() };
      this.log(`Neo4j answers again (after ${downFor.toFixed(1)} s); work goes to it again`);
    });
  }

  state(): AvailabilityState {
    return { ...this.current };
  }

  /** Runs `work` unless Neo4j is known to be unreachable; then throws DatabaseUnavailableError at once. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(work)) as T;
    } catch (error) {
      if (isOpenBreaker(error)) throw new DatabaseUnavailableError();
      // The driver's text went to the log once, when the breaker opened (markDown).
      if (isUnavailable(error)) throw new DatabaseUnavailableError();
      throw error;
    }
  }

  /** Neo4j is known to be gone (e.g. its process exited): fail fast from now on, probe to recover. */
  markDown(reason: string): void {
    if (!this.current.reachable) return;
    this.current = { reachable: false, since: new Date().toISOString(), reason };
    this.log(
      `Neo4j unreachable (${reason}); work that needs it fails fast with DATABASE_UNAVAILABLE ` +
        'until it answers again',
    );
    this.breaker.open();
  }

  /** Probes now, through the breaker: true when Neo4j answers (for /health/ready). */
  async check(): Promise<boolean> {
    try {
      await this.run(this.probe);
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the breaker's timers; work after this fails. */
  shutdown(): void {
    this.breaker.shutdown();
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Neo4jError) return `${error.code}: ${error.message.split('\n')[0]}`;
  return error instanceof Error ? error.message : String(error);
}
