import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../catalog/catalog-item.type';
import { AS_OF_ARG, DateScalar } from '../history/as-of';
import { Confidence } from '../history/confidence';
import { Context } from '../context';
import {
  HOLDING_ARG,
  minConfidenceArg,
  pathQuestion,
  UnlocksArgs,
  unlocksQuestion,
} from './path-args';
import { Plan, PlanObjective } from './plan.type';
import { Unlock } from './unlock.type';

@Resolver()
export class PlanResolver {
  @Query(() => Plan, {
    nullable: true,
    description:
      'The single best path to a certification from what the learner holds, proven optimal where `optimal` says so. Null when no certification has that code.',
  })
  plan(
    @Ctx() context: Context,
    @Arg('target', { description: 'Certification slug, any letter case.' }) target: string,
    @Arg('holding', () => [String], HOLDING_ARG) holding?: string[] | null,
    @Arg('optimizeFor', () => PlanObjective, {
      nullable: true,
      defaultValue: 'FEWEST_EXAMS',
      description: 'What to minimise.',
    })
    optimizeFor?: PlanObjective | null,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
    @Arg('minConfidence', () => Confidence, minConfidenceArg('SECONDARY'))
    minConfidence?: Confidence | null,
  ) {
    return context.paths.plan(
      target,
      holding ?? [],
      optimizeFor ?? 'FEWEST_EXAMS',
      pathQuestion(asOf, minConfidence, 'SECONDARY'),
    );
  }

  @Query(() => [Unlock], {
    description:
      'What an exam or certification counts toward, at any depth, and how much is left for each once it is held. Closest first.',
  })
  unlocks(
    @Ctx() context: Context,
    @Arg('code', { description: 'An exam code or certification slug, any letter case.' })
    code: string,
    @Args() args: UnlocksArgs,
  ) {
    const { holding, question } = unlocksQuestion(args);
    return context.paths.unlocks(code, holding, question);
  }
}

@Resolver(() => Plan)
export class PlanSuccessorsResolver {
  @FieldResolver(() => [CatalogItem], {
    description:
      "Where to go instead of the target: its direct replacement and Microsoft's successor pathway, when named (typically for a retired or retiring target).",
  })
  async successors(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    const succession = await loaders.succession.load(plan.target.code);
    return [succession?.replacedBy, succession?.successor].filter((item) => item != null);
  }
}
