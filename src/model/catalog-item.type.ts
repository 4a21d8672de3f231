import { Field, InterfaceType } from 'type-graphql';
import { Confidence } from './enums';
import { Node } from './node.type';
import { DateScalar } from './scalars';

@InterfaceType({
  implements: Node,
  description: 'Anything in the catalog: a certification, an exam or a course.',
})
export abstract class CatalogItem extends Node {
  @Field({
    description: 'Certification slug (e.g. "devops-engineer") or exam/course code (e.g. "AZ-400").',
  })
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: "The item's page on Microsoft Learn." })
  url?: string;

  @Field(() => [String], {
    description:
      "Where the facts about this item come from: URLs, or paths of documents this API serves under its endpoint (the seed document: seeds/microsoft/seed-2021/SOURCE.md; resolve one with new URL(source, endpoint + '/')).",
  })
  sources!: string[];

  @Field(() => Confidence, {
    description:
      "How sure the item's own facts are (that it exists, its name, level and page). Its lifecycle and each requirement carry their own grade.",
  })
  confidence!: Confidence;

  @Field(() => [String], {
    description:
      "Curators' remarks: which source says what, a slip in a source that was corrected.",
  })
  notes!: string[];

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it could be taken or earned; null when no retirement is known.',
  })
  retiredOn?: string;

  // Lifecycle facts, given to clients through `lifecycle` (api/catalog-item.resolver.ts).
  availableFrom?: string;
  knownSince?: string;
  betaUntil?: string;
  retirementAnnouncedOn?: string;
  lifecycleConfidence?: Confidence;
  lifecycleSources?: string[];
  lifecycleNotes?: string[];
}
