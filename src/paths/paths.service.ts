import { certificationCode, examOrCourseCode } from '../catalog/catalog-codes';
import { BadUserInputError } from '../errors';
import { CatalogItems } from './catalog-items';
import { CertificationPath, CertificationPaths } from './certification-path.type';
import { indicesOf } from './exam-mask';
import { heldNodeIds, holdingQuery } from './holding';
import { listMinimalWays } from './list-ways';
import { OrderedPath, PathOrderer } from './path-order';
import { planWay } from './plan-way';
import { Plan, PlanObjective } from './plan.type';
import { FetchedSubgraph, PathsRepository } from './paths.repository';
import { certificationNodeId } from './requirement-dag';
import { compileProblem } from './requirement-problem';
import { settledByHolding } from './satisfaction';
import { Unlock } from './unlock.type';

const MAX_GRAPHQL_INT = 2 ** 31 - 1;

/**
 * The three path questions, each one Cypher query (PathsRepository) followed by the pure
 * algorithms of this folder; the answers are built from the fetched subgraph alone.
 */
export class PathsService {
  constructor(private readonly repository: PathsRepository) {}

  /** Every minimal way to `certification`; precondition: `first` already validated. */
  async paths(
    certification: string,
    holding: readonly string[],
    first: number,
  ): Promise<CertificationPaths> {
    const fetched = await this.repository.forTarget(certification, holdingQuery(holding));
    const { root, settled, problem } = this.prepare(fetched, certification, holding);
    const listing = listMinimalWays(problem, first);
    const orderer = new PathOrderer(fetched.dag, root, settled);
    const items = new CatalogItems(fetched);
    return {
      totalCount: Number(
        listing.totalCount > MAX_GRAPHQL_INT ? MAX_GRAPHQL_INT : listing.totalCount,
      ),
      totalCountIsExact: listing.exact,
      totalCountText: listing.totalCount.toString(),
      nodes: listing.ways.map((way) =>
        toPath(orderer.order(indicesOf(way).map((i) => problem.exams[i])), items),
      ),
    };
  }

  /** The best way to `target`, or null when no certification has that code. */
  async plan(
    target: string,
    holding: readonly string[],
    objective: PlanObjective,
  ): Promise<Plan | null> {
    const code = certificationCode(target);
    const fetched = await this.repository.forTarget(code, holdingQuery(holding));
    heldNodeIds(holding, fetched); // unknown holding codes are an error even for an unknown target
    if (fetched.subject === null) return null;
    const { root, settled, problem } = this.prepare(fetched, code, holding);
    const planned = planWay(problem, fetched, objective);
    const items = new CatalogItems(fetched);
    const path = toPath(new PathOrderer(fetched.dag, root, settled).order(planned.exams), items);
    return {
      target: items.certification(root),
      objective,
      optimal: planned.optimal,
      alreadyQualified: problem.root === null,
      path,
      totalCost: planned.unknownCost.length === 0 ? planned.knownCost : null,
      knownCost: planned.knownCost,
      costUnknownFor: planned.unknownCost.map(items.exam),
      examCount: path.examCount,
    };
  }

  /** What the item counts toward, and what is left for each once the item is held too. */
  async unlocks(code: string, holding: readonly string[]): Promise<Unlock[]> {
    const item = { certificationCode: certificationCode(code), examCode: examOrCourseCode(code) };
    const query = holdingQuery(holding);
    // A certification item settles its mandatory requirements, so fetch its structure too.
    query.certificationCodes.push(item.certificationCode);
    const fetched = await this.repository.forUnlocks(item, query);
    if (fetched.subject === null) {
      throw new BadUserInputError(`code: "${code}" is not a certification or exam code`, 'code');
    }
    const settled = settledByHolding(fetched.dag, [
      ...heldNodeIds(holding, fetched),
      fetched.subject,
    ]);
    const items = new CatalogItems(fetched);
    const unlocks = fetched.roots.map((root) => {
      const problem = compileProblem(fetched.dag, root, settled);
      const planned = planWay(problem, fetched, 'FEWEST_EXAMS');
      const remaining = toPath(
        new PathOrderer(fetched.dag, root, settled).order(planned.exams),
        items,
      );
      return {
        certification: items.certification(root),
        earned: problem.root === null,
        remainingExamCount: remaining.examCount,
        remaining,
        optimal: planned.optimal,
      } satisfies Unlock;
    });
    return unlocks.sort(
      (a, b) =>
        a.remainingExamCount - b.remainingExamCount ||
        (a.certification.code < b.certification.code ? -1 : 1),
    );
  }

  private prepare(fetched: FetchedSubgraph, code: string, holding: readonly string[]) {
    const root = certificationNodeId(code);
    if (!fetched.dag.has(root)) throw new Error(`certification ${code} not found`);
    const settled = settledByHolding(fetched.dag, heldNodeIds(holding, fetched));
    return { root, settled, problem: compileProblem(fetched.dag, root, settled) };
  }
}

function toPath(ordered: OrderedPath, items: CatalogItems): CertificationPath {
  return {
    exams: ordered.exams.map(items.exam),
    certifications: ordered.certifications.map(items.certification),
    examCount: ordered.exams.length,
    steps: ordered.steps.map((step) => ({
      exam: items.exam(step.exam),
      completes: step.completes.map(items.certification),
      courses: items.coursesOf(step.exam),
    })),
  };
}
