import { Database } from '../db/database';
import { ItemRepository } from './item.repository';
import { ListingRepository } from './listing.repository';
import { PreparationRepository } from './preparation.repository';
import { RequirementGraphRepository } from './requirement-graph.repository';
import { RequirementRepository } from './requirement.repository';
import { SubgraphRepository } from './subgraph.repository';

/** Every repository over one database: the only code that holds the API's Cypher. */
export interface CatalogStore {
  items: ItemRepository;
  requirements: RequirementRepository;
  requirementGraphs: RequirementGraphRepository;
  listings: ListingRepository;
  preparation: PreparationRepository;
  subgraphs: SubgraphRepository;
}

export function createCatalogStore(database: Database): CatalogStore {
  return {
    items: new ItemRepository(database),
    requirements: new RequirementRepository(database),
    requirementGraphs: new RequirementGraphRepository(database),
    listings: new ListingRepository(database),
    preparation: new PreparationRepository(database),
    subgraphs: new SubgraphRepository(database),
  };
}
