import { checkPageSize } from '../catalog/pagination';

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
