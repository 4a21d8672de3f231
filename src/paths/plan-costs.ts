import { PlanObjective } from '../domain/vocabulary';
import { RequirementProblem } from './requirement-problem';
import { RequirementSubgraph } from './requirement-subgraph';

const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * What each exam of a problem costs under an objective, or null where the catalog does not say.
 * - FEWEST_EXAMS: 1 per exam.
 * - LOWEST_EXAM_COST: the exam's `priceUsd`.
 * - FEWEST_COURSE_DAYS / FEWEST_COURSE_HOURS: the `durationInDays` / `durationInHours` of the
 *   shortest course that prepares for the exam; 0 when no course in the catalog prepares for it
 *   (there is nothing to attend); unknown when courses exist but none has that length. A course
 *   that prepares for two exams of a plan is counted for each of them: per-exam costs keep the
 *   objective exact and simple.
 */
export function examCosts(
  objective: PlanObjective,
  problem: RequirementProblem,
  subgraph: RequirementSubgraph,
): (number | null)[] {
  return problem.exams.map((exam) => {
    if (objective === 'FEWEST_EXAMS') return 1;
    if (objective === 'LOWEST_EXAM_COST') return numberOr(subgraph.items.get(exam)?.priceUsd);
    const courses = subgraph.coursesOfExam.get(exam) ?? [];
    if (courses.length === 0) return 0;
    const length = objective === 'FEWEST_COURSE_DAYS' ? 'durationInDays' : 'durationInHours';
    const known = courses
      .map((course) => numberOr(subgraph.items.get(course)?.[length]))
      .filter((value): value is number => value !== null);
    return known.length > 0 ? Math.min(...known) : null;
  });
}

/**
 * Weights for the search: an exam of unknown cost weighs more than all known costs together,
 * so the plan first takes as few unknowns as it can, then the lowest known total. With nothing
 * known at all that is simply the fewest exams, the honest best guess.
 */
export function searchWeights(costs: readonly (number | null)[]): number[] {
  const unknown = 1 + costs.reduce<number>((sum, cost) => sum + (cost ?? 0), 0);
  return costs.map((cost) => cost ?? unknown);
}
