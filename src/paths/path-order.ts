import { DagNode, RequirementDag } from './requirement-dag';
import { RequirementEvaluator } from './satisfaction';

/** Plain code-point order: the same on every machine, unlike localeCompare. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface OrderedStep {
  /** Exam node id. */
  exam: string;
  /** Certification node ids earned once this exam is passed, prerequisites first. */
  completes: string[];
}

export interface OrderedPath {
  /** Exam node ids in the order to take them. */
  exams: string[];
  /** Certification node ids earned along the way, in the order they are earned: the target last. */
  certifications: string[];
  steps: OrderedStep[];
}

/**
 * Puts a way (a set of exams) in an order a learner can follow and says what each exam completes.
 *
 * An exam depends on the exams of the certifications its certification builds on: AZ-400
 * (devops-engineer) comes after AZ-104 (azure-administrator, the prerequisite chosen). Only
 * certifications this way actually earns count. An exam that several earned certifications
 * list directly waits only for what all of them build on; that keeps the order acyclic when
 * one exam appears at two levels (every cycle would need an infinite descent in the acyclic
 * certification graph). Ties go to the lower exam code (Kahn's algorithm, always taking the
 * smallest ready code: a library topological sort would fix ties by insertion order instead).
 *
 * Built once per question (target and holding), then asked once per way.
 */
export class PathOrderer {
  private readonly evaluator: RequirementEvaluator;
  private readonly metBefore: Set<string>;
  private readonly certifications: DagNode[];
  /** Per certification: the exams and certifications it lists, looking through groups only. */
  private readonly direct = new Map<string, { exams: Set<string>; certifications: string[] }>();
  private readonly examsBelow = new Map<string, Set<string>>();
  private readonly height = new Map<string, number>();

  constructor(
    private readonly dag: RequirementDag,
    root: string,
    settled: ReadonlySet<string>,
  ) {
    this.evaluator = new RequirementEvaluator(dag, [root], settled);
    this.metBefore = this.evaluator.satisfied();
    this.certifications = this.evaluator.order
      .map((id) => dag.get(id)!)
      .filter((node) => node.kind === 'CERTIFICATION');
    // evaluator.order is children first, so everything below a node is known when it is reached.
    for (const id of this.evaluator.order) {
      const node = dag.get(id)!;
      const below = new Set<string>(node.kind === 'EXAM' ? [id] : []);
      for (const child of node.children) {
        for (const e of this.examsBelow.get(child) ?? []) below.add(e);
      }
      this.examsBelow.set(id, below);
    }
    for (const cert of this.certifications) {
      const direct = this.directRequirements(cert);
      this.direct.set(cert.id, direct);
      this.height.set(
        cert.id,
        1 + Math.max(0, ...direct.certifications.map((c) => this.height.get(c) ?? 0)),
      );
    }
  }

  /** Precondition: `examIds` meet the root given the holding. */
  order(examIds: readonly string[]): OrderedPath {
    const inPath = new Set(examIds);
    const metAfter = this.evaluator.satisfied(inPath);
    const earned = this.certifications
      .filter((c) => metAfter.has(c.id) && !this.metBefore.has(c.id))
      .map((c) => c.id);
    const earnedSet = new Set(earned);

    const dependsOn = new Map<string, Set<string>>();
    for (const exam of examIds) {
      let deps: Set<string> | undefined;
      for (const owner of earned) {
        const { exams, certifications } = this.direct.get(owner)!;
        if (!exams.has(exam)) continue;
        const before = new Set<string>();
        for (const prerequisite of certifications) {
          if (!earnedSet.has(prerequisite)) continue;
          for (const e of this.examsBelow.get(prerequisite)!) {
            if (inPath.has(e) && e !== exam) before.add(e);
          }
        }
        deps = deps === undefined ? before : new Set([...deps].filter((e) => before.has(e)));
      }
      dependsOn.set(exam, deps ?? new Set());
    }

    const ordered = this.topologicalOrder(examIds, dependsOn);
    const completion = this.evaluator.completionSteps(new Map(ordered.map((exam, i) => [exam, i])));
    const steps: OrderedStep[] = ordered.map((exam, i) => ({
      exam,
      completes: earned
        .filter((c) => completion.get(c) === i)
        .sort(
          (a, b) =>
            this.height.get(a)! - this.height.get(b)! || byCode(this.keyOf(a), this.keyOf(b)),
        ),
    }));
    return { exams: ordered, certifications: steps.flatMap((s) => s.completes), steps };
  }

  private topologicalOrder(
    exams: readonly string[],
    dependsOn: Map<string, Set<string>>,
  ): string[] {
    const ordered: string[] = [];
    const placed = new Set<string>();
    const remaining = [...exams].sort((a, b) => byCode(this.keyOf(a), this.keyOf(b)));
    while (remaining.length > 0) {
      const next = remaining.findIndex((e) => [...dependsOn.get(e)!].every((d) => placed.has(d)));
      // Cannot happen (see the header); if it did, code order is still a usable answer.
      const take = next >= 0 ? next : 0;
      placed.add(remaining[take]);
      ordered.push(...remaining.splice(take, 1));
    }
    return ordered;
  }

  /** The exams and certifications a certification lists, looking through its groups. */
  private directRequirements(cert: DagNode): { exams: Set<string>; certifications: string[] } {
    const exams = new Set<string>();
    const certifications = new Set<string>();
    const stack = [...cert.children];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const id = stack.pop()!;
      const node = this.dag.get(id);
      if (!node || seen.has(id)) continue;
      seen.add(id);
      if (node.kind === 'EXAM') exams.add(id);
      else if (node.kind === 'CERTIFICATION') certifications.add(id);
      else stack.push(...node.children);
    }
    return { exams, certifications: [...certifications] };
  }

  private keyOf(id: string): string {
    return this.dag.get(id)!.key;
  }
}
