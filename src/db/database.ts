import neo4j, { Driver, ManagedTransaction } from 'neo4j-driver';
import { AvailabilityOptions, DatabaseAvailability } from './availability';

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The one place that opens driver sessions: it picks READ or WRITE, always names the database,
 * and turns connectivity failures into a typed GraphQL error (details stay in the server log).
 * Every call goes through `availability`, a circuit breaker: once Neo4j is known to be
 * unreachable, calls fail at once with DATABASE_UNAVAILABLE (src/db/availability.ts).
 */
export class Database {
  readonly availability: DatabaseAvailability;

  constructor(
    readonly driver: Driver,
    readonly databaseName?: string,
    options: AvailabilityOptions = {},
  ) {
    this.availability = new DatabaseAvailability(() => this.ping(), options);
  }

  read<T>(work: Work<T>): Promise<T> {
    return this.run(neo4j.session.READ, work);
  }

  /**
   * Names the last transaction the database committed (a bookmark): it changes with every write,
   * whoever makes it (this API, seeding, Neo4j Browser), and costs one trivial read. An
   * auto-commit query, which the driver does not retry: when Neo4j is gone the catalog's refresh
   * tick finds out in one connection attempt, not after the driver's retries.
   */
  version(): Promise<string> {
    return this.availability.run(async () => {
      const session = this.driver.session({
        database: this.databaseName,
        defaultAccessMode: neo4j.session.READ,
      });
      try {
        await session.run('RETURN 1');
        return session.lastBookmarks().join(',');
      } finally {
        await session.close();
      }
    });
  }

  /** One transaction: everything `work` writes commits together or not at all. */
  write<T>(work: Work<T>): Promise<T> {
    return this.run(neo4j.session.WRITE, work);
  }

  /** Closes the breaker's timers and the driver. */
  async close(): Promise<void> {
    this.availability.shutdown();
    await this.driver.close();
  }

  /** One trivial auto-commit query, not retried by the driver: does Neo4j answer now? */
  private async ping(): Promise<void> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      await session.run('RETURN 1');
    } finally {
      await session.close();
    }
  }

  private run<T>(accessMode: 'READ' | 'WRITE', work: Work<T>): Promise<T> {
    return this.availability.run(async () => {
      const session = this.driver.session({
        database: this.databaseName,
        defaultAccessMode: accessMode,
      });
      try {
        return accessMode === neo4j.session.READ
          ? await session.executeRead(work)
          : await session.executeWrite(work);
      } finally {
        await session.close();
      }
    });
  }
}
