import { certificationNodeId } from './requirement-dag';
import { RequirementEvaluator, settledByHolding } from './satisfaction';
import { dagOf } from '../../tests/support/paths/problems';

// devops-engineer's shape: T needs a choice of associate (A or B) and exam e.
const dag = dagOf({ T: 'all(any(A, B), e)', A: 'a', B: 'all(b1, b2)' });

test.each([
  ['a held exam settles only itself', ['Exam:a'], ['Exam:a']],
  [
    'a held certification settles what it necessarily includes, not its alternatives',
    ['Certification:T'],
    ['Certification:T', 'Exam:e', 'RequirementGroup:g1'],
  ],
  [
    'a held associate settles all its exams',
    ['Certification:B'],
    ['Certification:B', 'Exam:b1', 'Exam:b2'],
  ],
  ['unknown ids are ignored (holding.ts rejects them before)', ['Exam:zz'], []],
])('%s', (_name, held, settled) => {
  expect([...settledByHolding(dag, held)].sort()).toEqual(settled);
});

test('the evaluator: met nodes for passed exams, given what holding settles', () => {
  const root = certificationNodeId('T');
  const evaluator = new RequirementEvaluator(dag, [root], settledByHolding(dag, ['Exam:b1']));
  expect(evaluator.satisfied(new Set(['Exam:e'])).has(root)).toBe(false);
  const met = evaluator.satisfied(new Set(['Exam:e', 'Exam:b2']));
  expect([...met].filter((id) => id.startsWith('Certification:')).sort()).toEqual([
    'Certification:B',
    'Certification:T',
  ]);
});

test('completion steps: an ALL waits for its last exam, an ANY for its first', () => {
  const root = certificationNodeId('T');
  const evaluator = new RequirementEvaluator(dag, [root], new Set());
  const steps = evaluator.completionSteps(
    new Map([
      ['Exam:b1', 0],
      ['Exam:a', 1],
      ['Exam:b2', 2],
      ['Exam:e', 3],
    ]),
  );
  expect(steps.get('Certification:A')).toBe(1);
  expect(steps.get('Certification:B')).toBe(2);
  expect(steps.get('RequirementGroup:g1')).toBe(1);
  expect(steps.get(root)).toBe(3);
});

test('a cycle (only possible in a hand-edited database) is named, not looped over', () => {
  const cyclic = dagOf({ X: 'all(Y, x)', Y: 'all(X, y)' });
  expect(() => new RequirementEvaluator(cyclic, ['Certification:X'], new Set())).toThrow(
    'requirements form a cycle: Certification:X → Certification:Y → Certification:X',
  );
});
