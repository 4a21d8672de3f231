import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../model/catalog-item.type';
import { Context } from './context';

/**
 * `replacedBy`, `successor` and `replaces`, which every kind of item has: the item resolvers
 * extend this, so that `replacedBy` and `replaces` keep the item's own type. All of them read
 * the request's catalog snapshot.
 */
export function SuccessionFields<T extends CatalogItem>(itemClass: ClassType<T>) {
  @Resolver(() => itemClass)
  abstract class WithSuccession {
    @FieldResolver(() => itemClass, {
      nullable: true,
      description: 'Its direct replacement, when Microsoft names one.',
    })
    replacedBy(@Root() item: CatalogItem, @Ctx() { catalog }: Context) {
      return catalog.successionOf(item.code).replacedBy;
    }

    @FieldResolver(() => CatalogItem, {
      nullable: true,
      description:
        'Where Microsoft points learners instead when there is no direct replacement (a successor pathway); may be another kind of item.',
    })
    successor(@Root() item: CatalogItem, @Ctx() { catalog }: Context) {
      return catalog.successionOf(item.code).successor;
    }

    @FieldResolver(() => [itemClass], { description: 'What this item directly replaced.' })
    replaces(@Root() item: CatalogItem, @Ctx() { catalog }: Context) {
      return catalog.successionOf(item.code).replaces;
    }
  }
  return WithSuccession;
}
