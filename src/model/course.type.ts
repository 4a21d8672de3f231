import { Field, Float, ObjectType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';
import { Confidence } from './enums';
import { Node } from './node.type';

@ObjectType({
  implements: [CatalogItem, Node],
  description: 'An instructor-led course that prepares for one or more exams.',
})
export class Course extends CatalogItem {
  @Field(() => Float, {
    nullable: true,
    description: 'How long the course runs, in hours, when a source gives it (null: unknown).',
  })
  durationInHours?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'How long the course runs, in instructor-led days, when a source gives it.',
  })
  durationInDays?: number;

  // Their provenance, given to clients through `duration` (api/course.resolver.ts).
  durationConfidence?: Confidence;
  durationSources?: string[];
  durationNotes?: string[];
}
