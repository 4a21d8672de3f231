import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { Exam } from '../catalog/exam.type';
import { Context } from '../context';
import { AS_OF_ARG, DateScalar } from '../history/as-of';
import { Confidence } from '../history/confidence';
import { HOLDING_ARG, minConfidenceArg, pathQuestion } from './path-args';
import { Unlock } from './unlock.type';

@Resolver(() => Exam)
export class ExamUnlocksResolver {
  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this exam counts toward, at any depth, and what is left for each once it is passed.',
  })
  unlocks(
    @Root() exam: Exam,
    @Ctx() context: Context,
    @Arg('holding', () => [String], HOLDING_ARG) holding?: string[] | null,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
    @Arg('minConfidence', () => Confidence, minConfidenceArg('SECONDARY'))
    minConfidence?: Confidence | null,
  ) {
    return context.paths.unlocks(
      exam.code,
      holding ?? [],
      pathQuestion(asOf, minConfidence, 'SECONDARY'),
    );
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'The exam fee in US dollars, when a source gives it (null: unknown).',
  })
  priceUsd(@Root() exam: Exam & { priceUsd?: number }) {
    return exam.priceUsd ?? null;
  }
}
