/**
 * Complexity weights of the fields that do more than read a property, from measured cost:
 * `npm run bench:costs` (bench/field-costs.ts) times each field per call, in CPU time, for the
 * worst target in the seeds, as the marginal cost of one more alias of it in an operation.
 * A plain field costs 1 point; a lookup (`certification(code) { code }`, two fields) measured
 * 0.050 ms per call, so a point is about 0.025 ms. A weight is the field's own work in points,
 * rounded up; what is selected under it counts on top, as everywhere.
 *
 * Measured 2026-12-02, 2-core shared VM, Node 20 (ms per call, worst target):
 */
export const FIELD_WEIGHTS: Readonly<
  Partial<Record<string, { weight: number; measuredMs: number }>>
> = {
  // plan(target): 0.78 ms (cybersecurity-architect-expert), ~31 points
  'Query.plan': { weight: 32, measuredMs: 0.78 },
  // unlocks(code): 0.20 ms (PL-400), ~8 points; on an item about the same or less
  'Query.unlocks': { weight: 8, measuredMs: 0.2 },
  'Certification.unlocks': { weight: 8, measuredMs: 0.1 },
  'Exam.unlocks': { weight: 8, measuredMs: 0.2 },
  // paths(first: 1): 0.33 ms, (first: 100): 0.34 ms on the seeds, ~13 points; each listed path
  // also counts what is selected under it (the page size multiplies it, query-complexity.ts)
  'Certification.paths': { weight: 14, measuredMs: 0.34 },
  // requirementGraph: 0.38 ms (d365-finance-and-operations-apps-developer-associate), ~15 points
  'Certification.requirementGraph': { weight: 16, measuredMs: 0.38 },
  // diagram draws the same graph as text
  'Certification.diagram': { weight: 16, measuredMs: 0.38 },
  // search(first: 50): 0.50 ms ("azure"), ~20 points
  'Query.search': { weight: 20, measuredMs: 0.5 },
};

/** A point of complexity, in milliseconds of CPU: what the weights above count in. */
export const MS_PER_POINT = 0.025;
