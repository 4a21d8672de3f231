import { Field, Float, ObjectType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';
import { Confidence } from './enums';
import { Node } from './node.type';

@ObjectType({
  implements: [CatalogItem, Node],
  description: 'An exam a learner sits, e.g. AZ-400.',
})
export class Exam extends CatalogItem {
  @Field(() => Float, {
    nullable: true,
    description: 'The exam fee in US dollars, when a source gives it (null: unknown).',
  })
  priceUsd?: number;

  // Its provenance, given to clients through `price` (api/exam.resolver.ts).
  priceConfidence?: Confidence;
  priceSources?: string[];
  priceNotes?: string[];
}
