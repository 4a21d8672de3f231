import { parseSeedFile } from '../../src/seed/parse-seed-file';
import { validateCatalog } from '../../src/seed/validate-catalog';
import { createTestApi, TestApi } from '../support/test-api';
import { openTestDatabase, resetAndLoad, TestDatabase } from '../support/test-database';

/**
 * Plans against the calendar, on a catalog made for it: the cheaper alternative needs an exam
 * that retires, a held certification outlives its exam, and a target retires with a successor.
 */
const CATALOG = `
certifications:
  - code: architect
    name: Architect Expert
    level: EXPERT
    confidence: official
    sources: [https://example.org/architect]
    requires:
      - oneOf:
          - certification: old-associate
          - certification: new-associate
      - exam: ARC-1
  - code: old-associate
    name: Old Associate
    level: ASSOCIATE
    confidence: official
    sources: [https://example.org/old]
    requires: [{ exam: OLD-1 }]
    lifecycle:
      retiredOn: 2025-06-30
      replacedBy: new-associate
      confidence: official
      sources: [https://example.org/retirements]
  - code: new-associate
    name: New Associate
    level: ASSOCIATE
    confidence: official
    sources: [https://example.org/new]
    requires: [{ exam: NEW-1 }, { exam: NEW-2 }]
  - code: legacy-expert
    name: Legacy Expert
    level: EXPERT
    confidence: official
    sources: [https://example.org/legacy]
    requires: [{ certification: old-associate }, { exam: LEG-1 }]
    lifecycle:
      retiredOn: 2025-06-30
      successor: architect
      confidence: secondary
      sources: [https://blog.example/legacy]
exams:
  - { code: ARC-1, name: Architecture, confidence: official, sources: [https://example.org/arc-1] }
  - code: OLD-1
    name: Old exam
    confidence: official
    sources: [https://example.org/old-1]
    lifecycle: { retiredOn: 2025-06-30, confidence: official, sources: [https://example.org/retirements] }
  - { code: NEW-1, name: New exam one, confidence: official, sources: [https://example.org/new-1] }
  - { code: NEW-2, name: New exam two, confidence: official, sources: [https://example.org/new-2] }
  - code: LEG-1
    name: Legacy exam
    confidence: official
    sources: [https://example.org/leg-1]
    lifecycle: { retiredOn: 2025-06-30, confidence: official, sources: [https://example.org/retirements] }
`;

const PLAN = `query($target: String!, $asOf: Date, $holding: [String!]) {
  plan(target: $target, asOf: $asOf, holding: $holding) {
    targetStatus examCount noPathReason
    path { exams { code } certifications { code } }
    successors { code }
  }
}`;

let db: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  const { catalog, problems } = parseSeedFile('calendar.yaml', CATALOG);
  expect([...problems, ...validateCatalog(catalog)]).toEqual([]);
  db = await openTestDatabase();
  await resetAndLoad(db.database, catalog);
  api = await createTestApi(db.database);
});
afterAll(async () => {
  await api?.stop();
  await db?.close();
});

type PlanData = {
  plan: {
    targetStatus: string;
    examCount: number | null;
    noPathReason: string | null;
    path: { exams: { code: string }[]; certifications: { code: string }[] } | null;
    successors: { code: string }[];
  };
};
const plan = async (target: string, asOf: string, holding: string[] = []) =>
  (await api.query<PlanData>(PLAN, { target, asOf, holding })).plan;
const examsOf = (p: PlanData['plan']) => p.path?.exams.map((e) => e.code);

test('while the cheaper alternative can be taken, the plan uses it; once its exam retired, the live one', async () => {
  expect(examsOf(await plan('architect', '2025-06-30'))).toEqual(['OLD-1', 'ARC-1']);
  expect(examsOf(await plan('architect', '2025-07-01'))).toEqual(['NEW-1', 'NEW-2', 'ARC-1']);
});

test('a held retired certification still counts, and so does a held retired exam', async () => {
  expect(examsOf(await plan('architect', '2026-01-01', ['old-associate']))).toEqual(['ARC-1']);
  expect(examsOf(await plan('architect', '2026-01-01', ['OLD-1']))).toEqual(['ARC-1']);
});

test('a retired target: no path, why, and where Microsoft points instead', async () => {
  const retired = await plan('legacy-expert', '2026-01-01');
  expect(retired).toEqual({
    targetStatus: 'RETIRED',
    examCount: null,
    path: null,
    noPathReason:
      'Legacy Expert: certification legacy-expert retired on 2025-06-30, so it cannot be earned on 2026-01-01. Microsoft points to Architect Expert (architect).',
    successors: [{ code: 'architect' }],
  });
  // Holding everything it needed still earns it: it was earned while it could be.
  const held = await plan('legacy-expert', '2026-01-01', ['old-associate', 'LEG-1']);
  expect(held).toMatchObject({ examCount: 0, path: { exams: [] } });
});

test('a live target that only retired items lead to: no path, and the blocking items named', async () => {
  const { catalog } = parseSeedFile(
    'calendar.yaml',
    CATALOG.replace(
      / {2}- code: legacy-expert[\s\S]*?sources: \[https:\/\/blog.example\/legacy\]\n/,
      `  - code: legacy-expert
    name: Legacy Expert
    level: EXPERT
    confidence: official
    sources: [https://example.org/legacy]
    requires: [{ certification: old-associate }, { exam: LEG-1 }]
`,
    ),
  );
  await resetAndLoad(db.database, catalog);
  const stuck = await plan('legacy-expert', '2026-01-01');
  // Not retired by its own dates, but with no way left: BLOCKED, not a normal ACTIVE item.
  expect(stuck.targetStatus).toBe('BLOCKED');
  expect(stuck.noPathReason).toBe(
    'No way to Legacy Expert remains on 2026-01-01: certification old-associate retired on 2025-06-30; exam LEG-1 retired on 2025-06-30.',
  );
});
