import { ExamMask, indicesOf } from './exam-mask';
import { quotientOf } from './entangled-ways';
import { compileWaysMet, factorWays, Ways } from './factor-ways';
import { RequirementProblem } from './requirement-problem';
import {
  ListedWays,
  MergedWays,
  MinimalWays,
  productOf,
  PullBudget,
  RankedWay,
  WayStream,
} from './way-streams';

export interface WaysListing {
  /** How many distinct minimal ways there are; a lower bound when `exact` is false. */
  totalCount: bigint;
  exact: boolean;
  /** The first ways, fewest exams first (ties in catalog order); each a minimal set of exams. */
  ways: ExamMask[];
}

export interface WaysBudget {
  /**
   * Work the count may spend enumerating entangled quotients (entangled-ways.ts), in formula
   * node visits: the default is about 10-20 ms on the 2-core benchmark machine.
   */
  work: number;
}

export const DEFAULT_WAYS_BUDGET: WaysBudget = { work: 500_000 };

/**
 * Counts the distinct minimal ways to meet a problem's target and lists the first `first`.
 *
 * Exactness: independent nodes (factor-ways.ts) count by products and sums, in one pass; an
 * entangled group counts by enumerating its module quotient (entangled-ways.ts), exact when that
 * fits the work budget (every seed-shaped catalog tried, by orders of magnitude). Exact counting
 * of minimal ways is #P-hard in general (it includes counting minimal vertex covers), hence the
 * budget and `exact`. Work for the list: about `first` steps per node of the factored form; the
 * ways of a quotient cut short by the budget are the ones found.
 */
export function listMinimalWays(
  problem: RequirementProblem,
  first: number,
  budget: WaysBudget = DEFAULT_WAYS_BUDGET,
): WaysListing {
  const ways = new WaysCounter({ remaining: budget.work });
  const root = factorWays(problem);
  const { count, exact } = ways.count(root);
  const stream = ways.stream(root);
  const listed: ExamMask[] = [];
  for (let i = 0; i < first; i++) {
    const way = stream.at(i);
    if (way === undefined) break;
    listed.push(way.mask);
  }
  return { totalCount: count, exact, ways: listed };
}

class WaysCounter {
  private readonly counts = new Map<Ways, { count: bigint; exact: boolean }>();
  private readonly streams = new Map<Ways, WayStream>();

  constructor(private readonly budget: PullBudget) {}

  count(ways: Ways): { count: bigint; exact: boolean } {
    const known = this.counts.get(ways);
    if (known) return known;
    const parts = ways.parts.map((part) => this.count(part));
    let result: { count: bigint; exact: boolean };
    if (ways.op === 'none' || ways.op === 'exam') result = { count: 1n, exact: true };
    else if (!ways.independent) result = this.enumerate(ways);
    else {
      const combine =
        ways.op === 'all' ? (a: bigint, b: bigint) => a * b : (a: bigint, b: bigint) => a + b;
      result = {
        count: parts.map((p) => p.count).reduce(combine),
        exact: parts.every((p) => p.exact),
      };
    }
    this.counts.set(ways, result);
    return result;
  }

  stream(ways: Ways): WayStream {
    let stream = this.streams.get(ways);
    if (stream) return stream;
    if (ways.op === 'none') stream = new ListedWays([{ mask: 0n, rank: 0 }]);
    else if (ways.op === 'exam') stream = new ListedWays([{ mask: ways.exam, rank: 1 }]);
    else if (!ways.independent) {
      this.count(ways); // enumerating a dependent group is what builds its stream
      return this.streams.get(ways)!;
    } else {
      const parts = ways.parts.map((part) => this.stream(part));
      stream = ways.op === 'all' ? productOf(parts) : new MergedWays(parts);
    }
    this.streams.set(ways, stream);
    return stream;
  }

  /**
   * A dependent group: enumerate the minimal ways of its quotient (entangled-ways.ts), then
   * count and stream each quotient way as the product of its modules' ways.
   */
  private enumerate(group: Ways): { count: bigint; exact: boolean } {
    const { formula, modules, size } = quotientOf(group);
    const minimal = new MinimalWays(
      this.rawStream(formula, new Map()),
      compileWaysMet(formula),
      this.budget,
      size,
    );
    while (minimal.at(minimal.found().length) !== undefined);
    const quotientWays = [...minimal.found()].sort(byRankThenExams);
    const moduleCounts = modules.map((module) => this.count(module));
    let count = 0n;
    for (const way of quotientWays) {
      count += indicesOf(way.mask).reduce((product, i) => product * moduleCounts[i].count, 1n);
    }
    this.streams.set(
      group,
      new MergedWays(
        quotientWays.map((way) =>
          productOf(indicesOf(way.mask).map((i) => this.stream(modules[i]))),
        ),
      ),
    );
    return { count, exact: minimal.complete && moduleCounts.every((m) => m.exact) };
  }

  /** Every combination of the quotient's variables, repeats and supersets included. */
  private rawStream(formula: Ways, made: Map<Ways, WayStream>): WayStream {
    let stream = made.get(formula);
    if (stream) return stream;
    if (formula.op === 'exam') stream = new ListedWays([{ mask: formula.exam, rank: 1 }]);
    else {
      const parts = formula.parts.map((part) => this.rawStream(part, made));
      stream = formula.op === 'all' ? productOf(parts) : new MergedWays(parts);
    }
    made.set(formula, stream);
    return stream;
  }
}

function byRankThenExams(a: RankedWay, b: RankedWay): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const x = indicesOf(a.mask);
  const y = indicesOf(b.mask);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
