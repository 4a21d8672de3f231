import { ArgsType, Field, Int } from 'type-graphql';
import { Confidence, PlanObjective } from '../../model/enums';
import { HeldCredentialInput } from '../../model/learner.type';
import { PathQuestion } from '../../services/paths.service';
import { checkPageSize } from '../pagination';
import { AsOfArgs, dayOf } from './as-of.args';

export const MAX_PATHS = 100;
export const DEFAULT_PATHS = 20;

const HOLDING = {
  nullable: true,
  description:
    'Certification and exam codes the learner already holds, any letter case. A held certification counts as met without its exams, and so does everything it necessarily includes. Unknown codes are an error.',
} as const;

const HOLDINGS = {
  nullable: true,
  description:
    'What the learner holds, with the days it was earned and renewed: on the day asked an expired certification counts toward nothing, one in its renewal window counts (Plan.warnings says so). Taken together with `holding`.',
} as const;

const minConfidence = (defaultValue: Confidence) =>
  ({
    nullable: true,
    defaultValue,
    description:
      'Leave out alternatives (ONE_OF members) less sure than this. Requirements that must all be met are always kept, whatever their grade: leaving one out would make a certification look easier to earn than it is.',
  }) as const;

/** `Certification.paths`: what is held, how many ways to list, the day, how sure alternatives must be. */
@ArgsType()
export class PathsArgs extends AsOfArgs {
  @Field(() => [String], HOLDING)
  holding?: string[] | null;

  @Field(() => [HeldCredentialInput], HOLDINGS)
  holdings?: HeldCredentialInput[] | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PATHS,
    description: `How many paths to list, 0 to ${MAX_PATHS}. totalCount is exact regardless.`,
  })
  first?: number | null;

  @Field(() => Confidence, minConfidence('UNCONFIRMED'))
  minConfidence?: Confidence | null;
}

/** Every `unlocks` field: what is held, the day, and how sure alternatives must be. */
@ArgsType()
export class UnlocksArgs extends AsOfArgs {
  @Field(() => [String], HOLDING)
  holding?: string[] | null;

  @Field(() => [HeldCredentialInput], HOLDINGS)
  holdings?: HeldCredentialInput[] | null;

  @Field(() => Confidence, minConfidence('SECONDARY'))
  minConfidence?: Confidence | null;
}

/** `Query.plan`: the target and the objective, besides what every unlocks question takes. */
@ArgsType()
export class PlanArgs extends UnlocksArgs {
  @Field({ description: 'Certification slug, any letter case.' })
  target!: string;

  @Field(() => PlanObjective, {
    nullable: true,
    defaultValue: 'FEWEST_EXAMS',
    description: 'What to minimise.',
  })
  optimizeFor?: PlanObjective | null;
}

/** The question a set of path arguments asks: the day, and the grade alternatives must reach. */
export const pathQuestion = (
  args: { asOf?: Date | null; minConfidence?: Confidence | null },
  fallback: Confidence,
): PathQuestion => ({ day: dayOf(args.asOf), minConfidence: args.minConfidence ?? fallback });

export const checkFirstPaths = (first: number | null | undefined): number =>
  checkPageSize(first ?? undefined, 'first', MAX_PATHS, DEFAULT_PATHS);
