import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Certification } from '../catalog/certification.type';
import { Context } from '../context';
import { CertificationPaths } from './certification-path.type';
import { AS_OF_ARG, DateScalar } from '../history/as-of';
import { Confidence } from '../history/confidence';
import {
  checkFirstPaths,
  FIRST_PATHS_ARG,
  HOLDING_ARG,
  minConfidenceArg,
  pathQuestion,
  UnlocksArgs,
  unlocksQuestion,
} from './path-args';
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
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
    @Arg('minConfidence', () => Confidence, minConfidenceArg('UNCONFIRMED'))
    minConfidence?: Confidence | null,
  ) {
    return context.paths.paths(
      certification.code,
      holding ?? [],
      checkFirstPaths(first),
      pathQuestion(asOf, minConfidence, 'UNCONFIRMED'),
    );
  }

  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this one counts toward, at any depth, and what is left for each once it is held.',
  })
  unlocks(
    @Root() certification: Certification,
    @Ctx() context: Context,
    @Args() args: UnlocksArgs,
  ) {
    const { holding, question } = unlocksQuestion(args);
    return context.paths.unlocks(certification.code, holding, question);
  }
}
