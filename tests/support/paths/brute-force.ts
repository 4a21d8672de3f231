import { bit, ExamMask } from '../../../src/paths/exam-mask';
import { meets, RequirementProblem } from '../../../src/paths/requirement-problem';

/**
 * The slow, obviously correct answers the property tests compare against: every subset of the
 * problem's exams, tried one by one. Only for problems with a handful of exams.
 */
export function bruteForceMinimalWays(problem: RequirementProblem): ExamMask[] {
  if (problem.root === null) return [0n];
  const n = problem.exams.length;
  if (n > 20) throw new Error(`brute force over ${n} exams would take too long`);
  const met = (mask: ExamMask) => meets(problem, problem.root!, mask);
  const ways: ExamMask[] = [];
  for (let m = 0n; m < 1n << BigInt(n); m++) {
    if (!met(m)) continue;
    let minimal = true;
    for (let i = 0; i < n && minimal; i++) {
      if (m & bit(i) && met(m & ~bit(i))) minimal = false;
    }
    if (minimal) ways.push(m);
  }
  return ways;
}

/** The cheapest set of exams that meets the target, with exam i costing `weights[i]`. */
export function bruteForceCheapest(problem: RequirementProblem, weights: number[]): number {
  if (problem.root === null) return 0;
  let best = Infinity;
  for (const way of bruteForceMinimalWays(problem)) {
    let cost = 0;
    for (let i = 0; i < problem.exams.length; i++) if (way & bit(i)) cost += weights[i];
    best = Math.min(best, cost);
  }
  return best;
}
