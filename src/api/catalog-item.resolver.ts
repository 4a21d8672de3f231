import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../model/catalog-item.type';
import { ItemStatus } from '../model/enums';
import { Lifecycle } from '../model/lifecycle.type';
import { statusIn } from '../store/snapshot/status';
import { AsOfArgs, dayOf } from './args/as-of.args';
import { Context } from './context';

/** The fields every catalog item has, resolved once for the CatalogItem interface. */
@Resolver(() => CatalogItem)
export class CatalogItemResolver {
  @FieldResolver(() => ItemStatus, { description: 'Its status on the day asked (default: today).' })
  status(
    @Root() item: CatalogItem,
    @Ctx() { catalog }: Context,
    @Args() { asOf }: AsOfArgs,
  ): ItemStatus {
    return statusIn(catalog, item, dayOf(asOf));
  }

  @FieldResolver(() => Lifecycle, {
    nullable: true,
    description:
      'Its known dates (available or known since, beta, retirement announced, retired) and their sources; null when none is known.',
  })
  lifecycle(@Root() item: CatalogItem): Lifecycle | null {
    if (!item.lifecycleConfidence) return null;
    return {
      availableFrom: item.availableFrom,
      knownSince: item.knownSince,
      betaUntil: item.betaUntil,
      retirementAnnouncedOn: item.retirementAnnouncedOn,
      retiredOn: item.retiredOn,
      confidence: item.lifecycleConfidence,
      sources: item.lifecycleSources ?? [],
      notes: item.lifecycleNotes ?? [],
    };
  }
}
