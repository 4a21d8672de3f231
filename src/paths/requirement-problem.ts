import { bit, ExamMask, NO_EXAMS } from './exam-mask';
import { RequirementDag } from './requirement-dag';
import { RequirementEvaluator } from './satisfaction';

export type ProblemOp = 'exam' | 'all' | 'any';

export interface ProblemNode {
  /** The DAG node this stands for. */
  id: string;
  /** Certifications and ALL_OF groups need `all` children, ONE_OF groups `any`. */
  op: ProblemOp;
  /** Indices into `nodes`; only the children not already met. */
  children: number[];
  /** For `exam` nodes: the exam's bit index; -1 otherwise. */
  exam: number;
  /** Every exam below this node: the exams a way through it can use. */
  support: ExamMask;
}

/**
 * What is left to do for one target once holding is taken into account: the unmet part of its
 * requirement DAG, with integer indices and exam bits, ready for the path and plan algorithms.
 */
export interface RequirementProblem {
  /** Children before parents. */
  nodes: ProblemNode[];
  /** Index of the target, or null when holding already meets it. */
  root: number | null;
  /** Exam node ids by bit index, sorted, so masks compare like sorted code lists. */
  exams: string[];
}

/** Precondition: `settled` comes from settledByHolding on the same DAG. */
export function compileProblem(
  dag: RequirementDag,
  rootId: string,
  settled: ReadonlySet<string>,
): RequirementProblem {
  if (!dag.has(rootId)) throw new Error(`${rootId} is not in the requirement graph`);
  const evaluator = new RequirementEvaluator(dag, [rootId], settled);
  const met = evaluator.satisfied();
  const open = evaluator.order.filter((id) => !met.has(id));
  const exams = open.filter((id) => dag.get(id)!.kind === 'EXAM').sort();
  const examIndex = new Map(exams.map((id, i) => [id, i]));
  const index = new Map(open.map((id, i) => [id, i]));
  const nodes: ProblemNode[] = [];
  for (const id of open) {
    const node = dag.get(id)!;
    const children = node.children
      .filter((child) => index.has(child))
      .map((child) => index.get(child)!);
    if (node.kind === 'ONE_OF' && children.length === 0) {
      throw new Error(`${id} offers no alternatives, so nothing can meet it`);
    }
    const exam = node.kind === 'EXAM' ? examIndex.get(id)! : -1;
    const support = children.reduce(
      (mask, child) => mask | nodes[child].support,
      exam >= 0 ? bit(exam) : NO_EXAMS,
    );
    nodes.push({ id, op: opOf(node.kind), children, exam, support });
  }
  return { nodes, root: met.has(rootId) ? null : index.get(rootId)!, exams };
}

function opOf(kind: string): ProblemOp {
  if (kind === 'EXAM') return 'exam';
  return kind === 'ONE_OF' ? 'any' : 'all';
}

/** Whether passing the exams in `mask` meets node `n` (memoised per call through `memo`). */
export function meets(
  problem: RequirementProblem,
  n: number,
  mask: ExamMask,
  memo = new Map<number, boolean>(),
): boolean {
  const cached = memo.get(n);
  if (cached !== undefined) return cached;
  const node = problem.nodes[n];
  let ok: boolean;
  if (node.op === 'exam') ok = (mask & bit(node.exam)) !== 0n;
  else if (node.op === 'any') ok = node.children.some((c) => meets(problem, c, mask, memo));
  else ok = node.children.every((c) => meets(problem, c, mask, memo));
  memo.set(n, ok);
  return ok;
}

/** Drops exams the target does not need, in the given order of preference, until none can go. */
export function withoutRedundantExams(
  problem: RequirementProblem,
  mask: ExamMask,
  dropFirst: number[],
): ExamMask {
  let result = mask;
  for (const exam of dropFirst) {
    const smaller = result & ~bit(exam);
    if (smaller !== result && meets(problem, problem.root!, smaller)) result = smaller;
  }
  return result;
}
