import { ArgsType, Field } from 'type-graphql';
import { checkPageSize } from '../catalog/pagination';
import { AS_OF_ARG, asOfDay, DateScalar } from '../history/as-of';
import { Confidence } from '../history/confidence';
import { PathQuestion } from './paths.service';

export const MAX_PATHS = 100;
export const DEFAULT_PATHS = 20;

export const HOLDING_ARG = {
  nullable: true,
  description:
    'Certification and exam codes the learner already holds, any letter case. A held certification counts as met without its exams, and so does everything it necessarily includes. Unknown codes are an error.',
} as const;

export const FIRST_PATHS_ARG = {
  nullable: true,
  defaultValue: DEFAULT_PATHS,
  description: `How many paths to list, 0 to ${MAX_PATHS}. totalCount is exact regardless.`,
} as const;

export const checkFirstPaths = (first: number | null | undefined): number =>
  checkPageSize(first ?? undefined, 'first', MAX_PATHS, DEFAULT_PATHS);

export const minConfidenceArg = (defaultValue: Confidence) =>
  ({
    nullable: true,
    defaultValue,
    description:
      'Leave out alternatives (ONE_OF members) less sure than this. Requirements that must all be met are always kept, whatever their grade: leaving one out would make a certification look easier to earn than it is.',
  }) as const;

export const pathQuestion = (
  asOf: Date | null | undefined,
  minConfidence: Confidence | null | undefined,
  fallback: Confidence,
): PathQuestion => ({ day: asOfDay(asOf), minConfidence: minConfidence ?? fallback });

/** The arguments of every `unlocks` field: what is held, the day, and how sure alternatives must be. */
@ArgsType()
export class UnlocksArgs {
  @Field(() => [String], HOLDING_ARG)
  holding?: string[] | null;

  @Field(() => DateScalar, AS_OF_ARG)
  asOf?: Date | null;

  @Field(() => Confidence, minConfidenceArg('SECONDARY'))
  minConfidence?: Confidence | null;
}

export const unlocksQuestion = (args: UnlocksArgs) => ({
  holding: args.holding ?? [],
  question: pathQuestion(args.asOf, args.minConfidence, 'SECONDARY'),
});
