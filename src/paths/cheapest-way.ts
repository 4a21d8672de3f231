import { bit, ExamMask, indicesOf, NO_EXAMS, overlaps } from './exam-mask';
import { meets, RequirementProblem, withoutRedundantExams } from './requirement-problem';

export interface CheapestWay {
  /** A minimal set of exams that meets the target. */
  mask: ExamMask;
  cost: number;
  /** Proven cheapest; false when the search budget ran out first. */
  optimal: boolean;
  /** Branching steps taken, for benchmarks. */
  steps: number;
}

/** Branching steps allowed before settling for the best way found (pathological inputs only). */
export const DEFAULT_SEARCH_STEPS = 20_000;

/**
 * The cheapest set of exams that meets a problem's target, exam i costing `weights[i]` (>= 0),
 * an exam shared by several branches paid once.
 *
 * That is a minimum-cost solution of an AND/OR graph with shared leaves: NP-hard (set cover is
 * the special case "all of several any-of groups over shared exams"). The search is an AND/OR
 * branch and bound (Marinescu & Dechter) that stays exact on the catalogs we see:
 * - below a node whose `all` children never share an exam, sharing cannot matter and a
 *   bottom-up pass (min over choices, sum over requirements) is exact: no branching at all;
 * - open choices that share no unbought exam are independent subproblems, solved separately;
 * - only choices that touch a shared exam are branched on, cheapest alternative first, pruned by
 *   a lower bound (max and exam-cost splitting, see `lowerBound`) against the best found so far.
 * A greedy way is found first, so when `maxSteps` branchings run out the answer is still a valid
 * way, the best found, with `optimal: false`.
 */
export function cheapestWay(
  problem: RequirementProblem,
  weights: readonly number[],
  maxSteps = DEFAULT_SEARCH_STEPS,
): CheapestWay {
  if (problem.root === null) return { mask: NO_EXAMS, cost: 0, optimal: true, steps: 0 };
  if (weights.length !== problem.exams.length) {
    // A missing weight would be summed as NaN and silently spoil every comparison.
    throw new RangeError(
      `cheapestWay: ${weights.length} weights for ${problem.exams.length} exams; give one per exam`,
    );
  }
  const search = new WaySearch(problem, weights, maxSteps);
  const greedy = search.greedy([problem.root], NO_EXAMS);
  const better = search.solve([problem.root], NO_EXAMS, search.cost(greedy));
  // Zero-cost exams can ride along in an optimum; a path lists only what the target needs.
  const dropFirst = indicesOf(better?.mask ?? greedy).sort(
    (a, b) => weights[b] - weights[a] || b - a,
  );
  const mask = withoutRedundantExams(problem, better?.mask ?? greedy, dropFirst);
  const cost = search.cost(mask);
  const proven = !search.exhausted || cost <= search.lowerBound([problem.root], NO_EXAMS) + 1e-9;
  return { mask, cost, optimal: proven, steps: search.steps };
}

interface Found {
  mask: ExamMask;
  cost: number;
}

class WaySearch {
  steps = 0;
  exhausted = false;
  /** Nodes below which no `all` has children sharing an exam: bottom-up is exact there. */
  private readonly treeLike: boolean[] = [];
  /** For `all` nodes: children grouped by shared exams (for the lower bound). */
  private readonly childGroups: number[][][] = [];

  constructor(
    private readonly problem: RequirementProblem,
    private readonly weights: readonly number[],
    private readonly maxSteps: number,
  ) {
    for (const node of problem.nodes) {
      const children = node.children.map((c) => problem.nodes[c]);
      const disjoint = children.every((a, i) =>
        children.slice(i + 1).every((b) => !overlaps(a.support, b.support)),
      );
      this.treeLike.push(
        node.children.every((c) => this.treeLike[c]) && (node.op !== 'all' || disjoint),
      );
      this.childGroups.push(node.op === 'all' ? groupsSharingExams(node.children, problem) : []);
    }
  }

  cost(mask: ExamMask): number {
    return indicesOf(mask).reduce((sum, i) => sum + this.weights[i], 0);
  }

  /** The best way for `pending` given `bought`, if one costs less than `limit` in total. */
  solve(pending: number[], bought: ExamMask, limit: number): Found | null {
    const { mask, choices } = this.expand(pending, bought);
    const base = this.cost(mask);
    if (base >= limit) return null;
    if (choices.length === 0) return { mask, cost: base };
    const groups = this.independentGroups(choices, mask);
    const bounds = groups.map((group) => this.lowerBound(group, mask));
    let rest = bounds.reduce((a, b) => a + b, 0);
    if (base + rest >= limit) return null;
    let total = base;
    let result = mask;
    for (const [k, group] of groups.entries()) {
      rest -= bounds[k];
      const found = this.solveGroup(group, mask, limit - total - rest);
      if (!found) return null;
      total += found.cost;
      result |= found.mask;
    }
    return { mask: result, cost: total };
  }

  /** A group of choices that share exams; `cost` in the answer is the extra cost over `bought`. */
  private solveGroup(group: number[], bought: ExamMask, limit: number): Found | null {
    const extra = (mask: ExamMask): Found => ({ mask, cost: this.cost(mask & ~bought) });
    if (group.length === 1 && this.treeLike[group[0]]) {
      const found = extra(this.bottomUpWay(group[0], bought, new Map()));
      return found.cost < limit ? found : null;
    }
    if (++this.steps > this.maxSteps) {
      this.exhausted = true;
      const found = extra(this.greedy(group, bought));
      return found.cost < limit ? found : null;
    }
    const nodes = this.problem.nodes;
    const choice = group.reduce((a, b) =>
      nodes[b].children.length < nodes[a].children.length ? b : a,
    );
    const others = group.filter((n) => n !== choice);
    const memo = new Map<number, number>();
    const alternatives = [...nodes[choice].children].sort(
      (a, b) => this.treeCost(a, bought, memo) - this.treeCost(b, bought, memo),
    );
    const paid = this.cost(bought);
    let best: Found | null = null;
    for (const alternative of alternatives) {
      const found = this.solve([alternative, ...others], bought, paid + (best?.cost ?? limit));
      if (found) best = { mask: found.mask, cost: found.cost - paid };
    }
    return best;
  }

