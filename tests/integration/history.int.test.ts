import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatedPaths, pathsOn } from '../support/dated-paths';
import { useSeededApi } from '../support/seeded-api';
import { ANY_STATUS } from '../support/statuses';

/**
 * The catalog as it really is: dated requirements, retirements, successors and provenance, read
 * through GraphQL from the real seeds in a real Neo4j. Every question names its day: "today"
 * answers are pinned to 2026-11-27, the day these facts were last checked against the reference.
 */
const seeded = useSeededApi();
const TODAY = '2026-11-27';
const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../fixtures/seed-2021', name), 'utf8');

test('as of 2021-06-01 the API gives exactly the seed document graph, as recorded before history existed', async () => {
  const data = await seeded.api.query(fixture('seed-graph.graphql'), { asOf: '2021-06-01' });
  expect(data).toEqual(JSON.parse(fixture('expected.json')));
});

const waysTo = (code: string, asOf: string, holding: string[] = []) =>
  pathsOn(seeded.api, code, asOf, { holding });
const examsOf = (paths: DatedPaths) =>
  paths.nodes.map((node) => node.exams.map((exam) => exam.code));

describe('today, per the reference', () => {
  test('Azure Solutions Architect Expert: Azure Administrator Associate (AZ-104), then AZ-305', async () => {
    const paths = await waysTo('azure-solutions-architect', TODAY);
    expect(examsOf(paths)).toEqual([['AZ-104', 'AZ-305']]);
    expect(paths.nodes[0].certifications.map((c) => c.code)).toEqual([
      'azure-administrator',
      'azure-solutions-architect',
    ]);
    expect(paths.nodes[0].confidence).toBe('OFFICIAL');
  });

  test('DevOps Engineer Expert: only through AZ-104 for someone who holds nothing (AZ-204 retired)', async () => {
    expect(examsOf(await waysTo('devops-engineer', TODAY))).toEqual([['AZ-104', 'AZ-400']]);
    // The day AZ-204 retired it could still be taken; the day after it could not.
    expect(examsOf(await waysTo('devops-engineer', '2026-07-31'))).toHaveLength(2);
    expect(examsOf(await waysTo('devops-engineer', '2026-08-01'))).toHaveLength(1);
  });

  test("the requirement graph shows each item's status and last day on the day asked", async () => {
    const data = await seeded.api.query<{
      certification: {
        requirementGraph: {
          nodes: { code: string | null; status: string | null; retiredOn: string | null }[];
        };
      };
    }>(
      `{ certification(code: "devops-engineer") { requirementGraph(asOf: "${TODAY}") { nodes { code status retiredOn } } } }`,
    );
    const byCode = new Map(data.certification.requirementGraph.nodes.map((n) => [n.code, n]));
    expect(byCode.get('AZ-204')).toEqual({
      code: 'AZ-204',
      status: 'RETIRED',
      retiredOn: '2026-07-31',
    });
    expect(byCode.get('AZ-104')).toEqual({ code: 'AZ-104', status: 'ACTIVE', retiredOn: null });
  });

  test('a held retired certification still counts where Microsoft accepts it', async () => {
    expect(examsOf(await waysTo('devops-engineer', TODAY, ['azure-developer']))).toEqual([
      ['AZ-400'],
    ]);
  });

  test('requirements as listed on the day: AZ-303 + AZ-304 until 2022-03-31, then the associate and AZ-305', async () => {
    const query = `query($asOf: Date) { certification(code: "azure-solutions-architect") {
      requirements(asOf: $asOf) { entries { validFrom validUntil confidence sources item { ... on Exam { code } ... on Certification { code } } } }
      requirementHistory { validFrom validUntil requirements { items { ... on Exam { code } ... on Certification { code } } } }
    } }`;
    type Data = {
      certification: {
        requirements: {
          entries: {
            validFrom: string | null;
            validUntil: string | null;
            item: { code: string };
          }[];
        };
        requirementHistory: {
          validFrom: string | null;
          validUntil: string | null;
          requirements: { items: { code: string }[] };
        }[];
      };
    };
    const before = await seeded.api.query<Data>(query, { asOf: '2022-03-31' });
    expect(
      before.certification.requirements.entries.map((e) => [e.item.code, e.validUntil]),
    ).toEqual([
      ['AZ-303', '2022-03-31'],
      ['AZ-304', '2022-03-31'],
    ]);
    const after = await seeded.api.query<Data>(query, { asOf: '2022-04-01' });
    expect(after.certification.requirements.entries.map((e) => [e.item.code, e.validFrom])).toEqual(
      [
        ['azure-administrator', '2022-04-01'],
        ['AZ-305', '2022-04-01'],
      ],
    );
    expect(
      after.certification.requirementHistory.map((set) => [
        set.validFrom,
        set.validUntil,
        set.requirements.items.map((item) => item.code),
      ]),
    ).toEqual([
      // The version before the seed document, from the reference's history (section B).
      [null, '2020-09-30', ['AZ-300', 'AZ-301']],
      ['2020-10-01', '2022-03-31', ['AZ-303', 'AZ-304']],
      ['2022-04-01', null, ['azure-administrator', 'AZ-305']],
    ]);
  });
});

