import { FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Course } from '../catalog/course.type';

@Resolver(() => Course)
export class CourseDurationResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'How long the course runs, in hours, when a source gives it (null: unknown).',
  })
  durationInHours(@Root() course: Course & { durationInHours?: number }) {
    return course.durationInHours ?? null;
  }
}
