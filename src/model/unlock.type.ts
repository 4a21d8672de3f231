import { Field, Int, ObjectType } from 'type-graphql';
import { Certification } from './certification.type';
import { CertificationPath } from './path.type';

@ObjectType({
  description:
    'A certification an exam or certification counts toward, and how far the learner is from it once they hold the item.',
})
export class Unlock {
  @Field(() => Certification, { description: 'A certification the item counts toward.' })
  certification!: Certification;

  @Field({ description: 'True when the item, with what the learner holds, earns it.' })
  earned!: boolean;

  @Field(() => Int, { description: 'The fewest exams still needed (0 when earned).' })
  remainingExamCount!: number;

  @Field(() => CertificationPath, {
    nullable: true,
    description: 'Those exams in order (the FEWEST_EXAMS plan); an empty path when earned.',
  })
  remaining?: CertificationPath;

  @Field({ description: 'True when remainingExamCount is proven to be the fewest.' })
  optimal!: boolean;
}
