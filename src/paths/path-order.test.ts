import fc from 'fast-check';
import { catalogToGraph } from '../seed/catalog-to-graph';
import { indicesOf } from './exam-mask';
import { listMinimalWays } from './list-ways';
import { PathOrderer } from './path-order';
import { certificationNodeId, examNodeId, reachableFrom } from './requirement-dag';
import { compileProblem } from './requirement-problem';
import { subgraphOf } from './requirement-subgraph';
import { RequirementEvaluator, settledByHolding } from './satisfaction';
import { syntheticCatalog } from '../../tests/support/synthetic-catalog';
import { dagOf } from '../../tests/support/paths/problems';

const DEVOPS = { T: 'all(any(A, B), e)', A: 'a', B: 'b' };

describe('PathOrderer on tiny named graphs', () => {
  test('devops-engineer: the associate exam first, then the expert exam', () => {
    const dag = dagOf(DEVOPS);
    const orderer = new PathOrderer(dag, certificationNodeId('T'), new Set());
    expect(orderer.order([examNodeId('e'), examNodeId('a')])).toEqual({
      exams: ['Exam:a', 'Exam:e'],
      certifications: ['Certification:A', 'Certification:T'],
      steps: [
        { exam: 'Exam:a', completes: ['Certification:A'] },
        { exam: 'Exam:e', completes: ['Certification:T'] },
      ],
    });
  });

  test('independent exams go by code', () => {
    const dag = dagOf({ T: 'all(z, m, b)' });
    const orderer = new PathOrderer(dag, certificationNodeId('T'), new Set());
    expect(orderer.order(['Exam:z', 'Exam:b', 'Exam:m']).exams).toEqual([
      'Exam:b',
      'Exam:m',
      'Exam:z',
    ]);
  });

  test('a chain of three levels orders bottom up even against code order', () => {
    const dag = dagOf({ T: 'all(M, a)', M: 'all(B, m)', B: 'z' });
    const orderer = new PathOrderer(dag, certificationNodeId('T'), new Set());
    const path = orderer.order(['Exam:a', 'Exam:m', 'Exam:z']);
    expect(path.exams).toEqual(['Exam:z', 'Exam:m', 'Exam:a']);
    expect(path.certifications).toEqual(['Certification:B', 'Certification:M', 'Certification:T']);
  });

  test('an exam listed at two levels waits only for what both levels build on', () => {
    // T lists x directly and through B; x need not wait for anything.
    const dag = dagOf({ T: 'all(B, x, y)', B: 'all(x, b)' });
    const orderer = new PathOrderer(dag, certificationNodeId('T'), new Set());
    const path = orderer.order(['Exam:y', 'Exam:x', 'Exam:b']);
    expect(path.exams).toEqual(['Exam:b', 'Exam:x', 'Exam:y']);
    expect(path.steps[1]).toEqual({ exam: 'Exam:x', completes: ['Certification:B'] });
  });

  test('one exam can complete a prerequisite and the target together, prerequisite first', () => {
    const dag = dagOf({ T: 'all(B, t)', B: 'all(b)' });
    const orderer = new PathOrderer(dag, certificationNodeId('T'), new Set(['Exam:t']));
    expect(orderer.order(['Exam:b']).steps).toEqual([
      { exam: 'Exam:b', completes: ['Certification:B', 'Certification:T'] },
    ]);
  });

  test('what holding settles is not earned again', () => {
    const dag = dagOf(DEVOPS);
    const settled = settledByHolding(dag, ['Certification:B']);
    const orderer = new PathOrderer(dag, certificationNodeId('T'), settled);
    expect(orderer.order(['Exam:e']).certifications).toEqual(['Certification:T']);
  });
});

describe('PathOrderer on random catalogs (fast-check)', () => {
  const catalogs = fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    certifications: fc.integer({ min: 3, max: 12 }),
    depth: fc.integer({ min: 2, max: 4 }),
    choiceWidth: fc.integer({ min: 2, max: 3 }),
    sharingRatio: fc.constantFrom(0, 0.3, 0.8),
  });

  test('every step completes exactly what becomes newly met; the target is last', () => {
    fc.assert(
      fc.property(catalogs, (options) => {
        const { dag } = subgraphOf(catalogToGraph(syntheticCatalog(options)));
        const root = certificationNodeId(`synthetic-${options.certifications}`);
        const settled = settledByHolding(dag, []);
        const problem = compileProblem(dag, root, settled);
        const orderer = new PathOrderer(dag, root, settled);
        const evaluator = new RequirementEvaluator(dag, [root], settled);
        for (const way of listMinimalWays(problem, 5).ways) {
          const exams = indicesOf(way).map((i) => problem.exams[i]);
          const path = orderer.order(exams);
          expect([...path.exams].sort()).toEqual([...exams].sort());
          expect(path.certifications.at(-1)).toBe(root);
          expect(new Set(path.certifications).size).toBe(path.certifications.length);
          let before = evaluator.satisfied(new Set());
          const passed = new Set<string>();
          for (const step of path.steps) {
            passed.add(step.exam);
            const now = evaluator.satisfied(passed);
            const newly = [...now].filter(
              (id) => !before.has(id) && dag.get(id)!.kind === 'CERTIFICATION',
            );
            expect([...step.completes].sort()).toEqual(newly.sort());
            before = now;
          }
        }
      }),
    );
  });

  test('without sharing, every exam comes after the exams of the prerequisites it builds on', () => {
    fc.assert(
      fc.property(catalogs, (options) => {
        const { dag } = subgraphOf(
          catalogToGraph(syntheticCatalog({ ...options, sharingRatio: 0 })),
        );
        const root = certificationNodeId(`synthetic-${options.certifications}`);
        const problem = compileProblem(dag, root, new Set());
        const orderer = new PathOrderer(dag, root, new Set());
        for (const way of listMinimalWays(problem, 5).ways) {
          const path = orderer.order(indicesOf(way).map((i) => problem.exams[i]));
          const position = new Map(path.exams.map((e, i) => [e, i]));
          const earned = new Set(path.certifications);
          // A certification's own exams (listed through groups, not through another
          // certification) come after every exam of the earned certifications it lists.
          for (const cert of earned) {
            const own: string[] = [];
            const prerequisites: string[] = [];
            const stack = [...dag.get(cert)!.children];
            while (stack.length > 0) {
              const node = dag.get(stack.pop()!)!;
              if (node.kind === 'EXAM') own.push(node.id);
              else if (node.kind === 'CERTIFICATION') prerequisites.push(node.id);
              else stack.push(...node.children);
            }
            const earlier = prerequisites
              .filter((p) => earned.has(p))
              .flatMap((p) => [...reachableFrom(dag, [p])].filter((id) => position.has(id)));
            for (const exam of own.filter((e) => position.has(e))) {
              for (const e of earlier) expect(position.get(e)!).toBeLessThan(position.get(exam)!);
            }
          }
          expect(position.size).toBe(path.exams.length);
        }
      }),
    );
  });
});
