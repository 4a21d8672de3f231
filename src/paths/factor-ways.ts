import { bit, ExamMask, indicesOf, NO_EXAMS } from './exam-mask';
import { RequirementProblem } from './requirement-problem';

/**
 * The minimal ways to meet a requirement (its minimal sets of exams), factored so that they can
 * be counted and listed without being multiplied out.
 *
 * `all` needs every part, `any` one part, `none` is already met (one way: no exam). A node is
 * `independent` when its parts' ways combine without collisions: for `all`, every union of one
 * way per part is a distinct minimal way (count = product); for `any`, the parts' ways side by
 * side are (count = sum). That holds when the parts use disjoint exams, and also in the two
 * shapes of sharing real catalogs have:
 * - `all` parts that share only exams every way of both needs (AZ-400 listed by two experts the
 *   target needs both of): the shared exams are a constant part of every union;
 * - `any` parts where neither can be met inside the other's exams: no way of one contains a way
 *   of the other, whatever they share.
 * Parts that collide otherwise are grouped into a dependent node (`independent: false`), whose
 * ways must be enumerated (see entangled-ways.ts). Nested `all`s (and `any`s) are flattened
 * first, so a collision only groups the few parts involved; a node with several parents is not,
 * so that it stays one unit (a module) there.
 */
export interface Ways {
  op: 'none' | 'exam' | 'all' | 'any';
  parts: Ways[];
  /** For `exam`: its bit. */
  exam: ExamMask;
  /** Every exam this node's ways can use. */
  support: ExamMask;
  independent: boolean;
}

export const ALREADY_MET: Ways = {
  op: 'none',
  parts: [],
  exam: NO_EXAMS,
  support: NO_EXAMS,
  independent: true,
};

/** Factors the unmet requirements of a compiled problem; a problem already met has one way, `none`. */
export function factorWays(problem: RequirementProblem): Ways {
  if (problem.root === null) return ALREADY_MET;
  const parents = new Array<number>(problem.nodes.length).fill(0);
  for (const node of problem.nodes) for (const child of node.children) parents[child]++;
  const built: Ways[] = [];
  // Nodes come children first, so every child is built before its parents.
  for (const node of problem.nodes) {
    if (node.op === 'exam') {
      const exam = bit(node.exam);
      built.push({ op: 'exam', parts: [], exam, support: exam, independent: true });
    } else {
      // A shared child keeps its identity, so that entangled-ways.ts can treat it as one unit.
      const children = node.children.map((child) => ({
        ways: built[child],
        flatten: parents[child] === 1,
      }));
      built.push(combine(node.op, children));
    }
  }
  return built[problem.root];
}

function combine(op: 'all' | 'any', children: { ways: Ways; flatten: boolean }[]): Ways {
  // The same prerequisite reached twice is one requirement: X and X is X, X or X is X.
  const parts = [
    ...new Set(
      children.flatMap(({ ways, flatten }) => (flatten && ways.op === op ? ways.parts : [ways])),
    ),
  ];
  if (parts.length === 1) return parts[0];
  const groups = groupColliding(op, parts);
  const node = (members: Ways[], independent: boolean): Ways => ({
    op,
    parts: members,
    exam: NO_EXAMS,
    support: members.reduce((mask, part) => mask | part.support, NO_EXAMS),
    independent,
  });
  if (groups.length === 1) return node(parts, false);
  return node(
    groups.map((group) => (group.length === 1 ? group[0] : node(group, false))),
    true,
  );
}

/** Connected components of "collides with" (see the header), in the parts' original order. */
function groupColliding(op: 'all' | 'any', parts: Ways[]): Ways[][] {
  const leader = parts.map((_, i) => i);
  const find = (i: number): number => (leader[i] === i ? i : (leader[i] = find(leader[i])));
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      if (collide(op, parts[i], parts[j])) leader[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Ways[]>();
  parts.forEach((part, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), part]);
  });
  return [...groups.values()];
}

function collide(op: 'all' | 'any', a: Ways, b: Ways): boolean {
  const shared = a.support & b.support;
  if (shared === NO_EXAMS) return false;
  if (op === 'any') return waysMet(a, b.support) || waysMet(b, a.support);
  return indicesOf(shared).some((e) => !needs(a, e) || !needs(b, e));
}

/** Whether every way of `ways` takes exam `e`. */
function needs(ways: Ways, e: number): boolean {
  return !waysMet(ways, ways.support & ~bit(e));
}

/** Whether passing the exams in `mask` meets the requirement `ways` stands for. */
export function waysMet(ways: Ways, mask: ExamMask): boolean {
  switch (ways.op) {
    case 'none':
      return true;
    case 'exam':
      return (mask & ways.exam) !== 0n;
    case 'all':
      return ways.parts.every((part) => waysMet(part, mask));
    case 'any':
      return ways.parts.some((part) => waysMet(part, mask));
  }
}

/**
 * `waysMet` for one formula asked many times: the DAG flattened once into arrays, so each ask is
 * one bottom-up pass in which shared sub-requirements are evaluated once, not once per path.
 */
export function compileWaysMet(ways: Ways): (mask: ExamMask) => boolean {
  const order: Ways[] = [];
  const index = new Map<Ways, number>();
  const visit = (node: Ways) => {
    if (index.has(node)) return;
    node.parts.forEach(visit);
    index.set(node, order.length);
    order.push(node);
  };
  visit(ways);
  const children = order.map((node) => node.parts.map((part) => index.get(part)!));
  const met = new Uint8Array(order.length);
  return (mask) => {
    for (let i = 0; i < order.length; i++) {
      const node = order[i];
      if (node.op === 'exam') met[i] = (mask & node.exam) !== 0n ? 1 : 0;
      else if (node.op === 'none') met[i] = 1;
      else if (node.op === 'all') met[i] = children[i].every((c) => met[c] === 1) ? 1 : 0;
      else met[i] = children[i].some((c) => met[c] === 1) ? 1 : 0;
    }
    return met[order.length - 1] === 1;
  };
}
