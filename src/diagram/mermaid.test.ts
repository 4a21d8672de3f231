import 'reflect-metadata';
import { RequirementEdgeType, RequirementNodeKind } from '../model/enums';
import { RequirementGraph } from '../model/requirement-graph.type';
import { toMermaid } from './mermaid';

const { CERTIFICATION, EXAM, GROUP } = RequirementNodeKind;
const { REQUIRES, ONE_OF } = RequirementEdgeType;
const FACTS = { confidence: 'OFFICIAL' as const, sources: ['https://example.org'], notes: [] };

/** DevOps Engineer Expert in miniature: one of two associates, then AZ-400. */
const devops: RequirementGraph = {
  root: 'Certification:devops',
  asOf: '2026-01-01',
  nodes: [
    { id: 'Certification:admin', kind: CERTIFICATION, code: 'admin', name: 'Administrator' },
    { id: 'Certification:dev', kind: CERTIFICATION, code: 'dev', name: 'Developer' },
    { id: 'Certification:devops', kind: CERTIFICATION, code: 'devops', name: 'DevOps' },
    { id: 'Exam:AZ-104', kind: EXAM, code: 'AZ-104', name: 'Admin exam' },
    { id: 'Exam:AZ-400', kind: EXAM, code: 'AZ-400', name: 'DevOps exam' },
    { id: 'RequirementGroup:devops/0', kind: GROUP, mode: 'ONE_OF' },
  ],
  edges: [
    { from: 'Certification:admin', to: 'Exam:AZ-104', type: REQUIRES, position: 0, ...FACTS },
    {
      from: 'Certification:devops',
      to: 'RequirementGroup:devops/0',
      type: REQUIRES,
      position: 0,
      ...FACTS,
    },
    { from: 'Certification:devops', to: 'Exam:AZ-400', type: REQUIRES, position: 1, ...FACTS },
    {
      from: 'RequirementGroup:devops/0',
      to: 'Certification:admin',
      type: ONE_OF,
      position: 0,
      ...FACTS,
    },
    {
      from: 'RequirementGroup:devops/0',
      to: 'Certification:dev',
      type: ONE_OF,
      position: 1,
      ...FACTS,
    },
  ],
};

test('draws certifications, exams and a ONE_OF group with its alternatives', () => {
  expect(toMermaid(devops)).toBe(
    [
      'flowchart TD',
      '  n0("Administrator<br/>admin")',
      '  n1("Developer<br/>dev")',
      '  n2("DevOps<br/>devops")',
      '  n3["Admin exam<br/>AZ-104"]',
      '  n4["DevOps exam<br/>AZ-400"]',
      '  n5{{"one of"}}',
      '  n0 --> n3',
      '  n2 --> n5',
      '  n2 --> n4',
      '  n5 -. or .-> n0',
      '  n5 -. or .-> n1',
      '  classDef certification fill:#e8f0fe,stroke:#1a56db',
      '  classDef exam fill:#ffffff,stroke:#4b5563',
      '  classDef group fill:#fef9c3,stroke:#a16207',
      '  class n0,n1,n2 certification',
      '  class n3,n4 exam',
      '  class n5 group',
      '',
    ].join('\n'),
  );
});

test.each([
  ['a quote', 'The "Best" Exam', 'The #34;Best#34; Exam'],
  ['angle brackets', 'A <b> exam', 'A #60;b#62; exam'],
  ['a hash', 'C# exam', 'C#35; exam'],
])('escapes %s so a name cannot end its label early', (_what, name, escaped) => {
  const graph: RequirementGraph = {
    root: 'Exam:X',
    asOf: '2026-01-01',
    nodes: [{ id: 'Exam:X', kind: EXAM, code: 'X', name }],
    edges: [],
  };
  expect(toMermaid(graph)).toContain(`n0["${escaped}<br/>X"]`);
});

test('labels a nested ALL_OF group and skips an edge to a node outside the graph', () => {
  const graph: RequirementGraph = {
    root: 'Certification:c',
    asOf: '2026-01-01',
    nodes: [
      { id: 'Certification:c', kind: CERTIFICATION, code: 'c', name: 'C' },
      { id: 'RequirementGroup:c/0', kind: GROUP, mode: 'ALL_OF' },
    ],
    edges: [
      {
        from: 'Certification:c',
        to: 'RequirementGroup:c/0',
        type: REQUIRES,
        position: 0,
        ...FACTS,
      },
      { from: 'RequirementGroup:c/0', to: 'Exam:gone', type: REQUIRES, position: 0, ...FACTS },
    ],
  };
  const text = toMermaid(graph);
  expect(text).toContain('n1{{"all of"}}');
  expect(text).toContain('n0 --> n1');
  expect(text).not.toContain('gone');
  expect(text.match(/-->/g)).toHaveLength(1);
});

test('greys an item retired on the day and dashes an unconfirmed requirement', () => {
  const graph: RequirementGraph = {
    ...devops,
    nodes: devops.nodes.map((node) =>
      node.code === 'dev' ? { ...node, status: 'RETIRED' as const } : node,
    ),
    edges: devops.edges.map((edge) =>
      edge.to === 'Certification:dev' ? { ...edge, confidence: 'UNCONFIRMED' as const } : edge,
    ),
  };
  const text = toMermaid(graph);
  expect(text).toContain('n1("Developer<br/>dev<br/>(retired)")');
  expect(text).toContain('n5 -. or, unconfirmed .-> n1');
  expect(text).toContain('  class n1 retired');
  expect(toMermaid(devops)).not.toContain('retired');
});
