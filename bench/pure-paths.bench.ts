import { catalogToGraph } from '../src/seed/catalog-to-graph';
import { Catalog } from '../src/seed/catalog';
import { indicesOf } from '../src/paths/exam-mask';
import { listMinimalWays } from '../src/paths/list-ways';
import { PathOrderer } from '../src/paths/path-order';
import { planWay } from '../src/paths/plan-way';
import { certificationNodeId } from '../src/paths/requirement-dag';
import { compileProblem } from '../src/paths/requirement-problem';
import { RequirementSubgraph, subgraphOf } from '../src/paths/requirement-subgraph';
import { dayViewOf } from '../src/paths/requirements-on-day';
import { collectGarbage, fmt, percentile, spread, table, timeMs } from './stats';

/** The day every question is asked for: fixed, so that runs on different days compare. */
export const BENCH_DAY = '2026-11-27';

/** The target's requirements on BENCH_DAY, as a request prepares them. */
const dayView = (subgraph: RequirementSubgraph, root: string) =>
  dayViewOf(subgraph, [root], [], BENCH_DAY, 'SECONDARY');

/**
 * The pure algorithms alone, as one request runs them: take the day's view of the target, compile
 * its problem, then list and order the first ways (`paths`) or search and order the best way
 * (`plan`). A target retired on the day has no problem to solve.
 */
export function pathsOnce(subgraph: RequirementSubgraph, code: string, first: number) {
  const root = certificationNodeId(code);
  const view = dayView(subgraph, root);
  if (!view.dag.has(root)) return { listing: { ways: [], totalCount: 0n, exact: true }, exams: 0 };
  const problem = compileProblem(view.dag, root, view.settled);
  const listing = listMinimalWays(problem, first);
  const orderer = new PathOrderer(view.dag, root, view.settled);
  for (const way of listing.ways) orderer.order(indicesOf(way).map((i) => problem.exams[i]));
  return { listing, exams: problem.exams.length };
}

export function planOnce(subgraph: RequirementSubgraph, code: string) {
  const root = certificationNodeId(code);
  const view = dayView(subgraph, root);
  if (!view.dag.has(root)) return { exams: [], optimal: true, knownCost: 0, unknownCost: [] };
  const problem = compileProblem(view.dag, root, view.settled);
  const planned = planWay(problem, subgraph, 'FEWEST_EXAMS');
  new PathOrderer(view.dag, root, view.settled).order(planned.exams);
  return planned;
}

export interface PureRow {
  name: string;
  certifications: number;
  targets: number;
  maxExams: number;
  maxCount: bigint;
  inexactCounts: number;
  notProven: number;
  paths: number[];
  plan: number[];
}

/** Runs both questions for a spread of targets, several rounds, after a warm-up round. */
export function benchPure(name: string, catalog: Catalog, targets = 300, rounds = 3): PureRow {
  const subgraph = subgraphOf(catalogToGraph(catalog));
  // Associates are single exams; the questions worth timing are about the levels above.
  const codes = spread(
    catalog.certifications.filter((c) => c.level !== 'ASSOCIATE').map((c) => c.code),
    targets,
  );
  const row: PureRow = {
    name,
    certifications: catalog.certifications.length,
    targets: codes.length,
    maxExams: 0,
    maxCount: 0n,
    inexactCounts: 0,
    notProven: 0,
    paths: [],
    plan: [],
  };
  for (const code of codes) {
    pathsOnce(subgraph, code, 20);
    planOnce(subgraph, code);
  }
  collectGarbage();
  for (let round = 0; round < rounds; round++) {
    for (const code of codes) {
      let result: ReturnType<typeof pathsOnce> | undefined;
      row.paths.push(timeMs(() => (result = pathsOnce(subgraph, code, 20))));
      let planned: ReturnType<typeof planOnce> | undefined;
      row.plan.push(timeMs(() => (planned = planOnce(subgraph, code))));
      if (round === 0) {
        row.maxExams = Math.max(row.maxExams, result!.exams);
        if (result!.listing.totalCount > row.maxCount) row.maxCount = result!.listing.totalCount;
        if (!result!.listing.exact) row.inexactCounts++;
        if (!planned!.optimal) row.notProven++;
      }
    }
  }
  return row;
}

export function pureTable(rows: PureRow[]): string {
  return table(
    [
      'catalog',
      'certs',
      'targets',
      'max exams/target',
      'max totalCount',
      'inexact counts',
      'plans not proven',
      'paths p50 ms',
      'paths p99 ms',
      'plan p50 ms',
      'plan p99 ms',
    ],
    rows.map((r) => [
      r.name,
      r.certifications,
      r.targets,
      r.maxExams,
      r.maxCount.toString(),
      r.inexactCounts,
      r.notProven,
      fmt(percentile(r.paths, 50)),
      fmt(percentile(r.paths, 99)),
      fmt(percentile(r.plan, 50)),
      fmt(percentile(r.plan, 99)),
    ]),
  );
}

/**
 * `paths` work follows `first`, not the number of ways: the targets with the fewest and the most
 * ways (exactly counted) above the associate level, each listed with growing `first`.
 */
export function firstTable(catalog: Catalog, rounds = 30): string {
  const subgraph = subgraphOf(catalogToGraph(catalog));
  const counted = catalog.certifications
    .filter((c) => c.level !== 'ASSOCIATE')
    .map((c) => ({ code: c.code, listing: pathsOnce(subgraph, c.code, 0).listing }))
    // Exact counts only: a count cut short by its budget would time the budget, not `first`.
    .filter((c) => c.listing.exact && c.listing.totalCount > 1n)
    .map((c) => ({ code: c.code, count: c.listing.totalCount }))
    .sort((a, b) => (a.count < b.count ? -1 : a.count > b.count ? 1 : 0));
  const rows: (string | number)[][] = [];
  for (const { code, count } of [counted[0], counted.at(-1)!]) {
    for (const first of [1, 20, 100]) {
      for (let i = 0; i < 5; i++) pathsOnce(subgraph, code, first); // warm-up
      const samples = Array.from({ length: rounds }, () =>
        timeMs(() => pathsOnce(subgraph, code, first)),
      );
      rows.push([
        code,
        count.toString(),
        first,
        fmt(percentile(samples, 50)),
        fmt(percentile(samples, 99)),
      ]);
    }
  }
  return table(['target', 'totalCount', 'first', 'p50 ms', 'p99 ms'], rows);
}
