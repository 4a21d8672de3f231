/**
 * The requirement structure as plain data, the input of every algorithm in src/paths.
 *
 * A certification and an ALL_OF group need all their children; a ONE_OF group needs one; an exam
 * is a leaf. Ids are `Label:key` as in Neo4j (`Certification:devops-engineer`, `Exam:AZ-400`,
 * `RequirementGroup:devops-engineer/1`), so the same node has the same id whether the graph came
 * from Cypher or straight from the seed catalog.
 */
export type DagNodeKind = 'CERTIFICATION' | 'EXAM' | 'ALL_OF' | 'ONE_OF';

export interface DagNode {
  id: string;
  kind: DagNodeKind;
  /** Certification slug, exam code, or group id. */
  key: string;
  /** In curated order (the `position` of the edges). */
  children: string[];
}

export type RequirementDag = ReadonlyMap<string, DagNode>;

export const certificationNodeId = (code: string): string => `Certification:${code}`;
export const examNodeId = (code: string): string => `Exam:${code}`;

/** Every node reachable from `roots` (roots included), each once; unknown ids are skipped. */
export function reachableFrom(dag: RequirementDag, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || !dag.has(id)) continue;
    seen.add(id);
    stack.push(...dag.get(id)!.children);
  }
  return seen;
}

/** Certifications from which `id` is reachable, `id` itself excluded: what `id` counts toward. */
export function certificationsAbove(dag: RequirementDag, id: string): string[] {
  const parents = new Map<string, string[]>();
  for (const node of dag.values()) {
    for (const child of node.children) parents.set(child, [...(parents.get(child) ?? []), node.id]);
  }
  const seen = new Set<string>();
  const stack = [...(parents.get(id) ?? [])];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(parents.get(current) ?? []));
  }
  return [...seen].filter((n) => dag.get(n)?.kind === 'CERTIFICATION' && n !== id).sort();
}

/**
 * Nodes in an order where every node comes after all of its children (post-order), starting from
 * `roots`. Throws on a cycle, naming it: the seed validator forbids cycles, so one can only come
 * from a hand-edited database, and every algorithm here would otherwise loop or lie.
 */
export function childrenFirst(dag: RequirementDag, roots: Iterable<string>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string) => {
    const seen = state.get(id);
    if (seen === 'done' || !dag.has(id)) return;
    if (seen === 'open') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      throw new Error(`requirements form a cycle: ${cycle.join(' → ')}`);
    }
    state.set(id, 'open');
    trail.push(id);
    for (const child of dag.get(id)!.children) visit(child);
    trail.pop();
    state.set(id, 'done');
    order.push(id);
  };
  for (const root of roots) visit(root);
  return order;
}
