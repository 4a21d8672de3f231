import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Certification } from './certification.type';
import { ItemStatus, PlanObjective } from './enums';
import { Exam } from './exam.type';
import { CertificationPath } from './path.type';
import { DateScalar } from './scalars';

@ObjectType({
  description: 'The single best way to a certification from where the learner stands.',
})
export class Plan {
  @Field(() => Certification, { description: 'The certification the plan leads to.' })
  target!: Certification;

  @Field(() => PlanObjective, { description: 'What the plan minimises.' })
  objective!: PlanObjective;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the path is proven best for the objective. False only when prerequisites are shared so heavily that the search hit its budget: the path is then the best found. Null when there is no path: nothing to be optimal.',
  })
  optimal!: boolean | null;

  @Field({ description: 'True when what the learner holds already earns the target.' })
  alreadyQualified!: boolean;

  @Field(() => DateScalar, { description: 'The day the plan is for.' })
  asOf!: string;

  @Field(() => ItemStatus, { description: "The target's status on that day." })
  targetStatus!: ItemStatus;

  @Field(() => CertificationPath, {
    nullable: true,
    description:
      'The exams to take, in order; null when no way remains on that day (see `noPathReason` and `successors`).',
  })
  path!: CertificationPath | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why no way remains: the target retired, or every way needs an exam or certification that can no longer be taken, or only unconfirmed ways exist. Null when there is a path.',
  })
  noPathReason?: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The path's total under the objective (exams, hours or US dollars); null when the cost of some exam is unknown (see `costUnknownFor`).",
  })
  totalCost?: number | null;

  @Field(() => Float, {
    description: 'The sum of the costs that are known (0 when there is no path).',
  })
  knownCost!: number;

  @Field(() => [Exam], {
    description:
      'Exams of the path whose cost under the objective the catalog does not give (no price, or no course duration). The plan takes as few of them as it can, then the lowest known cost.',
  })
  costUnknownFor!: Exam[];

  @Field(() => Int, {
    nullable: true,
    description: 'How many exams the path takes; null when there is no path.',
  })
  examCount!: number | null;
}
