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
  async successors(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    const succession = await loaders.succession.load(plan.target.code);
    return [succession?.replacedBy, succession?.successor].filter((item) => item != null);
  }
}
