import { applyPlan } from './apply-merge';
import { MergePlan } from './plan-merge';
import { indexSeedFiles } from './seed-documents';

const EXAMS = `# Exams. This comment stays.
exams:
  - code: AZ-400
    name: DevOps Solutions # the seed's wording
    url: https://example.org/az-400
    confidence: official
    sources: &shared
      - https://example.org/seed
    notes:
      - >-
        A long note the curator wrapped by hand, which re-printing the document would wrap
        differently.

  - code: AZ-104
    name: Administrator
    confidence: official
    sources: *shared
`;
const COURSES = `courses:
  - code: AZ-400T00
    name: DevOps course
    exams: [AZ-400]
    confidence: official
    sources: [https://example.org/az-400t00]
`;

const seeds = () =>
  indexSeedFiles([
    { name: 'microsoft/exams.yaml', text: EXAMS },
    { name: 'microsoft/courses.yaml', text: COURSES },
  ]);
const nothing: MergePlan = { added: [], changed: [], skipped: [] };

test('edits go into the items in place; comments, anchors and wrapping stay', () => {
  const files = applyPlan(
    {
      ...nothing,
      changed: [
        {
          kind: 'exams',
          code: 'AZ-400',
          field: 'name',
          from: 'DevOps Solutions',
          to: 'Designing: DevOps',
        },
        { kind: 'exams', code: 'AZ-104', field: 'url', to: 'https://learn.microsoft.com/az-104/' },
        {
          kind: 'courses',
          code: 'AZ-400T00',
          field: 'exams',
          from: ['AZ-400'],
          to: ['AZ-400', 'AZ-104'],
        },
        {
          kind: 'courses',
          code: 'AZ-400T00',
          field: 'duration',
          to: {
            hours: 32,
            confidence: 'official',
            sources: ['https://learn.microsoft.com/api/catalog/'],
          },
        },
        {
          kind: 'courses',
          code: 'AZ-400T00',
          field: 'sources',
          from: ['https://example.org/az-400t00'],
          to: ['https://example.org/az-400t00', 'https://learn.microsoft.com/x,y/'],
        },
      ],
    },
    seeds(),
    'microsoft/imported',
  );
  expect(files.get('microsoft/exams.yaml')).toEqual({
    before: EXAMS,
    after: EXAMS.replace('name: DevOps Solutions #', 'name: "Designing: DevOps" #').replace(
      '    name: Administrator\n',
      '    name: Administrator\n    url: https://learn.microsoft.com/az-104/\n',
    ),
  });
  expect(files.get('microsoft/courses.yaml')!.after).toBe(`courses:
  - code: AZ-400T00
    name: DevOps course
    exams: [AZ-400, AZ-104]
    duration:
      hours: 32
      confidence: official
      sources: [https://learn.microsoft.com/api/catalog/]
    confidence: official
    sources: [https://example.org/az-400t00, "https://learn.microsoft.com/x,y/"]
`);
});

test('new items go to <into>/<kind>.yaml, appended after what an earlier import wrote', () => {
  const item = (code: string) => ({
    kind: 'exams' as const,
    code,
    value: { code, name: `Exam ${code}`, confidence: 'official', sources: ['https://a.org/'] },
  });
  const first = applyPlan({ ...nothing, added: [item('AZ-700')] }, seeds(), 'microsoft/imported');
  const written = first.get('microsoft/imported/exams.yaml')!;
  expect(written.before).toBeUndefined();
  expect(written.after).toMatch(/^# Items added by `npm run import`/);
  expect(written.after).toContain('\nexams:\n  - code: AZ-700\n');

  const again = indexSeedFiles([{ name: 'microsoft/imported/exams.yaml', text: written.after }]);
  const second = applyPlan({ ...nothing, added: [item('AZ-120')] }, again, 'microsoft/imported');
  expect(second.get('microsoft/imported/exams.yaml')!.after).toBe(
    `${written.after}
  - code: AZ-120
    name: Exam AZ-120
    confidence: official
    sources:
      - https://a.org/
`,
  );
});

test('an anchored field is reported by the index; an aliased list becomes a list of its own', () => {
  const documents = seeds();
  expect(documents.items.exams.get('AZ-400')!.anchored).toEqual(['sources']);
  expect(documents.items.exams.get('AZ-104')!.anchored).toEqual([]);
  const files = applyPlan(
    {
      ...nothing,
      changed: [
        {
          kind: 'exams',
          code: 'AZ-104',
          field: 'sources',
          from: ['https://example.org/seed'],
          to: ['https://example.org/seed', 'https://learn.microsoft.com/az-104/'],
        },
      ],
    },
    documents,
    'microsoft/imported',
  );
  expect(files.get('microsoft/exams.yaml')!.after).toBe(
    EXAMS.replace(
      'sources: *shared\n',
      'sources:\n      - https://example.org/seed\n      - https://learn.microsoft.com/az-104/\n',
    ),
  );
});
