import { ObjectType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';

@ObjectType({
  implements: CatalogItem,
  description: 'An instructor-led course that prepares for one or more exams.',
})
export class Course extends CatalogItem {}
