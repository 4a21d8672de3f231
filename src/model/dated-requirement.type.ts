import { Field, InterfaceType } from 'type-graphql';
import { Confidence } from './enums';
import { DateScalar } from './scalars';

@InterfaceType({
  description:
    'What a requirement says besides what it points at: when it applied, and on whose word.',
})
export abstract class DatedRequirement {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the requirement applied; null: from the start.',
  })
  validFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it applied; null: still applies.',
  })
  validUntil?: string;

  @Field(() => Confidence, { description: 'How sure it is that the requirement applied.' })
  confidence!: Confidence;

  @Field(() => [String], {
    description:
      "Where it is stated: URLs, or paths of documents this API serves under its endpoint (the seed document: seeds/microsoft/seed-2021/SOURCE.md; resolve one with new URL(source, endpoint + '/')).",
  })
  sources!: string[];

  @Field(() => [String], {
    description: 'Which source says what; conflicts between sources are spelled out here.',
  })
  notes!: string[];
}
