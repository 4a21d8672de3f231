import { quotientOf } from './entangled-ways';
import { factorWays } from './factor-ways';
import { listMinimalWays } from './list-ways';
import { certificationNodeId } from './requirement-dag';
import { compileProblem } from './requirement-problem';
import { bruteForceMinimalWays } from '../../tests/support/paths/brute-force';
import { dagOf } from '../../tests/support/paths/problems';

// Two choices offer the same associate C, which has choices of its own.
const SHARED_ASSOCIATE = {
  T: 'all(any(A, C), any(B, C))',
  A: 'all(any(a1, a2))',
  B: 'all(any(b1, b2, b3))',
  C: 'all(any(c1, c2))',
};

const problem = () => {
  const dag = dagOf(SHARED_ASSOCIATE);
  return compileProblem(dag, certificationNodeId('T'), new Set());
};

test('the shared associate C, choices and all, becomes a single variable of the quotient', () => {
  const group = factorWays(problem());
  expect(group.independent).toBe(false);
  const { modules, formula } = quotientOf(group);
  // A and B (one parent each) were flattened into the choices: their exams are variables.
  expect(modules.filter((m) => m.op === 'exam')).toHaveLength(5);
  const shared = modules.filter((m) => m.op !== 'exam');
  expect(shared).toHaveLength(1);
  expect(shared[0].op).toBe('any');
  expect(shared[0].parts).toHaveLength(2); // c1 or c2
  expect(formula.op).toBe('all');
});

test('count = ways of C + ways of A times ways of B, the same as brute force', () => {
  const listing = listMinimalWays(problem(), 100);
  expect(listing.totalCount).toBe(2n + 2n * 3n);
  expect(listing.exact).toBe(true);
  expect([...listing.ways].sort()).toEqual([...bruteForceMinimalWays(problem())].sort());
});
