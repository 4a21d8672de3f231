import neo4j, { Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * The one place that opens driver sessions: it picks READ or WRITE, always names the database,
 * and turns connectivity failures into a typed GraphQL error (details stay in the server log).
 */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly databaseName?: string,
  ) {}

  read<T>(work: Work<T>): Promise<T> {
    return this.run(neo4j.session.READ, work);
  }

  /**
   * Names the last transaction the database committed (a bookmark): it changes with every write,
   * whoever makes it (this API, seeding, Neo4j Browser), and costs one trivial read.
   */
  async version(): Promise<string> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'));
      return session.lastBookmarks().join(',');
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  /** One transaction: everything `work` writes commits together or not at all. */
  write<T>(work: Work<T>): Promise<T> {
    return this.run(neo4j.session.WRITE, work);
  }

  private async run<T>(accessMode: 'READ' | 'WRITE', work: Work<T>): Promise<T> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: accessMode,
    });
    try {
      return accessMode === neo4j.session.READ
        ? await session.executeRead(work)
        : await session.executeWrite(work);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

function translate(error: unknown): unknown {
  if (error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code)) {
    console.error('Neo4j unavailable:', error.message);
    return new DatabaseUnavailableError();
  }
  return error;
}
