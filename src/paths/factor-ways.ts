import { bit, ExamMask, NO_EXAMS, overlaps } from './exam-mask';
import { RequirementProblem } from './requirement-problem';

/**
 * The minimal ways to meet a requirement (its minimal sets of exams), factored so that they can
 * be counted and listed without being multiplied out.
 *
 * `all` needs every part, `any` one part, `none` is already met (one way: no exam). When the
 * parts of a node use pairwise disjoint exams (`independent`), its minimal ways are exactly the
 * unions of one minimal way per part (`all`: count = product) or the parts' ways side by side
 * (`any`: count = sum): no combination repeats another or contains one, because the exams of
 * different parts never meet. Parts that share exams are grouped into a dependent node
 * (`independent: false`), whose ways must be enumerated and filtered (see way-streams.ts).
 * Nested `all`s (and `any`s) are flattened first, so a shared prerequisite only groups the few
 * parts that actually reach it instead of spoiling the whole certification.
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
  const built: Ways[] = [];
  // Nodes come children first, so every child is built before its parents.
  for (const node of problem.nodes) {
    if (node.op === 'exam') {
      const exam = bit(node.exam);
      built.push({ op: 'exam', parts: [], exam, support: exam, independent: true });
    } else {
      built.push(
        combine(
          node.op,
          node.children.map((child) => built[child]),
        ),
      );
    }
  }
  return built[problem.root];
}

function combine(op: 'all' | 'any', children: Ways[]): Ways {
  // The same prerequisite reached twice is one requirement: X and X is X, X or X is X.
  const parts = [
    ...new Set(children.flatMap((child) => (child.op === op ? child.parts : [child]))),
  ];
  if (parts.length === 1) return parts[0];
  const groups = groupBySharedExams(parts);
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

/** Connected components of "uses an exam the other uses too", in the parts' original order. */
function groupBySharedExams(parts: Ways[]): Ways[][] {
  const leader = parts.map((_, i) => i);
  const find = (i: number): number => (leader[i] === i ? i : (leader[i] = find(leader[i])));
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      if (overlaps(parts[i].support, parts[j].support)) leader[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Ways[]>();
  parts.forEach((part, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), part]);
  });
  return [...groups.values()];
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