test('a history of a choice: each version of Cybersecurity Architect Expert lists the options of its days', async () => {
  const data = await seeded.api.query<{
    certification: {
      requirementHistory: {
        validFrom: string | null;
        validUntil: string | null;
        requirements: { items: { code?: string; items?: { code: string }[] }[] };
      }[];
    };
  }>(`{ certification(code: "cybersecurity-architect-expert") { requirementHistory {
    validFrom validUntil
    requirements { items { ... on Exam { code } ... on RequirementGroup { items { ... on Exam { code } ... on Certification { code } } } } }
  } } }`);
  const versions = data.certification.requirementHistory.map((set) => [
    set.validFrom,
    set.validUntil,
    set.requirements.items.flatMap(
      (item) => item.items?.map((option) => option.code) ?? [item.code],
    ),
  ]);
  expect(versions).toEqual([
    [
      null,
      '2023-06-30',
      [
        'identity-and-access-administrator',
        'security-operations-analyst',
        'azure-security-engineer',
        'MS-500',
        'SC-100',
      ],
    ],
    [
      '2023-07-01',
      '2026-08-31',
      [
        'identity-and-access-administrator',
        'security-operations-analyst',
        'azure-security-engineer',
        'SC-100',
      ],
    ],
    [
      '2026-09-01',
      null,
      [
        'identity-and-access-administrator',
        'security-operations-analyst',
        'cloud-and-ai-security-engineer-associate',
        'SC-100',
      ],
    ],
  ]);
});

const PLAN = `query Plan($target: String!, $asOf: Date, $holding: [String!]) {
  plan(target: $target, asOf: $asOf, holding: $holding) {
    asOf targetStatus examCount noPathReason alreadyQualified
    path { confidence exams { code } }
    successors { __typename code name }
  }
}`;
type PlanData = {
  plan: {
    asOf: string;
    targetStatus: string;
    examCount: number | null;
    noPathReason: string | null;
    path: { confidence: string; exams: { code: string }[] } | null;
    successors: { __typename: string; code: string; name: string }[];
  };
};
const planFor = async (target: string, asOf?: string, holding: string[] = []) =>
  (await seeded.api.query<PlanData>(PLAN, { target, asOf, holding })).plan;

describe('plans use what can still be taken', () => {
  test('a retired target: no path, the reason, and the successor named', async () => {
    const plan = await planFor('power-platform-solution-architect-expert', TODAY);
    expect(plan).toMatchObject({ targetStatus: 'RETIRED', path: null, examCount: null });
    expect(plan.noPathReason).toContain('retired on 2026-06-30');
    expect(plan.noPathReason).toContain('agentic-ai-business-solutions-architect');
    expect(plan.successors.map((s) => s.code)).toEqual(['agentic-ai-business-solutions-architect']);
    // The same plan, before it retired, had a way.
    expect(
      (await planFor('power-platform-solution-architect-expert', '2026-06-30')).examCount,
    ).toBe(2);
  });

  test('asOf defaults to today (UTC)', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const plan = await planFor('devops-engineer');
    expect(plan.asOf).toBe(today);
    expect(plan).toEqual(await planFor('devops-engineer', today));
  });
});

