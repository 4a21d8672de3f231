import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Duration } from '../model/cost.type';
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

  @FieldResolver(() => Duration, {
    nullable: true,
    description: "The course's length with its sources and grade; null when no source gives one.",
  })
  duration(@Root() course: Course): Duration | null {
    if (!course.durationConfidence) return null;
    return {
      days: course.durationInDays,
      hours: course.durationInHours,
      confidence: course.durationConfidence,
      sources: course.durationSources ?? [],
      notes: course.durationNotes ?? [],
    };
  }
}
