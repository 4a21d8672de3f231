import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { Certification } from './certification.type';
import { Course } from './course.type';
import { Exam } from './exam.type';

@Resolver(() => Exam)
export class ExamResolver {
  @FieldResolver(() => [Course], {
    description: 'Instructor-led courses that prepare for this exam.',
  })
  courses(@Root() exam: Exam, @Ctx() { loaders }: Context) {
    return loaders.examCourses.load(exam.code);
  }

  @FieldResolver(() => [Certification], {
    description: 'Certifications that require this exam, directly or as one of their alternatives.',
  })
  requiredBy(@Root() exam: Exam, @Ctx() { loaders }: Context) {
    return loaders.examRequiredBy.load(exam.code);
  }
}
