import { Database } from './db/database';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogLoaders, createCatalogLoaders } from './catalog/catalog.loaders';
import { PathsRepository } from './paths/paths.repository';
import { PathsService } from './paths/paths.service';

/** What every resolver can reach; built anew for each request so loaders never share a cache. */
export interface Context {
  catalog: CatalogRepository;
  loaders: CatalogLoaders;
  /** Paths, plans and unlocks: one subgraph query per question, then pure algorithms. */
  paths: PathsService;
}

export function createContext(database: Database): Context {
  const catalog = new CatalogRepository(database);
  return {
    catalog,
    loaders: createCatalogLoaders(catalog),
    paths: new PathsService(new PathsRepository(database)),
  } satisfies Context;
}
