import { childrenFirst, RequirementDag } from './requirement-dag';

/**
 * What holding a set of items settles, before any exam is planned.
 *
 * A held exam is passed; a held certification is met without looking at its requirements, and so
 * is everything it necessarily includes: its REQUIRES closure through certifications and ALL_OF
 * groups. The closure stops at a ONE_OF group (the group counts as met, its alternatives do not),
 * because holding the certification does not say which alternative the learner took.
 */
export function settledByHolding(dag: RequirementDag, heldIds: Iterable<string>): Set<string> {
  const settled = new Set<string>();
  const stack = [...heldIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = dag.get(id);
    if (settled.has(id) || !node) continue;
    settled.add(id);
    if (node.kind === 'CERTIFICATION' || node.kind === 'ALL_OF') stack.push(...node.children);
  }
  return settled;
}

/**
 * Evaluates the requirement structure under `roots` for a set of passed exams: which nodes are met.
 * Built once per question (it fixes the evaluation order), then asked once per candidate path.
 */
export class RequirementEvaluator {
  /** Every node under the roots, children before parents. */
  readonly order: string[];

  constructor(
    readonly dag: RequirementDag,
    roots: Iterable<string>,
    readonly settled: ReadonlySet<string>,
  ) {
    this.order = childrenFirst(dag, roots);
  }

  /** The nodes under the roots that are met when the exams in `passed` (exam node ids) are passed. */
  satisfied(passed: ReadonlySet<string> = new Set()): Set<string> {
    const met = new Set<string>();
    for (const id of this.order) {
      const node = this.dag.get(id)!;
      let ok: boolean;
      if (this.settled.has(id)) ok = true;
      else if (node.kind === 'EXAM') ok = passed.has(id);
      else if (node.kind === 'ONE_OF') ok = node.children.some((child) => met.has(child));
      else ok = node.children.every((child) => met.has(child));
      if (ok) met.add(id);
    }
    return met;
  }

  /**
   * When each node is met if the exams are passed in the given order: the step index (0-based)
   * of the exam that completes it, -1 when holding settles it, Infinity when it is never met.
   * One pass (met-ness is monotone: `all` waits for its last child, `any` for its first).
   */
  completionSteps(stepOf: ReadonlyMap<string, number>): Map<string, number> {
    const step = new Map<string, number>();
    for (const id of this.order) {
      const node = this.dag.get(id)!;
      let value: number;
      if (this.settled.has(id)) value = -1;
      else if (node.kind === 'EXAM') value = stepOf.get(id) ?? Infinity;
      else if (node.kind === 'ONE_OF') {
        value = Infinity;
        for (const child of node.children) value = Math.min(value, step.get(child) ?? Infinity);
      } else {
        value = -1;
        for (const child of node.children) value = Math.max(value, step.get(child) ?? Infinity);
      }
      step.set(id, value);
    }
    return step;
  }
}
