import { Field, ObjectType } from 'type-graphql';
import { Confidence } from './enums';
import { DateScalar } from './scalars';

@ObjectType({
  description:
    'When an item could be taken or earned, as far as sources say, and where those dates come from.',
})
export class Lifecycle {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day it could be taken or earned.',
  })
  availableFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When no source dates its first day: the earliest day a source shows it existing (it may be older). Before it, its status is UNKNOWN.',
  })
  knownSince?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it is known to have been in beta.',
  })
  betaUntil?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the retirement was announced; where that is not sourced, the date of the earliest source that reports it.',
  })
  retirementAnnouncedOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it could be taken or earned.',
  })
  retiredOn?: string;

  @Field(() => Confidence, { description: 'How sure these dates are: their weakest source.' })
  confidence!: Confidence;

  @Field(() => [String], {
    description:
      "Where the dates come from: URLs, or paths of documents this API serves under its endpoint (the seed document: seeds/microsoft/seed-2021/SOURCE.md; resolve one with new URL(source, endpoint + '/')).",
  })
  sources!: string[];

  @Field(() => [String])
  notes!: string[];
}
