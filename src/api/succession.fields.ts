import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../model/catalog-item.type';
import { Context } from './context';

/**
 * `replacedBy`, `successor` and `replaces`, which every kind of item has: the item resolvers
 * extend this, so that `replacedBy` and `replaces` keep the item's own type. All of them read
 * one batched loader.
 */
export function SuccessionFields<T extends CatalogItem>(itemClass: ClassType<T>) {
  const succession = (item: CatalogItem, { loaders }: Context) =>
    loaders.succession.load(item.code);

  @Resolver(() => itemClass)
  abstract class WithSuccession {
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
  return WithSuccession;
}
