import { CuratorAuth } from '../curation/auth';
import { Database } from '../db/database';
import { PathsService } from '../services/paths.service';
import { CatalogProjection } from '../store/catalog-projection';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/** What mutations need besides the snapshot: who asks, where to write, what to reload. */
export interface CurationContext {
  auth: CuratorAuth;
  database: Database;
  projection: CatalogProjection;
  /** The request's Authorization header, checked only when a mutation runs. */
  authorization?: string;
}

/**
 * What every resolver can reach for one request: the catalog snapshot it reads from start to
 * end (so one answer never mixes two versions of the catalog), and what answers from it. A
 * mutation swaps in the snapshot it wrote, so the rest of its answer shows the change.
 */
export interface Context {
  catalog: CatalogSnapshot;
  /** Paths, plans and unlocks over the same snapshot. */
  paths: PathsService;
  curation?: CurationContext;
}

export function createContext(catalog: CatalogSnapshot, curation?: CurationContext): Context {
  return { catalog, paths: new PathsService(catalog), curation } satisfies Context;
}

/** After a write: this request, and every later one, reads the new snapshot. */
export function useSnapshot(context: Context, catalog: CatalogSnapshot): void {
  context.catalog = catalog;
  context.paths = new PathsService(catalog);
}
