import fc from 'fast-check';
import { cheapestWay } from './cheapest-way';
import { bit, indicesOf } from './exam-mask';
import { certificationNodeId, examNodeId } from './requirement-dag';
import { compileProblem, meets, RequirementProblem } from './requirement-problem';
import { settledByHolding } from './satisfaction';
import { syntheticCatalog } from '../../tests/support/synthetic-catalog';
import { bruteForceCheapest } from '../../tests/support/paths/brute-force';
import { dagOf, problemFromCatalog } from '../../tests/support/paths/problems';
import { randomAndOr } from '../../tests/support/paths/random-dag';

const codesOf = (problem: RequirementProblem, mask: bigint) =>
  indicesOf(mask).map((i) => problem.exams[i].split(':')[1]);

function problemOf(lines: Record<string, string>, holding: string[] = []) {
  const dag = dagOf(lines);
  return compileProblem(dag, certificationNodeId('T'), settledByHolding(dag, holding));
}

/** Weights by exam code; unnamed exams cost 1. */
const weightsOf = (problem: RequirementProblem, byCode: Record<string, number> = {}) =>
  problem.exams.map((id) => byCode[id.split(':')[1]] ?? 1);

describe('cheapestWay on tiny named graphs', () => {
  test('devops-engineer: ties go to the first alternative in catalog order', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' });
    const way = cheapestWay(problem, weightsOf(problem));
    expect(codesOf(problem, way.mask)).toEqual(['a', 'e']);
    expect(way).toMatchObject({ cost: 2, optimal: true, steps: 0 });
  });

  test('a cheaper alternative wins', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' });
    const way = cheapestWay(problem, weightsOf(problem, { a: 5, b: 2 }));
    expect(codesOf(problem, way.mask)).toEqual(['b', 'e']);
  });

  test('an exam shared by two branches is paid once, which changes the best choice', () => {
    // Counted per branch, y+y (2+2) looks worse than x+z (1.5+1.5); paid once, y alone costs 2.
    const problem = problemOf({ T: 'all(any(x, y), any(z, y))' });
    const way = cheapestWay(problem, weightsOf(problem, { x: 1.5, y: 2, z: 1.5 }));
    expect(codesOf(problem, way.mask)).toEqual(['y']);
    expect(way).toMatchObject({ cost: 2, optimal: true });
  });

  test('a shared associate reached from two experts counts once', () => {
    const problem = problemOf({
      T: 'all(X, Y)',
      X: 'all(any(A, B), x)',
      Y: 'all(any(A, C), y)',
      A: 'a',
      B: 'b',
      C: 'c',
    });
    const way = cheapestWay(problem, weightsOf(problem));
    expect(codesOf(problem, way.mask)).toEqual(['a', 'x', 'y']);
    expect(way.optimal).toBe(true);
  });

  test('free exams are not listed when the target does not need them', () => {
    // all(x, f) and x cost the same; the way keeps only what the target needs.
    const problem = problemOf({ T: 'all(any(all(x, f), x))' });
    const way = cheapestWay(problem, weightsOf(problem, { x: 1, f: 0 }));
    expect(codesOf(problem, way.mask)).toEqual(['x']);
    expect(way.cost).toBe(1);
  });

  test('refuses weights that do not match the exams, instead of summing NaN', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' });
    expect(() => cheapestWay(problem, [1, 1])).toThrow(
      'cheapestWay: 2 weights for 3 exams; give one per exam',
    );
  });

  test('already qualified: no exams, optimal', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' }, [
      certificationNodeId('T'),
    ]);
    expect(cheapestWay(problem, [])).toEqual({ mask: 0n, cost: 0, optimal: true, steps: 0 });
  });

  test('holding an exam makes it free', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'all(b, c)' }, [
      examNodeId('b'),
    ]);
    const way = cheapestWay(problem, weightsOf(problem, { a: 2, c: 1 }));
    expect(codesOf(problem, way.mask)).toEqual(['c', 'e']);
  });

  test('set cover with a tiny budget: a valid way, flagged as not proven', () => {
    // Twelve elements, each coverable by several overlapping "sets" (exams s0..s7).
    const sets = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'];
    const choices = Array.from(
      { length: 12 },
      (_, i) => `any(${sets.filter((_, s) => (i * 7 + s * 3) % 5 < 2 || s === i % 8).join(', ')})`,
    );
    const problem = problemOf({ T: `all(${choices.join(', ')})` });
    const weights = weightsOf(problem, {
      s0: 3,
      s1: 2,
      s2: 2.5,
      s3: 1,
      s4: 4,
      s5: 1.5,
      s6: 2,
      s7: 3,
    });
    const full = cheapestWay(problem, weights);
    expect(full.optimal).toBe(true);
    expect(full.steps).toBeGreaterThan(1); // it had to branch
    expect(full.cost).toBeCloseTo(bruteForceCheapest(problem, weights));
    const tight = cheapestWay(problem, weights, 1);
    expect(tight.optimal).toBe(false);
    expect(meets(problem, problem.root!, tight.mask)).toBe(true);
    expect(tight.cost).toBeGreaterThanOrEqual(full.cost);
  });
});

