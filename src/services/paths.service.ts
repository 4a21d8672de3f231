import { certificationCode } from '../domain/codes';
import { Confidence } from '../domain/confidence';
import { Day } from '../domain/days';
import { PlanObjective } from '../domain/vocabulary';
import { BadUserInputError } from '../errors';
import { CertificationPath, CertificationPaths } from '../model/path.type';
import { Plan } from '../model/plan.type';
import { Unlock } from '../model/unlock.type';
import { indicesOf } from '../paths/exam-mask';
import { listMinimalWays } from '../paths/list-ways';
import { OrderedPath, PathOrderer } from '../paths/path-order';
import { planWay } from '../paths/plan-way';
import { certificationNodeId } from '../paths/requirement-dag';
import { compileProblem } from '../paths/requirement-problem';
import {
  DayView,
  dayViewOf,
  gradeOfWay,
  requirementsOn,
  viewOnDay,
} from '../paths/requirements-on-day';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { statusIn } from '../store/snapshot/status';
import { CatalogItems } from './catalog-items';
import { heldNodeIds, holdingQuery } from './holding';
import { QuestionSubgraph, targetSubgraph, unlocksSubgraph } from './question-subgraph';
import { inTurn } from './turns';

const MAX_GRAPHQL_INT = 2 ** 31 - 1;

/** The day a question is asked for, and how sure the alternatives it may use must be. */
export interface PathQuestion {
  day: Day;
  minConfidence: Confidence;
}

/**
 * The three path questions, answered by the pure algorithms of src/paths/ over the catalog
 * snapshot the request reads; nothing is fetched. Every question is asked for a day:
 * requirements apply as they did then, and what was retired by then cannot be newly taken
 * (requirements-on-day.ts). Each question runs in its turn on the event loop (turns.ts), so a
 * request that asks many of them does not hold up the others.
 */
export class PathsService {
  constructor(private readonly catalog: CatalogSnapshot) {}

  /** Every minimal way to `certification`; precondition: `first` already validated. */
  paths(
    certification: string,
    holding: readonly string[],
    first: number,
    question: PathQuestion,
  ): Promise<CertificationPaths> {
    return inTurn(() => this.pathsNow(certification, holding, first, question));
  }

  /** The best way to `target`, or null when no certification has that code. */
  plan(
    target: string,
    holding: readonly string[],
    objective: PlanObjective,
    question: PathQuestion,
  ): Promise<Plan | null> {
    return inTurn(() => this.planNow(target, holding, objective, question));
  }

  /**
   * What the item counts toward on the day, and what is left for each once the item is held too.
   * Certifications no longer within reach that day (retired, or needing retired exams) are left out.
   */
  unlocks(code: string, holding: readonly string[], question: PathQuestion): Promise<Unlock[]> {
    return inTurn(() => this.unlocksNow(code, holding, question));
  }

  private pathsNow(
    certification: string,
    holding: readonly string[],
    first: number,
    question: PathQuestion,
  ): CertificationPaths {
    const fetched = targetSubgraph(
      this.catalog,
      certification,
      holdingQuery(holding),
      question.day,
    );
    const { root, view, problem, noPathReason } = this.prepare(
      fetched,
      certification,
      holding,
      question,
    );
    const empty = { asOf: question.day, noPathReason, totalCount: 0, totalCountIsExact: true };
    if (!problem) return { ...empty, totalCountText: '0', nodes: [] };
    const listing = listMinimalWays(problem, first);
    const orderer = new PathOrderer(view.dag, root, view.settled);
    const items = new CatalogItems(this.catalog, fetched);
    return {
      asOf: question.day,
      noPathReason: null,
      totalCount: Number(
        listing.totalCount > MAX_GRAPHQL_INT ? MAX_GRAPHQL_INT : listing.totalCount,
      ),
      totalCountIsExact: listing.exact,
      totalCountText: listing.totalCount.toString(),
      nodes: listing.ways.map((way) => {
        const exams = indicesOf(way).map((i) => problem.exams[i]);
        return toPath(
          orderer.order(exams),
          items,
          gradeOfWay(view, fetched.edges, fetched.items, root, exams),
        );
      }),
    };
  }

  private planNow(
    target: string,
    holding: readonly string[],
    objective: PlanObjective,
    question: PathQuestion,
  ): Plan | null {
    const code = certificationCode(target);
    const fetched = targetSubgraph(this.catalog, code, holdingQuery(holding), question.day);
    heldNodeIds(holding, fetched); // unknown holding codes are an error even for an unknown target
    if (fetched.subject === null) return null;
    const { root, view, problem, noPathReason } = this.prepare(fetched, code, holding, question);
    const items = new CatalogItems(this.catalog, fetched);
    const targetItem = items.certification(root);
    const common = {
      target: targetItem,
      asOf: question.day,
      targetStatus: statusIn(this.catalog, targetItem, question.day),
      objective,
    };
    if (!problem) {
      return {
        ...common,
        optimal: null,
        alreadyQualified: false,
        path: null,
        noPathReason,
        totalCost: null,
        knownCost: 0,
        costUnknownFor: [],
        examCount: null,
      };
    }
    const planned = planWay(problem, fetched, objective);
    const grade = gradeOfWay(view, fetched.edges, fetched.items, root, planned.exams);
    const path = toPath(
      new PathOrderer(view.dag, root, view.settled).order(planned.exams),
      items,
      grade,
    );
    return {
      ...common,
      optimal: planned.optimal,
      alreadyQualified: problem.root === null,
      path,
      noPathReason: null,
      totalCost: planned.unknownCost.length === 0 ? planned.knownCost : null,
      knownCost: planned.knownCost,
      costUnknownFor: planned.unknownCost.map(items.exam),
      examCount: path.examCount,
    };
  }