describe('provenance', () => {
  const ITEM = 'code confidence sources lifecycle { confidence sources }';
  test('every item, requirement and lifecycle carries sources and a grade', async () => {
    const data = await seeded.api.query<{
      certifications: {
        nodes: {
          code: string;
          confidence: string;
          sources: string[];
          lifecycle: { confidence: string; sources: string[] } | null;
          requirementGraph: {
            edges: { from: string; to: string; confidence: string; sources: string[] }[];
          };
        }[];
      };
      exams: {
        nodes: {
          code: string;
          confidence: string;
          sources: string[];
          lifecycle: { confidence: string; sources: string[] } | null;
        }[];
      };
      courses: {
        nodes: {
          code: string;
          confidence: string;
          sources: string[];
          lifecycle: { confidence: string; sources: string[] } | null;
        }[];
      };
    }>(`{
      certifications(first: 100, status: ${ANY_STATUS}) { nodes { ${ITEM} requirementGraph(asOf: "2021-06-01") { edges { from to confidence sources } } } }
      exams(first: 100, status: ${ANY_STATUS}) { nodes { ${ITEM} } }
      courses(first: 100, status: ${ANY_STATUS}) { nodes { ${ITEM} } }
    }`);
    const items = [...data.certifications.nodes, ...data.exams.nodes, ...data.courses.nodes];
    expect(items.length).toBeGreaterThan(90);
    for (const item of items) {
      expect([item.code, item.sources.length > 0]).toEqual([item.code, true]);
      expect(['OFFICIAL', 'SECONDARY', 'UNCONFIRMED']).toContain(item.confidence);
      if (item.lifecycle) {
        expect([item.code, item.lifecycle.sources.length > 0]).toEqual([item.code, true]);
      }
    }
    const edges = data.certifications.nodes.flatMap((c) => c.requirementGraph.edges);
    expect(edges.length).toBeGreaterThan(10);
    for (const edge of edges) {
      expect([edge.from, edge.to, edge.sources.length > 0]).toEqual([edge.from, edge.to, true]);
    }
  });

  test('where two Microsoft pages disagree (AB-100), both lists are kept and the conflict is said', async () => {
    const data = await seeded.api.query<{
      certification: {
        requirements: {
          entries: {
            item: {
              __typename: string;
              entries?: { confidence: string; notes: string[]; item: { code: string } }[];
            };
          }[];
        };
      };
    }>(`{ certification(code: "agentic-ai-business-solutions-architect") {
      requirements(asOf: "${TODAY}") { entries { item { __typename ... on RequirementGroup { entries { confidence notes item { ... on Exam { code } ... on Certification { code } } } } } } }
    } }`);
    const choice = data.certification.requirements.entries.find(
      (e) => e.item.__typename === 'RequirementGroup',
    )!;
    const byCode = new Map(choice.item.entries!.map((e) => [e.item.code, e]));
    expect(byCode.get('MB-330')?.confidence).toBe('OFFICIAL');
    for (const code of ['MB-280', 'PL-200']) {
      expect(byCode.get(code)?.confidence).toBe('UNCONFIRMED');
      expect(byCode.get(code)?.notes.join(' ')).toMatch(/exam page/);
    }
  });

  test('paths through an unconfirmed alternative say so; plans avoid it by default', async () => {
    const paths = await waysTo('agentic-ai-business-solutions-architect', TODAY);
    const viaMb280 = paths.nodes.find((p) => p.exams.some((e) => e.code === 'MB-280'));
    expect(viaMb280?.confidence).toBe('UNCONFIRMED');
    const plan = await planFor('agentic-ai-business-solutions-architect', TODAY);
    expect(plan.path?.confidence).not.toBe('UNCONFIRMED');
  });
});

describe('status', () => {
  test('lists filter by status on a day; an item says its status on any day', async () => {
    const data = await seeded.api.query<{
      retired: { nodes: { code: string }[] };
      retiring: { nodes: { code: string }[] };
      az204: {
        before: string;
        after: string;
        retiredOn: string;
        replacedBy: { code: string } | null;
      };
    }>(`{
      retired: exams(status: [RETIRED], asOf: "${TODAY}", first: 100) { nodes { code } }
      retiring: certifications(status: [RETIRING], asOf: "${TODAY}") { nodes { code } }
      az204: exam(code: "AZ-204") { before: status(asOf: "2026-07-31") after: status(asOf: "2026-08-01") retiredOn replacedBy { code } }
    }`);
    const retired = data.retired.nodes.map((n) => n.code);
    expect(retired).toEqual(
      expect.arrayContaining(['AZ-204', 'AZ-303', 'AZ-304', 'PL-600', 'PL-400']),
    );
    expect(retired).not.toContain('AZ-104');
    expect(data.retiring.nodes.map((n) => n.code)).toContain('m365-administrator-expert');
    expect(data.az204).toEqual({
      before: 'ACTIVE',
      after: 'RETIRED',
      retiredOn: '2026-07-31',
      replacedBy: { code: 'AI-200' },
    });
  });
});