const catalogWithCosts = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  certifications: fc.integer({ min: 3, max: 10 }),
  depth: fc.integer({ min: 2, max: 3 }),
  choiceWidth: fc.integer({ min: 2, max: 3 }),
  sharingRatio: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('cheapestWay on random catalogs (fast-check)', () => {
  test('equals the brute-force optimum, and is a minimal way that meets the target', () => {
    fc.assert(
      fc.property(
        catalogWithCosts,
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 40, maxLength: 40 }),
        fc.nat(),
        (options, costs, holdingPick) => {
          const catalog = syntheticCatalog(options);
          const target = catalog.certifications.at(-1)!.code;
          const lower = catalog.certifications.slice(0, -1);
          const holding =
            holdingPick % 4 === 0 && lower.length > 0
              ? [certificationNodeId(lower[holdingPick % lower.length].code)]
              : [];
          const problem = problemFromCatalog(catalog, target, holding);
          fc.pre(problem.exams.length <= 14);
          const weights = problem.exams.map((_, i) => costs[i % costs.length]);
          const way = cheapestWay(problem, weights);
          expect(way.optimal).toBe(true);
          expect(way.cost).toBeCloseTo(bruteForceCheapest(problem, weights), 9);
          if (problem.root !== null) {
            expect(meets(problem, problem.root, way.mask)).toBe(true);
            for (const e of indicesOf(way.mask)) {
              expect(meets(problem, problem.root, way.mask & ~bit(e))).toBe(false);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('dense random AND/OR graphs with shared exams: equals the brute-force optimum', () => {
    fc.assert(
      fc.property(
        // One cost per exam of the generated problem, however many exams it has.
        randomAndOr.chain(({ problem }) =>
          fc.tuple(
            fc.constant(problem),
            fc.array(fc.integer({ min: 0, max: 9 }), {
              minLength: problem.exams.length,
              maxLength: problem.exams.length,
            }),
          ),
        ),
        ([problem, weights]) => {
          const way = cheapestWay(problem, weights);
          expect(way.optimal).toBe(true);
          expect(way.cost).toBeCloseTo(bruteForceCheapest(problem, weights), 9);
          if (problem.root !== null) expect(meets(problem, problem.root, way.mask)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('any budget gives a valid way no cheaper than the optimum', () => {
    fc.assert(
      fc.property(catalogWithCosts, fc.integer({ min: 0, max: 3 }), (options, steps) => {
        const catalog = syntheticCatalog(options);
        const problem = problemFromCatalog(catalog, catalog.certifications.at(-1)!.code);
        fc.pre(problem.exams.length <= 14 && problem.root !== null);
        const weights = problem.exams.map(() => 1);
        const way = cheapestWay(problem, weights, steps);
        expect(meets(problem, problem.root, way.mask)).toBe(true);
        expect(way.cost).toBeGreaterThanOrEqual(bruteForceCheapest(problem, weights));
        if (way.optimal) expect(way.cost).toBe(bruteForceCheapest(problem, weights));
      }),
    );
  });
});
