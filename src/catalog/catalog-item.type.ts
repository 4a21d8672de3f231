import { Field, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'Anything in the catalog: a certification, an exam or a course.' })
export abstract class CatalogItem {
  @Field({
    description: 'Certification slug (e.g. "devops-engineer") or exam/course code (e.g. "AZ-400").',
  })
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: "The item's page on Microsoft Learn." })
  url?: string;

  @Field(() => [String], { description: 'Where the facts about this item come from.' })
  sources!: string[];

  @Field(() => [String], {
    description: "Curators' remarks, e.g. a slip in a source that was corrected.",
  })
  notes!: string[];
}
