import { Field, Int, ObjectType } from 'type-graphql';
import { Certification } from './certification.type';
import { Course } from './course.type';
import { Confidence } from './enums';
import { Exam } from './exam.type';
import { DateScalar } from './scalars';

@ObjectType({ description: 'One exam of a path, and what passing it brings.' })
export class PathStep {
  @Field(() => Exam, { description: 'The exam to take at this step.' })
  exam!: Exam;

  @Field(() => [Certification], {
    description: 'Certifications earned once this exam is passed (prerequisites first).',
  })
  completes!: Certification[];

  @Field(() => [Course], { description: 'Instructor-led courses that prepare for the exam.' })
  courses!: Course[];
}

@ObjectType({
  description:
    'One way to earn a certification: a choice at every ONE_OF, resolved down to exams. Minimal: no exam can be left out.',
})
export class CertificationPath {
  @Field(() => [Exam], {
    description:
      'In an order a learner can take them: every exam after the exams of the certifications it builds on; ties by code.',
  })
  exams!: Exam[];

  @Field(() => [Certification], {
    description:
      'Certifications earned along the way, in the order they are earned; the target last. Empty when already qualified.',
  })
  certifications!: Certification[];

  @Field(() => Int, { description: 'How many exams the path takes (0 when already qualified).' })
  examCount!: number;

  @Field(() => Confidence, {
    description:
      'How sure it is that this path earns the certification: the weakest grade among the requirements and items it relies on. Anything but OFFICIAL must be shown as such.',
  })
  confidence!: Confidence;

  @Field(() => [PathStep], { description: 'The exams in order, with what each completes.' })
  steps!: PathStep[];
}

@ObjectType({ description: 'Every distinct way to earn a certification, fewest exams first.' })
export class CertificationPaths {
  @Field(() => Int, {
    description:
      'How many distinct minimal ways there are, counted without listing them. Capped at 2147483647, the largest GraphQL Int; `totalCountText` has the full number.',
  })
  totalCount!: number;

  @Field({
    description:
      'False only when prerequisites are shared so heavily that exact counting would exceed its work budget (no real catalog comes near): the counts are then lower bounds.',
  })
  totalCountIsExact!: boolean;

  @Field({ description: 'The same count in decimal digits, never capped.' })
  totalCountText!: string;

  @Field(() => DateScalar, { description: 'The day the paths are for.' })
  asOf!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Why there is no way on that day (e.g. the certification retired, or every way needs a retired exam); null when there is one.',
  })
  noPathReason?: string | null;

  @Field(() => [CertificationPath], {
    description:
      'The first `first` ways: fewest exams first, ties in catalog order. One empty path when already qualified.',
  })
  nodes!: CertificationPath[];
}
