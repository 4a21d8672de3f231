/**
 * Complexity weights of the fields that do more than read a property, from measured cost:
 * `npm run bench:costs` (bench/field-costs.ts) times each field per call, in CPU time, for the
 * worst target in the seeds, as the marginal cost of one more alias of it in an operation.
 * A plain field costs 1 point; a lookup (`certification(code) { code }`, two fields) measured
 * 0.050 ms per call, so a point is about 0.025 ms. A weight is the field's own work in points,
 * rounded up; what is selected under it counts on top, as everywhere.
 *
 * Measured 2026-12-02, 2-core shared VM (busy: load 10+), Node 20; two runs, ms per call of the
 * worst target (bench/README.md has the tables):
 */
export const FIELD_WEIGHTS: Readonly<
  Partial<Record<string, { weight: number; measuredMs: number }>>
> = {
  // plan(target): 0.78 / 1.03 ms (cybersecurity-architect-expert), 31-41 points
  'Query.plan': { weight: 32, measuredMs: 1.03 },
  // unlocks(code): 0.20 / 0.19 ms (PL-400, AI-103), ~8 points; on an item the same or less
  'Query.unlocks': { weight: 8, measuredMs: 0.2 },
  'Certification.unlocks': { weight: 8, measuredMs: 0.12 },
  'Exam.unlocks': { weight: 8, measuredMs: 0.15 },
  // paths(first: 1): 0.33 / 0.56 ms, (first: 100): 0.34 / 0.38 ms on the seeds, 13-22 points;
  // each listed path also counts what is selected under it (the page size multiplies it)
  'Certification.paths': { weight: 16, measuredMs: 0.56 },
  // requirementGraph: 0.38 / 0.22 ms (a d365 associate, agentic-ai architect), 9-15 points
  'Certification.requirementGraph': { weight: 16, measuredMs: 0.38 },
  // diagram: the same walk, drawn as text (no nodes and edges for GraphQL to complete)
  'Certification.diagram': { weight: 6, measuredMs: 0.1 },
  // search(first: 50): 0.50 / 0.46 ms ("azure"), ~20 points
  'Query.search': { weight: 20, measuredMs: 0.5 },
  // Not measured yet, weighed by the calls they make: a held credential's unlocks is one
  // unlocks call; ifExpired one unlocks and a plan per certification met, taken as two plans
  // (measuredMs here: the sum of those measured calls, not a timing of the field itself).
  'HeldCredential.unlocks': { weight: 8, measuredMs: 0.2 },
  'HeldCredential.ifExpired': { weight: 72, measuredMs: 2.26 },
};

/** A point of complexity, in milliseconds of CPU: what the weights above count in. */
export const MS_PER_POINT = 0.025;
