import { DagNode } from './requirement-dag';
import { EdgeFacts, edgeKey } from './requirement-subgraph';
import { gradeOfWay, requirementsOn, viewOnDay } from './requirements-on-day';

// expert needs ONE_OF(admin, dev) and EXP; admin needs ADM (retiring 2025-06-30); dev needs DEV.
const node = (id: string, kind: DagNode['kind'], children: string[] = []): DagNode => ({
  id,
  kind,
  key: id.split(':')[1],
  children,
});
const dag = new Map(
  [
    node('Certification:expert', 'CERTIFICATION', ['RequirementGroup:expert/1', 'Exam:EXP']),
    node('RequirementGroup:expert/1', 'ONE_OF', ['Certification:admin', 'Certification:dev']),
    node('Certification:admin', 'CERTIFICATION', ['Exam:ADM']),
    node('Certification:dev', 'CERTIFICATION', ['Exam:DEV']),
    node('Exam:ADM', 'EXAM'),
    node('Exam:DEV', 'EXAM'),
    node('Exam:EXP', 'EXAM'),
  ].map((n) => [n.id, n]),
);
const edges = new Map<string, EdgeFacts>([
  [
    edgeKey('RequirementGroup:expert/1', 'Certification:dev'),
    { confidence: 'UNCONFIRMED', validFrom: '2024-01-01' },
  ],
  [edgeKey('Certification:expert', 'Exam:EXP'), { confidence: 'SECONDARY' }],
]);
const items = new Map<string, Record<string, unknown>>([
  ['Exam:ADM', { confidence: 'OFFICIAL', retiredOn: '2025-06-30' }],
  ['Exam:DEV', { confidence: 'OFFICIAL' }],
  ['Exam:EXP', { confidence: 'OFFICIAL' }],
  ['Certification:admin', { confidence: 'OFFICIAL' }],
  ['Certification:dev', { confidence: 'OFFICIAL' }],
  ['Certification:expert', { confidence: 'OFFICIAL' }],
]);
const ROOT = 'Certification:expert';
const choices = (d: ReadonlyMap<string, DagNode>) => d.get('RequirementGroup:expert/1')?.children;

describe('requirementsOn', () => {
  test('keeps the edges that applied on the day', () => {
    expect(choices(requirementsOn(dag, edges, '2023-12-31'))).toEqual(['Certification:admin']);
    expect(choices(requirementsOn(dag, edges, '2024-01-01'))).toHaveLength(2);
  });

  test('minConfidence drops alternatives only; a requirement that must be met stays whatever its grade', () => {
    const official = requirementsOn(dag, edges, '2024-06-01', 'OFFICIAL');
    expect(choices(official)).toEqual(['Certification:admin']);
    expect(official.get(ROOT)?.children).toContain('Exam:EXP');
  });
});

describe('viewOnDay', () => {
  test('a retired exam takes its certification out, and the choice keeps the live alternative', () => {
    const view = viewOnDay(
      requirementsOn(dag, edges, '2025-07-01'),
      items,
      [ROOT],
      [],
      '2025-07-01',
    );
    expect(view.dag.has('Certification:admin')).toBe(false);
    expect(choices(view.dag)).toEqual(['Certification:dev']);
    expect(view.blockers).toEqual([{ id: 'Exam:ADM', reason: 'exam ADM retired on 2025-06-30' }]);
  });

  test('what is held is never taken out', () => {
    const view = viewOnDay(dag, items, [ROOT], ['Exam:ADM'], '2025-07-01');
    expect(choices(view.dag)).toEqual(['Certification:admin', 'Certification:dev']);
    expect(view.settled.has('Certification:admin')).toBe(true);
  });

  test('when nothing is left, the root goes and the blockers say why', () => {
    const onlyAdmin = requirementsOn(dag, edges, '2023-01-01');
    const view = viewOnDay(onlyAdmin, items, [ROOT], [], '2025-07-01');
    expect(view.dag.has(ROOT)).toBe(false);
    expect(view.blockers.map((b) => b.id)).toEqual(['Exam:ADM']);
  });
});

describe('gradeOfWay', () => {
  const view = viewOnDay(requirementsOn(dag, edges, '2024-06-01'), items, [ROOT], [], '2024-06-01');
  test('the weakest grade along what the way relies on', () => {
    // Through admin: every edge official except EXP's, which is secondary.
    expect(gradeOfWay(view, edges, items, ROOT, ['Exam:ADM', 'Exam:EXP'])).toBe('SECONDARY');
    // Through dev: the unconfirmed alternative.
    expect(gradeOfWay(view, edges, items, ROOT, ['Exam:DEV', 'Exam:EXP'])).toBe('UNCONFIRMED');
  });

  test('a way meeting two alternatives relies on the better one', () => {
    expect(gradeOfWay(view, edges, items, ROOT, ['Exam:ADM', 'Exam:DEV', 'Exam:EXP'])).toBe(
      'SECONDARY',
    );
  });
});
