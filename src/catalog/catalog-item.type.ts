import { Arg, Field, InterfaceType } from 'type-graphql';
import { AS_OF_ARG, asOfDay, DateScalar } from '../history/as-of';
import { Confidence } from '../history/confidence';
import { ItemStatus, statusOn } from '../history/item-status';
import { Lifecycle } from '../history/provenance.type';

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

  @Field(() => [String], {
    description: 'Where the facts about this item come from (URLs).',
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

  availableFrom?: string;
  betaUntil?: string;
  retirementAnnouncedOn?: string;
  lifecycleConfidence?: Confidence;
  lifecycleSources?: string[];
  lifecycleNotes?: string[];

  @Field(() => ItemStatus, { description: 'Its status on the day asked (default: today).' })
  status(@Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null): ItemStatus {
    return statusOn(this, asOfDay(asOf));
  }

  @Field(() => Lifecycle, {
    nullable: true,
    description:
      'Its known dates (available, beta, retirement announced, retired) and their sources; null when none is known.',
  })
  get lifecycle(): Lifecycle | null {
    if (!this.lifecycleConfidence) return null;
    return {
      availableFrom: this.availableFrom,
      betaUntil: this.betaUntil,
      retirementAnnouncedOn: this.retirementAnnouncedOn,
      retiredOn: this.retiredOn,
      confidence: this.lifecycleConfidence,
      sources: this.lifecycleSources ?? [],
      notes: this.lifecycleNotes ?? [],
    };
  }
}
