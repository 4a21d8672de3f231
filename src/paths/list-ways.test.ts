import fc from 'fast-check';
import { validateCatalog } from '../seed/validate-catalog';
import { indicesOf, isSubset } from './exam-mask';
import { listMinimalWays } from './list-ways';
import { certificationNodeId, examNodeId } from './requirement-dag';
import { compileProblem, meets, RequirementProblem } from './requirement-problem';
import { settledByHolding } from './satisfaction';
import { syntheticCatalog } from '../../tests/support/synthetic-catalog';
import { bruteForceMinimalWays } from '../../tests/support/paths/brute-force';
import { dagOf, problemFromCatalog } from '../../tests/support/paths/problems';
import { randomAndOr } from '../../tests/support/paths/random-dag';

const codesOf = (problem: RequirementProblem, mask: bigint) =>
  indicesOf(mask).map((i) => problem.exams[i].split(':')[1]);

function problemOf(lines: Record<string, string>, holding: string[] = []) {
  const dag = dagOf(lines);
  return compileProblem(dag, certificationNodeId('T'), settledByHolding(dag, holding));
}

describe('listMinimalWays on tiny named graphs', () => {
  const table: [string, Record<string, string>, string[][]][] = [
    ['one exam', { T: 'x' }, [['x']]],
    ['all of two exams', { T: 'all(x, y)' }, [['x', 'y']]],
    ['a choice of two', { T: 'all(any(x, y))' }, [['x'], ['y']]],
    [
      'choice of associates plus an exam (devops-engineer)',
      { T: 'all(any(A, B), e)', A: 'a', B: 'b' },
      [
        ['a', 'e'],
        ['b', 'e'],
      ],
    ],
    [
      'a shared associate reached twice is one way, not two',
      { T: 'all(any(A, B), any(A, C))', A: 'a', B: 'b', C: 'c' },
      [['a'], ['b', 'c']],
    ],
    [
      'an alternative that contains another is not minimal',
      { T: 'all(any(x, all(x, y)))' },
      [['x']],
    ],
    [
      'the same exam set through two choices is listed once',
      { T: 'all(any(A, B))', A: 'all(x, y)', B: 'all(y, x)' },
      [['x', 'y']],
    ],
    [
      'fewest exams first, then catalog order',
      { T: 'all(any(all(p, q), z, y))' },
      [['z'], ['y'], ['p', 'q']],
    ],
  ];

  test.each(table)('%s', (_name, lines, expected) => {
    const problem = problemOf(lines);
    const listing = listMinimalWays(problem, 20);
    expect(listing.ways.map((way) => codesOf(problem, way))).toEqual(expected);
    expect(listing.totalCount).toBe(BigInt(expected.length));
    expect(listing.exact).toBe(true);
  });

  test('holding a certification settles its branch: one way left', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' }, ['Certification:B']);
    expect(listMinimalWays(problem, 20).ways.map((w) => codesOf(problem, w))).toEqual([['e']]);
  });

  test('holding everything leaves exactly one way, the empty one', () => {
    const problem = problemOf({ T: 'all(any(A, B), e)', A: 'a', B: 'b' }, [
      examNodeId('a'),
      examNodeId('e'),
    ]);
    expect(listMinimalWays(problem, 20)).toEqual({ totalCount: 1n, exact: true, ways: [0n] });
  });

  test('first limits the list, never the count', () => {
    // 3 independent choices of 4: 64 ways, and only two are listed.
    const problem = problemOf({
      T: 'all(any(a1, a2, a3, a4), any(b1, b2, b3, b4), any(c1, c2, c3, c4))',
    });
    const listing = listMinimalWays(problem, 2);
    expect(listing.totalCount).toBe(64n);
    expect(listing.ways.map((w) => codesOf(problem, w))).toEqual([
      ['a1', 'b1', 'c1'],
      ['a1', 'b1', 'c2'],
    ]);
  });

  test('counts products far beyond what could be enumerated', () => {
    const choices = Array.from({ length: 40 }, (_, i) => `any(x${i}, y${i}, z${i})`);
    const problem = problemOf({ T: `all(${choices.join(', ')})` });
    const listing = listMinimalWays(problem, 3);
    expect(listing.totalCount).toBe(3n ** 40n);
    expect(listing.exact).toBe(true);
    expect(listing.ways).toHaveLength(3);
  });

  test('past the budget the count is a lower bound, flagged as such', () => {
    // Every choice shares exam s, so all 8 choices form one group: 2^8 raw combinations.
    const choices = Array.from({ length: 8 }, (_, i) => `any(s, all(x${i}, y${i}))`);
    const problem = problemOf({ T: `all(${choices.join(', ')})` });
    const exact = listMinimalWays(problem, 5);
    expect(exact.exact).toBe(true);
    expect(exact.totalCount).toBe(2n); // {s} and {all x, y}
    const tight = listMinimalWays(problem, 5, { work: 100 });
    expect(tight.exact).toBe(false);
    expect(tight.totalCount).toBeGreaterThanOrEqual(1n);
    expect(tight.totalCount).toBeLessThanOrEqual(2n);
  });
});

