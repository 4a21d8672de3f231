import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { AS_OF_ARG, asOfDay, DateScalar } from '../history/as-of';
import { isAvailableOn } from '../history/item-status';
import { Certification } from './certification.type';
import { Course } from './course.type';
import { Exam } from './exam.type';

@Resolver(() => Exam)
export class ExamResolver {
  @FieldResolver(() => [Course], {
    description:
      'Instructor-led courses that prepare for this exam and are offered on the day asked (not retired, not yet to come).',
  })
  async courses(
    @Root() exam: Exam,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    const day = asOfDay(asOf);
    return (await loaders.examCourses.load(exam.code)).filter((course) =>
      isAvailableOn(course, day),
    );
  }

  @FieldResolver(() => [Certification], {
    description:
      'Certifications that require this exam on the day asked, directly or as one of their alternatives.',
  })
  requiredBy(
    @Root() exam: Exam,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    return loaders.asOf(asOfDay(asOf)).examRequiredBy.load(exam.code);
  }
}
