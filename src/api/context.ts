import { PathsService } from '../services/paths.service';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/**
 * What every resolver can reach for one request: the catalog snapshot it reads from start to
 * end (so one answer never mixes two versions of the catalog), and what answers from it.
 */
export interface Context {
  catalog: CatalogSnapshot;
  /** Paths, plans and unlocks over the same snapshot. */
  paths: PathsService;
}

export function createContext(catalog: CatalogSnapshot): Context {
  return { catalog, paths: new PathsService(catalog) } satisfies Context;
}
