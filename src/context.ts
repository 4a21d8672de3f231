import { Database } from './db/database';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogLoaders, createCatalogLoaders } from './catalog/catalog.loaders';

/** What every resolver can reach; built anew for each request so loaders never share a cache. */
export interface Context {
  catalog: CatalogRepository;
  loaders: CatalogLoaders;
}

export function createContext(database: Database): Context {
  const catalog = new CatalogRepository(database);
  return { catalog, loaders: createCatalogLoaders(catalog) } satisfies Context;
}