  private unlocksNow(code: string, holding: readonly string[], question: PathQuestion): Unlock[] {
    const fetched = unlocksSubgraph(this.catalog, code, holdingQuery(holding), question.day);
    if (fetched.subject === null) {
      throw new BadUserInputError(`code: "${code}" is not a certification or exam code`, 'code');
    }
    const held = [...heldNodeIds(holding, fetched), fetched.subject];
    const reach = [...fetched.roots, ...held];
    const dated = requirementsOn(
      fetched.dag,
      fetched.edges,
      question.day,
      question.minConfidence,
      reach,
    );
    const items = new CatalogItems(this.catalog, fetched);
    const unlocks: Unlock[] = [];
    for (const root of fetched.roots) {
      const view = viewOnDay(dated, fetched.items, [root], held, question.day);
      // The item must still count toward the root on that day, and the root be within reach.
      if (!view.dag.has(root) || !reaches(view, root, fetched.subject)) continue;
      const problem = compileProblem(view.dag, root, view.settled);
      const planned = planWay(problem, fetched, 'FEWEST_EXAMS');
      const grade = gradeOfWay(view, fetched.edges, fetched.items, root, planned.exams);
      const remaining = toPath(
        new PathOrderer(view.dag, root, view.settled).order(planned.exams),
        items,
        grade,
      );
      unlocks.push({
        certification: items.certification(root),
        earned: problem.root === null,
        remainingExamCount: remaining.examCount,
        remaining,
        optimal: planned.optimal,
      });
    }
    return unlocks.sort(
      (a, b) =>
        a.remainingExamCount - b.remainingExamCount ||
        (a.certification.code < b.certification.code ? -1 : 1),
    );
  }

  /** The day's view of the target's requirements, and its problem; none when no way remains. */
  private prepare(
    fetched: QuestionSubgraph,
    code: string,
    holding: readonly string[],
    question: PathQuestion,
  ) {
    const root = certificationNodeId(code);
    if (!fetched.dag.has(root)) throw new Error(`certification ${code} not found`);
    const held = heldNodeIds(holding, fetched);
    const view = dayViewOf(fetched, [root], held, question.day, question.minConfidence);
    if (view.dag.has(root)) {
      return {
        root,
        view,
        problem: compileProblem(view.dag, root, view.settled),
        noPathReason: null,
      };
    }
    return {
      root,
      view,
      problem: null,
      noPathReason: this.noPathReason(fetched, root, held, view, question),
    };
  }

  private noPathReason(
    fetched: QuestionSubgraph,
    root: string,
    held: string[],
    view: DayView,
    question: PathQuestion,
  ): string {
    const { day, minConfidence } = question;
    const name = fetched.items.get(root)?.name as string;
    const successors =
      fetched.successors.length > 0
        ? ` Microsoft points to ${fetched.successors.join(' and ')}.`
        : '';
    const own = view.blockers.find((blocker) => blocker.id === root);
    if (own) return `${name}: ${own.reason}, so it cannot be earned on ${day}.${successors}`;
    if (minConfidence !== 'UNCONFIRMED') {
      // Would the unconfirmed alternatives, with what the learner holds, leave a way?
      if (dayViewOf(fetched, [root], held, day, 'UNCONFIRMED').dag.has(root)) {
        return `No way to ${name} on ${day} relies only on facts graded ${minConfidence} or better; ask with minConfidence: UNCONFIRMED to see the others.`;
      }
    }
    const blockers = [...new Set(view.blockers.map((blocker) => blocker.reason))];
    return `No way to ${name} remains on ${day}: ${blockers.join('; ')}.${successors}`;
  }
}

/** Whether `target` is still below `from` in the day's view. */
function reaches(view: DayView, from: string, target: string): boolean {
  const stack = [from];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(view.dag.get(id)?.children ?? []));
  }
  return false;
}

function toPath(
  ordered: OrderedPath,
  items: CatalogItems,
  confidence: Confidence,
): CertificationPath {
  return {
    exams: ordered.exams.map(items.exam),
    certifications: ordered.certifications.map(items.certification),
    examCount: ordered.exams.length,
    confidence,
    steps: ordered.steps.map((step) => ({
      exam: items.exam(step.exam),
      completes: step.completes.map(items.certification),
      courses: items.coursesOf(step.exam),
    })),
  };
}
