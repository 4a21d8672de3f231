import { Confidence, isAtLeast, weakest } from '../domain/confidence';
import { appliesOn } from '../domain/day-rule';
import { Day } from '../domain/days';
import { isAvailableOn, LifecycleDates, statusOn } from '../domain/status';
import { childrenFirst, DagNode, RequirementDag } from './requirement-dag';
import { EdgeFactsMap, edgeKey, ItemProperties, RequirementSubgraph } from './requirement-subgraph';
import { RequirementEvaluator, settledByHolding } from './satisfaction';

/**
 * The DAG with only the edges that applied on `day`, and without the alternatives (ONE_OF
 * members) graded below `minConfidence`; with `roots`, only the part they reach. Edges a node needs all of are kept whatever their
 * grade: leaving out a requirement would make earning the certification look easier than it is.
 */
export function requirementsOn(
  dag: RequirementDag,
  edges: EdgeFactsMap,
  day: Day,
  minConfidence: Confidence = 'UNCONFIRMED',
  roots?: Iterable<string>,
): Map<string, DagNode> {
  const result = new Map<string, DagNode>();
  const keep = (node: DagNode) => {
    const children = node.children.filter((child) => {
      const facts = edges.get(edgeKey(node.id, child));
      if (facts && !appliesOn(facts, day)) return false;
      return node.kind !== 'ONE_OF' || !facts || isAtLeast(facts.confidence, minConfidence);
    });
    result.set(node.id, { ...node, children });
    return children;
  };
  if (!roots) {
    for (const node of dag.values()) keep(node);
    return result;
  }
  // Only what the roots reach on the day: a question about one target need not copy the catalog.
  const stack = [...roots];
  while (stack.length > 0) {
    const node = dag.get(stack.pop()!);
    if (node && !result.has(node.id)) stack.push(...keep(node));
  }
  return result;
}

/** An item a learner would need but cannot take or earn on the day, and why. */
export interface Blocker {
  id: string;
  reason: string;
}

export interface DayView {
  /** Only what can still be done: unavailable items, and what needs them, are gone. */
  dag: RequirementDag;
  /** What holding settles, retired certifications met by held items included. */
  settled: Set<string>;
  /** The unavailable items that removed something, in curated order from the roots. */
  blockers: Blocker[];
}

/**
 * What a learner can still do on `day` toward `roots`, from what they hold: an exam retired (or
 * not yet available) cannot be taken, and a certification retired cannot be newly earned; what
 * needs them goes too, except where a ONE_OF keeps another alternative. What is held still counts:
 * a held certification or exam is never removed, and a retired certification that held items
 * alone meet counts as held (its exams were passed while it could be earned).
 */
export function viewOnDay(
  dag: RequirementDag,
  items: ReadonlyMap<string, ItemProperties>,
  roots: string[],
  heldIds: string[],
  day: Day,
): DayView {
  const settled = settledByHolding(dag, heldIds);
  const metByHolding = new RequirementEvaluator(dag, roots, settled).satisfied();
  const removed = new Set<string>();
  const unavailable = new Map<string, string>();
  for (const id of childrenFirst(dag, roots)) {
    const node = dag.get(id)!;
    if (settled.has(id)) continue;
    if (node.kind === 'CERTIFICATION' && metByHolding.has(id)) {
      settled.add(id);
      continue;
    }
    const lifecycle = items.get(id) as LifecycleDates | undefined;
    if ((node.kind === 'EXAM' || node.kind === 'CERTIFICATION') && lifecycle) {
      if (!isAvailableOn(lifecycle, day)) {
        removed.add(id);
        unavailable.set(id, unavailableReason(node, lifecycle, day));
        continue;
      }
    }
    if (node.kind === 'EXAM') continue;
    const live = node.children.filter((child) => !removed.has(child));
    const empty = node.children.length === 0;
    if (empty && node.kind === 'CERTIFICATION') {
      removed.add(id);
      unavailable.set(id, `${node.key} has no requirements that applied on ${day}`);
    } else if (node.kind === 'ONE_OF' ? live.length === 0 : live.length < node.children.length) {
      removed.add(id);
    }
  }
  const view = new Map<string, DagNode>();
  for (const node of dag.values()) {
    if (removed.has(node.id)) continue;
    view.set(node.id, { ...node, children: node.children.filter((c) => !removed.has(c)) });
  }
  return { dag: view, settled, blockers: blockersUnder(dag, roots, unavailable) };
}

/** The unavailable items the roots lead to, in curated order, not looking below one. */
function blockersUnder(
  dag: RequirementDag,
  roots: string[],
  unavailable: ReadonlyMap<string, string>,
): Blocker[] {
  const blockers: Blocker[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const reason = unavailable.get(id);
    if (reason) blockers.push({ id, reason });
    else for (const child of dag.get(id)?.children ?? []) visit(child);
  };
  roots.forEach(visit);
  return blockers;
}

/**
 * The day's view of what `roots` need, as every path question prepares it: the requirements that
 * applied that day (and alternatives at least `minConfidence`), then what can still be done.
 */
export function dayViewOf(
  subgraph: RequirementSubgraph,
  roots: string[],
  heldIds: string[],
  day: Day,
  minConfidence: Confidence,
): DayView {
  const reach = [...roots, ...heldIds];
  const dated = requirementsOn(subgraph.dag, subgraph.edges, day, minConfidence, reach);
  return viewOnDay(dated, subgraph.items, roots, heldIds, day);
}

function unavailableReason(node: DagNode, lifecycle: LifecycleDates, day: Day): string {
  const what = node.kind === 'EXAM' ? `exam ${node.key}` : `certification ${node.key}`;
  const status = statusOn(lifecycle, day);
  if (status === 'RETIRED') return `${what} retired on ${lifecycle.retiredOn}`;
  if (status === 'UNKNOWN') {
    return `no source shows that ${what} existed before ${lifecycle.knownSince}`;
  }
  return `${what} is not available until ${lifecycle.availableFrom}`;
}

/**
 * How sure a way is: the weakest grade among what it relies on. It relies on every edge below a
 * node that needs all its children, on the best-graded alternative it meets at each ONE_OF, and
 * on the catalog items along those edges. What the learner holds is their own fact: it counts
 * as certain.
 */
export function gradeOfWay(
  view: DayView,
  edges: EdgeFactsMap,
  items: ReadonlyMap<string, ItemProperties>,
  root: string,
  examIds: string[],
): Confidence {
  const met = new RequirementEvaluator(view.dag, [root], view.settled).satisfied(new Set(examIds));
  const memo = new Map<string, Confidence>();
  const gradeOf = (id: string): Confidence => {
    if (view.settled.has(id)) return 'OFFICIAL';
    const known = memo.get(id);
    if (known) return known;
    const node = view.dag.get(id)!;
    const own = (items.get(id)?.confidence as Confidence | undefined) ?? 'OFFICIAL';
    const through = (child: string) =>
      weakest([edges.get(edgeKey(id, child))?.confidence ?? 'OFFICIAL', gradeOf(child)]);
    let grade: Confidence;
    if (node.kind === 'EXAM') grade = own;
    else if (node.kind === 'ONE_OF') {
      const options = node.children.filter((child) => met.has(child)).map(through);
      grade = options.reduce<Confidence>(
        (best, option) => (isAtLeast(option, best) ? option : best),
        'UNCONFIRMED',
      );
    } else grade = weakest([own, ...node.children.map(through)]);
    memo.set(id, grade);
    return grade;
  };
  return gradeOf(root);
}
