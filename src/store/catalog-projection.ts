import { Database } from '../db/database';
import { readGraph } from '../db/read-graph';
import { CatalogSnapshot } from './snapshot/catalog-snapshot';

export interface ProjectionOptions {
  /**
   * How often to ask Neo4j whether the catalog changed, in milliseconds: the longest a write made
   * elsewhere (another API process, seeding, Neo4j Browser) stays unseen. 0: ask before every
   * read (tests, which write between requests).
   */
  refreshMs: number;
  log?: (line: string) => void;
}

/** CATALOG_REFRESH_MS's default: a second, the bound docs/catalog-projection.md promises. */
export const DEFAULT_REFRESH_MS = 1000;

/**
 * The catalog in memory: Neo4j stays the system of record, and the API reads a snapshot of it
 * (snapshot/catalog-snapshot.ts) built in one read. The database's last-committed bookmark is
 * the catalog's version: a timer compares it every `refreshMs` and rebuilds when it moved, and a
 * write made through this process calls `reload()` before it answers, so its next read sees it.
 * Reads never wait on Neo4j, so they go on while it is briefly unreachable.
 */
export class CatalogProjection {
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<CatalogSnapshot>;
  private failing = false;

  private constructor(
    private readonly database: Database,
    private snapshot: CatalogSnapshot,
    private readonly options: ProjectionOptions,
  ) {}

  static async load(database: Database, options: ProjectionOptions): Promise<CatalogProjection> {
    const projection = new CatalogProjection(database, await build(database), options);
    if (options.refreshMs > 0) {
      projection.timer = setInterval(() => void projection.refresh(), options.refreshMs);
      projection.timer.unref();
    }
    return projection;
  }

  /** The snapshot to answer a request from: the current one, or, with refreshMs 0, a checked one. */
  read(): CatalogSnapshot | Promise<CatalogSnapshot> {
    return this.options.refreshMs === 0 ? this.refresh() : this.snapshot;
  }

  /** Rebuilds when the database moved on since the snapshot was read; the newest snapshot. */
  refresh(): Promise<CatalogSnapshot> {
    this.refreshing ??= (async () => {
      try {
        const version = await this.database.version();
        if (version !== this.snapshot.version) this.snapshot = await build(this.database, version);
        if (this.failing) this.options.log?.('catalog refresh works again');
        this.failing = false;
      } catch (error) {
        // Keep answering from the last snapshot; say so once, not on every tick.
        if (!this.failing) {
          const reason = error instanceof Error ? error.message : String(error);
          this.options.log?.(`catalog refresh failed, answering from the last snapshot: ${reason}`);
        }
        this.failing = true;
        if (this.options.refreshMs === 0) throw error;
      } finally {
        this.refreshing = undefined;
      }
      return this.snapshot;
    })();
    return this.refreshing;
  }

  /** After a write through this process: the next read sees it. */
  async reload(): Promise<CatalogSnapshot> {
    await this.refreshing?.catch(() => undefined);
    this.snapshot = await build(this.database);
    return this.snapshot;
  }

  current(): CatalogSnapshot {
    return this.snapshot;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** One read: the version first, so a write landing during the read is caught by the next check. */
async function build(database: Database, knownVersion?: string): Promise<CatalogSnapshot> {
  const version = knownVersion ?? (await database.version());
  const graph = await database.read(readGraph);
  return new CatalogSnapshot(graph, version);
}
