import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../catalog/catalog-item.type';
import { Certification } from '../catalog/certification.type';
import { Course } from '../catalog/course.type';
import { Exam } from '../catalog/exam.type';
import { Context } from '../context';

/**
 * `replacedBy`, `successor` and `replaces` for one kind of item. One resolver per kind, so that
 * `replacedBy` and `replaces` keep the item's own type; all of them read one batched loader.
 */
function successionResolver(itemClass: ClassType<CatalogItem>) {
  const succession = (item: CatalogItem, { loaders }: Context) =>
    loaders.succession.load(item.code);

  @Resolver(() => itemClass)
  class SuccessionResolver {
    @FieldResolver(() => itemClass, {
      nullable: true,
      description: 'Its direct replacement, when Microsoft names one.',
    })
    async replacedBy(@Root() item: CatalogItem, @Ctx() context: Context) {
      return (await succession(item, context))?.replacedBy ?? null;
    }

    @FieldResolver(() => CatalogItem, {
      nullable: true,
      description:
        'Where Microsoft points learners instead when there is no direct replacement (a successor pathway); may be another kind of item.',
    })
    async successor(@Root() item: CatalogItem, @Ctx() context: Context) {
      return (await succession(item, context))?.successor ?? null;
    }

    @FieldResolver(() => [itemClass], { description: 'What this item directly replaced.' })
    async replaces(@Root() item: CatalogItem, @Ctx() context: Context) {
      return (await succession(item, context))?.replaces ?? [];
    }
  }
  return SuccessionResolver;
}

export const CertificationSuccessionResolver = successionResolver(Certification);
export const ExamSuccessionResolver = successionResolver(Exam);
export const CourseSuccessionResolver = successionResolver(Course);
