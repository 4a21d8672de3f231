import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../model/catalog-item.type';
import { Plan } from '../model/plan.type';
import { Context } from './context';

/** Every field of Plan beyond what the paths service computes. */
@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => [CatalogItem], {
    description:
      "Where to go instead of the target: its direct replacement and Microsoft's successor pathway, when named (typically for a retired or retiring target).",
  })
  successors(@Root() plan: Plan, @Ctx() { catalog }: Context) {
    const { replacedBy, successor } = catalog.successionOf(plan.target.code);
    return [replacedBy, successor].filter((item) => item !== null);
  }
}
