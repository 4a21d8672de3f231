import { Field, Float, ObjectType } from 'type-graphql';
import { Confidence } from './enums';

@ObjectType({ description: "An exam's fee, as a source gives it, and on whose word." })
export class Price {
  @Field(() => Float, { description: 'In US dollars (Microsoft sets prices per country).' })
  usd!: number;

  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => [String])
  sources!: string[];

  @Field(() => [String])
  notes!: string[];
}

@ObjectType({ description: "A course's length, as a source gives it, and on whose word." })
export class Duration {
  @Field(() => Float, { nullable: true, description: 'Instructor-led days.' })
  days?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Hours, only where a source gives hours (never computed from days).',
  })
  hours?: number;

  @Field(() => Confidence)
  confidence!: Confidence;

  @Field(() => [String])
  sources!: string[];

  @Field(() => [String])
  notes!: string[];
}
