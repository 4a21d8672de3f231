import { cheapestWay, DEFAULT_SEARCH_STEPS } from './cheapest-way';
import { indicesOf } from './exam-mask';
import { PlanObjective } from '../domain/vocabulary';
import { examCosts, searchWeights } from './plan-costs';
import { RequirementProblem } from './requirement-problem';
import { RequirementSubgraph } from './requirement-subgraph';

export interface PlannedWay {
  /** Exam node ids of the best way (unordered; see PathOrderer). */
  exams: string[];
  optimal: boolean;
  /** The sum of the costs that are known. */
  knownCost: number;
  /** Exam node ids in the way whose cost the catalog does not give. */
  unknownCost: string[];
}

/** The best way to the problem's target under an objective (see cheapestWay and plan-costs). */
export function planWay(
  problem: RequirementProblem,
  subgraph: RequirementSubgraph,
  objective: PlanObjective,
  maxSteps = DEFAULT_SEARCH_STEPS,
): PlannedWay {
  const costs = examCosts(objective, problem, subgraph);
  const way = cheapestWay(problem, searchWeights(costs), maxSteps);
  const indices = indicesOf(way.mask);
  return {
    exams: indices.map((i) => problem.exams[i]),
    optimal: way.optimal,
    knownCost: indices.reduce((sum, i) => sum + (costs[i] ?? 0), 0),
    unknownCost: indices.filter((i) => costs[i] === null).map((i) => problem.exams[i]),
  };
}
