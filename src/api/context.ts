import { Database } from '../db/database';
import { PathsService } from '../services/paths.service';
import { CatalogStore, createCatalogStore } from '../store/catalog-store';
import { CatalogLoaders, createCatalogLoaders } from '../store/loaders';

/** What every resolver can reach; built anew for each request so loaders never share a cache. */
export interface Context {
  store: CatalogStore;
  loaders: CatalogLoaders;
  /** Paths, plans and unlocks: one subgraph query per question, then pure algorithms. */
  paths: PathsService;
}

export function createContext(database: Database): Context {
  const store = createCatalogStore(database);
  return {
    store,
    loaders: createCatalogLoaders(store),
    paths: new PathsService(store.subgraphs),
  } satisfies Context;
}
