import { ExamMask, indicesOf, popcount } from './exam-mask';
import { MinHeap } from './min-heap';

/**
 * Lazy, memoised sequences of ways (exam masks) with a rank, pulled by index. A combination is
 * only computed when something asks for it, so listing the first k ways of a product costs about
 * k steps per factor (Huang & Chiang's lazy k-best): the work follows `first`, never the count.
 *
 * Ranks are exam counts. For independent parts (factor-ways.ts) the count of a union is the sum
 * of the parts' counts, less the exams both always share, a constant: so a frontier ordered by
 * the sum yields ways in nondecreasing exam count, ties in catalog order. Over colliding parts
 * the sum only bounds the union from above; `MinimalWays` then repairs the result (dedup,
 * minimality) at a budgeted cost.
 */
export interface RankedWay {
  mask: ExamMask;
  rank: number;
}

export interface WayStream {
  /** The i-th way, or undefined past the end. */
  at(i: number): RankedWay | undefined;
}

export class ListedWays implements WayStream {
  constructor(private readonly ways: readonly RankedWay[]) {}

  at(i: number): RankedWay | undefined {
    return this.ways[i];
  }
}

/** One way from `a` and one from `b`, explored from the cheapest pair outwards. */
export class PairedWays implements WayStream {
  private readonly out: RankedWay[] = [];
  private readonly frontier = new MinHeap<[number, number, number]>(
    (x, y) => (x[0] - y[0] || x[1] - y[1] || x[2] - y[2]) < 0,
  );

  constructor(
    private readonly a: WayStream,
    private readonly b: WayStream,
  ) {
    const first = this.rankOf(0, 0);
    if (first !== undefined) this.frontier.push([first, 0, 0]);
  }

  at(i: number): RankedWay | undefined {
    while (this.out.length <= i) {
      const next = this.frontier.pop();
      if (next === undefined) return undefined;
      const [, ia, ib] = next;
      const mask = this.a.at(ia)!.mask | this.b.at(ib)!.mask;
      // The frontier is ordered by the sum of ranks; the way's own rank is its true exam count,
      // the sum minus the exams both sides always share (a constant, so the order is kept).
      this.out.push({ mask, rank: popcount(mask) });
      // Each pair has one predecessor ((i, j-1), or (i-1, 0) on the first column), so the
      // frontier reaches every pair exactly once without a visited set.
      this.pushPair(ia, ib + 1);
      if (ib === 0) this.pushPair(ia + 1, 0);
    }
    return this.out[i];
  }

  private pushPair(ia: number, ib: number): void {
    const rank = this.rankOf(ia, ib);
    if (rank !== undefined) this.frontier.push([rank, ia, ib]);
  }

  private rankOf(ia: number, ib: number): number | undefined {
    const x = this.a.at(ia);
    const y = this.b.at(ib);
    return x && y ? x.rank + y.rank : undefined;
  }
}

/** The parts' ways merged by rank, ties to the earlier part. */
export class MergedWays implements WayStream {
  private readonly out: RankedWay[] = [];
  private readonly next: number[];

  constructor(private readonly parts: readonly WayStream[]) {
    this.next = parts.map(() => 0);
  }

  at(i: number): RankedWay | undefined {
    while (this.out.length <= i) {
      let best = -1;
      for (let p = 0; p < this.parts.length; p++) {
        const head = this.parts[p].at(this.next[p]);
        if (head && (best < 0 || head.rank < this.parts[best].at(this.next[best])!.rank)) best = p;
      }
      if (best < 0) return undefined;
      this.out.push(this.parts[best].at(this.next[best]++)!);
    }
    return this.out[i];
  }
}

/** Every combination of one way per part: a right-deep chain of pairs. */
export function productOf(parts: readonly WayStream[]): WayStream {
  return parts.reduceRight((rest, part) => new PairedWays(part, rest));
}

/** A shared work budget for the filters below, in formula-node evaluations. */
export interface PullBudget {
  remaining: number;
}

/**
 * The distinct minimal ways among a raw stream of combinations over shared exams. `isMet` is the
 * requirement's own test; a way is minimal when dropping any one exam breaks it (enough, because
 * requirements are monotone). Stops early when the budget runs out.
 */
export class MinimalWays implements WayStream {
  private readonly out: RankedWay[] = [];
  private readonly seen = new Set<ExamMask>();
  private pulled = 0;
  private ended = false;

  constructor(
    private readonly raw: WayStream,
    private readonly isMet: (mask: ExamMask) => boolean,
    private readonly budget: PullBudget,
    /** What one `isMet` costs (the formula's node count); a candidate costs that per exam, plus one. */
    private readonly evaluationCost = 1,
  ) {}

  /** True once every raw combination has been inspected; until then `found()` is a lower bound. */
  get complete(): boolean {
    return this.ended;
  }

  at(i: number): RankedWay | undefined {
    // An exhausted budget pauses the filter; a refilled budget resumes it where it stopped.
    while (this.out.length <= i && !this.ended && this.budget.remaining > 0) {
      const candidate = this.raw.at(this.pulled++);
      if (candidate === undefined) {
        this.ended = true;
        break;
      }
      // Making the candidate and testing it each cost about one pass over the formula per exam.
      this.budget.remaining -= (1 + candidate.rank) * this.evaluationCost;
      if (this.seen.has(candidate.mask)) continue;
      this.seen.add(candidate.mask);
      if (this.isMinimal(candidate.mask)) {
        this.out.push({ mask: candidate.mask, rank: popcount(candidate.mask) });
      }
    }
    return this.out[i];
  }

  /** Everything found so far, for counting. */
  found(): readonly RankedWay[] {
    return this.out;
  }

  private isMinimal(mask: ExamMask): boolean {
    return indicesOf(mask).every((i) => !this.isMet(mask & ~(1n << BigInt(i))));
  }
}
