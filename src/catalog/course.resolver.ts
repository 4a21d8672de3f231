import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { Course } from './course.type';
import { Exam } from './exam.type';

@Resolver(() => Course)
export class CourseResolver {
  @FieldResolver(() => [Exam], { description: 'The exams this course prepares for.' })
  exams(@Root() course: Course, @Ctx() { loaders }: Context) {
    return loaders.courseExams.load(course.code);
  }
}
