import fc from 'fast-check';
import {
  certificationNodeId,
  DagNode,
  DagNodeKind,
  RequirementDag,
} from '../../../src/paths/requirement-dag';
import { compileProblem, RequirementProblem } from '../../../src/paths/requirement-problem';
import { settledByHolding } from '../../../src/paths/satisfaction';

export interface RandomAndOr {
  dag: RequirementDag;
  /** The target certification's node id. */
  target: string;
  /** Node ids held (exams and certifications). */
  holding: string[];
  problem: RequirementProblem;
}

const pickSome = (min: number, max: number) =>
  fc.uniqueArray(fc.nat(99), { minLength: min, maxLength: max, size: 'max' });

/**
 * Dense random AND/OR DAGs over a few exams, layered like a catalog but with far more sharing:
 * associates need 1-3 of the exams; choices pick among associates, exams and earlier choices;
 * experts need a choice plus an exam; the target needs several choices and experts. Every
 * layer draws from the same small pools, so exams and certifications are reached along many
 * paths: the complement of the catalog-shaped generator, made to exercise the shared-exam code.
 */
export const randomAndOr: fc.Arbitrary<RandomAndOr> = fc
  .record({
    exams: fc.integer({ min: 4, max: 12 }),
    associates: fc.array(pickSome(1, 3), { minLength: 2, maxLength: 5, size: 'max' }),
    choices: fc.array(pickSome(2, 3), { minLength: 2, maxLength: 5, size: 'max' }),
    experts: fc.array(fc.tuple(fc.nat(99), fc.nat(99)), { maxLength: 3, size: 'max' }),
    target: pickSome(2, 4),
    held: fc.option(fc.nat(99), { freq: 3 }),
  })
  .map((spec) => {
    const dag = new Map<string, DagNode>();
    const add = (id: string, kind: DagNodeKind, children: string[]) => {
      dag.set(id, { id, kind, key: id.split(':')[1], children: [...new Set(children)] });
      return id;
    };
    const exams = Array.from({ length: spec.exams }, (_, e) => add(`Exam:E${e}`, 'EXAM', []));
    const from = (pool: string[], picks: number[]) => picks.map((p) => pool[p % pool.length]);
    const associates = spec.associates.map((picks, i) =>
      add(certificationNodeId(`a${i}`), 'CERTIFICATION', from(exams, picks)),
    );
    const choices: string[] = [];
    spec.choices.forEach((picks, i) => {
      // Associates twice over: alternatives are mostly certifications, as in a catalog.
      const pool = [...associates, ...associates, ...exams, ...choices];
      choices.push(add(`RequirementGroup:choice${i}`, 'ONE_OF', from(pool, picks)));
    });
    const experts = spec.experts.map(([choice, exam], i) =>
      add(certificationNodeId(`x${i}`), 'CERTIFICATION', [
        choices[choice % choices.length],
        exams[exam % exams.length],
      ]),
    );
    const target = add(
      certificationNodeId('target'),
      'CERTIFICATION',
      from([...choices, ...experts], spec.target),
    );
    const all = [...exams, ...associates, ...choices, ...experts];
    const holding = spec.held === null ? [] : [all[spec.held % all.length]];
    const problem = compileProblem(dag, target, settledByHolding(dag, holding));
    return { dag, target, holding, problem };
  });
