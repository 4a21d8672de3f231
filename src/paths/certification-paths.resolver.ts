import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Certification } from '../catalog/certification.type';
import { Context } from '../context';
import { CertificationPaths } from './certification-path.type';
import { checkFirstPaths, FIRST_PATHS_ARG, HOLDING_ARG } from './path-args';
import { Unlock } from './unlock.type';

@Resolver(() => Certification)
export class CertificationPathsResolver {
  @FieldResolver(() => CertificationPaths, {
    description:
      'Every distinct way to earn this certification from what the learner holds: one choice at each ONE_OF, resolved down to exams. Minimal and distinct: no way contains another.',
  })
  paths(
    @Root() certification: Certification,
    @Ctx() context: Context,
    @Arg('holding', () => [String], HOLDING_ARG) holding?: string[] | null,
    @Arg('first', () => Int, FIRST_PATHS_ARG) first?: number | null,
  ) {
    return context.paths.paths(certification.code, holding ?? [], checkFirstPaths(first));
  }

  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this one counts toward, at any depth, and what is left for each once it is held.',
  })
  unlocks(
    @Root() certification: Certification,
    @Ctx() context: Context,
    @Arg('holding', () => [String], HOLDING_ARG) holding?: string[] | null,
  ) {
    return context.paths.unlocks(certification.code, holding ?? []);
  }
}
