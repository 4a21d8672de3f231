import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';
import { Context } from './context';
import { SuccessionFields } from './succession.fields';

/** Every field of Course beyond its own properties. */
@Resolver(() => Course)
export class CourseResolver extends SuccessionFields(Course) {
  @FieldResolver(() => [Exam], { description: 'The exams this course prepares for.' })
  exams(@Root() course: Course, @Ctx() { catalog }: Context) {
    return catalog.examsFor(course.code);
  }
}
