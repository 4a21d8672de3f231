import { relationshipId } from '../graph/model';
import { catalogToGraph } from './catalog-to-graph';

describe('catalogToGraph', () => {
  const location = { file: 'f.yaml', kind: 'certifications' as const, index: 0 };
  const graph = catalogToGraph({
    certifications: [
      {
        code: 'expert',
        name: 'Expert',
        level: 'EXPERT',
        requires: [
          { oneOf: [{ certification: 'assoc' }, { allOf: [{ exam: 'A-1' }, { exam: 'A-2' }] }] },
          { exam: 'E-1' },
        ],
        confidence: 'OFFICIAL' as const,
        sources: ['https://example.org'],
        notes: [],
        location,
      },
    ],
    exams: [],
    courses: [
      {
        code: 'E-1T00',
        name: 'Course',
        exams: ['E-1'],
        confidence: 'OFFICIAL' as const,
        sources: ['https://e.org'],
        notes: [],
        location: { ...location, kind: 'courses' },
      },
    ],
  });

  test('makes choices and nested groups into group nodes with stable ids', () => {
    expect(
      graph.nodes.filter((n) => n.label === 'RequirementGroup').map((n) => n.properties),
    ).toEqual([
      { id: 'expert/1', mode: 'ONE_OF', certification: 'expert' },
      { id: 'expert/1/2', mode: 'ALL_OF', certification: 'expert' },
    ]);
  });

  test('links REQUIRES, ONE_OF and PREPARES_FOR in curated order', () => {
    expect(graph.relationships.map((r) => `${relationshipId(r)} #${r.position}`).sort()).toEqual(
      [
        'Certification:expert-REQUIRES->RequirementGroup:expert/1 #0',
        'Certification:expert-REQUIRES->Exam:E-1 #1',
        'RequirementGroup:expert/1-ONE_OF->Certification:assoc #0',
        'RequirementGroup:expert/1-ONE_OF->RequirementGroup:expert/1/2 #1',
        'RequirementGroup:expert/1/2-REQUIRES->Exam:A-1 #0',
        'RequirementGroup:expert/1/2-REQUIRES->Exam:A-2 #1',
        'Course:E-1T00-PREPARES_FOR->Exam:E-1 #0',
      ].sort(),
    );
  });

  test('stores no absent properties', () => {
    const expert = graph.nodes.find((n) => n.key === 'expert')!;
    expect(Object.keys(expert.properties).sort()).toEqual([
      'code',
      'confidence',
      'level',
      'name',
      'notes',
      'sources',
    ]);
  });
});
