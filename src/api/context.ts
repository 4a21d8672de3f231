import { PathsService } from '../services/paths.service';
import { SearchRepository } from '../store/search.repository';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/**
 * What every resolver can reach for one request: the catalog snapshot it reads from start to
 * end (so one answer never mixes two versions of the catalog), and what answers from it.
 */
export interface Context {
  catalog: CatalogSnapshot;
  /** Paths, plans and unlocks over the same snapshot. */
  paths: PathsService;
  search: SearchRepository;
}

export function createContext(catalog: CatalogSnapshot, search: SearchRepository): Context {
  return { catalog, paths: new PathsService(catalog), search } satisfies Context;
}
