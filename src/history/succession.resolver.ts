import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../catalog/catalog-item.type';
import { Certification } from '../catalog/certification.type';
import { Course } from '../catalog/course.type';
import { Exam } from '../catalog/exam.type';
import { Context } from '../context';

const REPLACED_BY = 'Its direct replacement, when Microsoft names one.';
const SUCCESSOR =
  'Where Microsoft points learners instead when there is no direct replacement (a successor pathway); may be another kind of item.';
const REPLACES = 'What this item directly replaced.';

const succession = (item: CatalogItem, { loaders }: Context) => loaders.succession.load(item.code);

// One resolver per type, so that `replacedBy` and `replaces` keep the item's own type.

@Resolver(() => Certification)
export class CertificationSuccessionResolver {
  @FieldResolver(() => Certification, { nullable: true, description: REPLACED_BY })
  async replacedBy(@Root() item: Certification, @Ctx() context: Context) {
    return (await succession(item, context))?.replacedBy ?? null;
  }

  @FieldResolver(() => CatalogItem, { nullable: true, description: SUCCESSOR })
  async successor(@Root() item: Certification, @Ctx() context: Context) {
    return (await succession(item, context))?.successor ?? null;
  }

  @FieldResolver(() => [Certification], { description: REPLACES })
  async replaces(@Root() item: Certification, @Ctx() context: Context) {
    return (await succession(item, context))?.replaces ?? [];
  }
}

@Resolver(() => Exam)
export class ExamSuccessionResolver {
  @FieldResolver(() => Exam, { nullable: true, description: REPLACED_BY })
  async replacedBy(@Root() item: Exam, @Ctx() context: Context) {
    return (await succession(item, context))?.replacedBy ?? null;
  }

  @FieldResolver(() => CatalogItem, { nullable: true, description: SUCCESSOR })
  async successor(@Root() item: Exam, @Ctx() context: Context) {
    return (await succession(item, context))?.successor ?? null;
  }

  @FieldResolver(() => [Exam], { description: REPLACES })
  async replaces(@Root() item: Exam, @Ctx() context: Context) {
    return (await succession(item, context))?.replaces ?? [];
  }
}

@Resolver(() => Course)
export class CourseSuccessionResolver {
  @FieldResolver(() => Course, { nullable: true, description: REPLACED_BY })
  async replacedBy(@Root() item: Course, @Ctx() context: Context) {
    return (await succession(item, context))?.replacedBy ?? null;
  }

  @FieldResolver(() => CatalogItem, { nullable: true, description: SUCCESSOR })
  async successor(@Root() item: Course, @Ctx() context: Context) {
    return (await succession(item, context))?.successor ?? null;
  }

  @FieldResolver(() => [Course], { description: REPLACES })
  async replaces(@Root() item: Course, @Ctx() context: Context) {
    return (await succession(item, context))?.replaces ?? [];
  }
}