/** Small random catalogs with shared prerequisites, each target small enough to brute-force. */
const smallCatalog = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  certifications: fc.integer({ min: 2, max: 9 }),
  depth: fc.integer({ min: 2, max: 3 }),
  choiceWidth: fc.integer({ min: 2, max: 3 }),
  sharingRatio: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('listMinimalWays on random catalogs (fast-check)', () => {
  test('generated catalogs are valid seed catalogs', () => {
    fc.assert(
      fc.property(smallCatalog, (options) => {
        expect(validateCatalog(syntheticCatalog(options))).toEqual([]);
      }),
    );
  });

  test('the count equals the brute-force count; every way is distinct, minimal and meets the target', () => {
    fc.assert(
      fc.property(smallCatalog, fc.integer({ min: 0, max: 100 }), (options, holdingSeed) => {
        const catalog = syntheticCatalog(options);
        const target = catalog.certifications.at(-1)!.code;
        // Hold one exam or certification now and then, chosen by holdingSeed.
        const items = [...catalog.exams.map((e) => examNodeId(e.code))];
        const holding = holdingSeed % 3 === 0 ? [items[holdingSeed % items.length]] : [];
        const problem = problemFromCatalog(catalog, target, holding);
        fc.pre(problem.exams.length <= 14);
        const expected = bruteForceMinimalWays(problem);
        const listing = listMinimalWays(problem, 1000);
        expect(listing.exact).toBe(true);
        expect(listing.totalCount).toBe(BigInt(expected.length));
        expect([...listing.ways].sort()).toEqual([...expected].sort());
        for (const way of listing.ways) {
          expect(problem.root === null || meets(problem, problem.root, way)).toBe(true);
          for (const other of listing.ways) {
            if (other !== way) expect(isSubset(other, way)).toBe(false);
          }
        }
        const counts = listing.ways.map((way) => indicesOf(way).length);
        expect(counts).toEqual([...counts].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  test('dense random AND/OR graphs: count, minimality and distinctness match brute force', () => {
    fc.assert(
      fc.property(randomAndOr, ({ problem }) => {
        const expected = bruteForceMinimalWays(problem);
        const listing = listMinimalWays(problem, 1000);
        expect(listing.exact).toBe(true);
        expect(listing.totalCount).toBe(BigInt(expected.length));
        expect([...listing.ways].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });

  test('a short list is the start of the long one', () => {
    fc.assert(
      fc.property(smallCatalog, fc.integer({ min: 0, max: 5 }), (options, first) => {
        const catalog = syntheticCatalog(options);
        const problem = problemFromCatalog(catalog, catalog.certifications.at(-1)!.code);
        const long = listMinimalWays(problem, 50);
        const short = listMinimalWays(problem, first);
        expect(short.ways).toEqual(long.ways.slice(0, first));
        expect(short.totalCount).toBe(long.totalCount);
      }),
    );
  });
});
