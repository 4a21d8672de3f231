import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { HOLDING_ARG } from './path-args';
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
  ) {
    return context.paths.plan(target, holding ?? [], optimizeFor ?? 'FEWEST_EXAMS');
  }

  @Query(() => [Unlock], {
    description:
      'What an exam or certification counts toward, at any depth, and how much is left for each once it is held. Closest first.',
  })
  unlocks(
    @Ctx() context: Context,
    @Arg('code', { description: 'An exam code or certification slug, any letter case.' })
    code: string,
    @Arg('holding', () => [String], HOLDING_ARG) holding?: string[] | null,
  ) {
    return context.paths.unlocks(code, holding ?? []);
  }
}