  /** A way found by always taking the alternative that looks cheapest: fast, not always optimal. */
  greedy(pending: number[], bought: ExamMask): ExamMask {
    let { mask, choices } = this.expand(pending, bought);
    while (choices.length > 0) {
      const memo = new Map<number, number>();
      const [choice, ...others] = choices;
      const best = this.problem.nodes[choice].children.reduce((a, b) =>
        this.treeCost(b, mask, memo) < this.treeCost(a, mask, memo) ? b : a,
      );
      ({ mask, choices } = this.expand([best, ...others], mask));
    }
    return mask;
  }

  /**
   * A cost no way for `group` can beat: the largest bound of one member, or the sum of the
   * members' bounds with each shared exam's cost split among the members that can use it (a way
   * pays each exam once, and each member's share of it is at most that).
   */
  lowerBound(group: number[], bought: ExamMask): number {
    const full = (e: number) => ((bought & bit(e)) !== 0n ? 0 : this.weights[e]);
    const single = Math.max(...group.map((n) => this.bound(n, full, new Map())));
    if (group.length === 1) return single;
    const users = new Map<number, number>();
    for (const n of group) {
      for (const e of indicesOf(this.problem.nodes[n].support & ~bought)) {
        users.set(e, (users.get(e) ?? 0) + 1);
      }
    }
    const split = (e: number) => full(e) / (users.get(e) ?? 1);
    const memo = new Map<number, number>();
    const shared = group.reduce((sum, n) => sum + this.bound(n, split, memo), 0);
    // Shaved by a hair so that rounding in the split can never prune an optimal way.
    return Math.max(single, shared * (1 - 1e-12));
  }

  private bound(n: number, weight: (exam: number) => number, memo: Map<number, number>): number {
    const cached = memo.get(n);
    if (cached !== undefined) return cached;
    const node = this.problem.nodes[n];
    let value: number;
    if (node.op === 'exam') value = weight(node.exam);
    else if (node.op === 'any') {
      value = Math.min(...node.children.map((c) => this.bound(c, weight, memo)));
    } else {
      value = this.childGroups[n].reduce(
        (sum, group) => sum + Math.max(...group.map((c) => this.bound(c, weight, memo))),
        0,
      );
    }
    memo.set(n, value);
    return value;
  }

  /** Cheapest alternative per choice, requirements summed: exact where `treeLike`, else an upper guess. */
  private treeCost(n: number, bought: ExamMask, memo: Map<number, number>): number {
    const cached = memo.get(n);
    if (cached !== undefined) return cached;
    const node = this.problem.nodes[n];
    let value: number;
    if (node.op === 'exam') value = (bought & bit(node.exam)) !== 0n ? 0 : this.weights[node.exam];
    else if (node.op === 'any') {
      value = Math.min(...node.children.map((c) => this.treeCost(c, bought, memo)));
    } else value = node.children.reduce((sum, c) => sum + this.treeCost(c, bought, memo), 0);
    memo.set(n, value);
    return value;
  }

  private bottomUpWay(n: number, bought: ExamMask, memo: Map<number, number>): ExamMask {
    const node = this.problem.nodes[n];
    if (node.op === 'exam') return bought | bit(node.exam);
    if (node.op === 'all') {
      return node.children.reduce((mask, c) => mask | this.bottomUpWay(c, bought, memo), bought);
    }
    const best = node.children.reduce((a, b) =>
      this.treeCost(b, bought, memo) < this.treeCost(a, bought, memo) ? b : a,
    );
    return this.bottomUpWay(best, bought, memo);
  }

  /** Takes every exam the pending requirements make mandatory; returns the choices still open. */
  private expand(pending: number[], bought: ExamMask): { mask: ExamMask; choices: number[] } {
    let mask = bought;
    const choices: number[] = [];
    const seen = new Set<number>();
    const stack = [...pending];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      const node = this.problem.nodes[n];
      if (node.op === 'exam') mask |= bit(node.exam);
      else if (node.op === 'all') stack.push(...node.children);
      else choices.push(n);
    }
    const memo = new Map<number, boolean>();
    const open = choices.filter((n) => !meets(this.problem, n, mask, memo)).sort((a, b) => a - b);
    return { mask, choices: open };
  }

  /** Open choices grouped so that no two groups can use the same unbought exam. */
  private independentGroups(choices: number[], bought: ExamMask): number[][] {
    return groupsSharingExams(choices, this.problem, bought);
  }
}

/** `members` grouped by "can use an exam the other can use too" (ignoring exams in `except`). */
function groupsSharingExams(
  members: number[],
  problem: RequirementProblem,
  except: ExamMask = NO_EXAMS,
): number[][] {
  const groups: { members: number[]; support: ExamMask }[] = [];
  for (const n of members) {
    const support = problem.nodes[n].support & ~except;
    const merged = { members: [n], support };
    for (let i = groups.length - 1; i >= 0; i--) {
      if (overlaps(groups[i].support, merged.support)) {
        merged.members.unshift(...groups[i].members);
        merged.support |= groups[i].support;
        groups.splice(i, 1);
      }
    }
    groups.push(merged);
  }
  return groups.map((group) => group.members.sort((a, b) => a - b));
}
