/**
 * Runs every named query of schema/queries/ against the seeded graph (and a small catalog with
 * nested choices), with the parameters its header shows, so none of them rots. Dated questions
 * name their day: "today" is pinned to 2026-11-27, the day the seeds' facts were last checked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Node, Path as Neo4jPath, Relationship, isDate } from 'neo4j-driver';
import { ExplorationQuery, loadExplorationQueries } from '../../src/browser/exploration-queries';
import { createTestApi } from '../support/test-api';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

const COVERED = [
  'alternatives.cypher',
  'catalog-changes.cypher',
  'certifications-by-validity.cypher',
  'exam-unlocks.cypher',
  'requirement-history.cypher',
  'requirement-tree.cypher',
  'retired-items.cypher',
  'shortest-chain.cypher',
  'unconfirmed-facts.cypher',
  'validity-policies.cypher',
];

/** Statuses of an item that can be taken or earned by its own dates. */
const AVAILABLE = ['BETA', 'ACTIVE', 'RETIRING'];

/** The seed document's day, and "today" as the seeds were last checked. */
const SEED_DAY = '2021-06-01';
const TODAY = '2026-11-27';

let db: TestDatabase;
let queries: Map<string, ExplorationQuery>;

beforeAll(async () => {
  db = await openTestDatabase();
  queries = new Map((await loadExplorationQueries()).map((query) => [query.file, query]));
});
afterAll(() => db.close());

/** The values Browser gives `:param name => expression`: the expression evaluated by Neo4j. */
async function exampleParams(file: string): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const { name, expression } of queries.get(file)!.exampleParams) {
    const result = await db.database.read((tx) => tx.run(`RETURN ${expression} AS value`));
    params[name] = result.records[0].get('value');
  }
  return params;
}

/** Neo4j dates as YYYY-MM-DD text, so rows compare with plain values. */
const plain = (value: unknown): unknown =>
  isDate(value as object) ? String(value) : Array.isArray(value) ? value.map(plain) : value;

async function run(file: string, params?: Record<string, unknown>) {
  const cypher = queries.get(file)!.cypher;
  const values = params ?? (await exampleParams(file));
  const result = await db.database.read((tx) => tx.run(cypher, values));
  return result.records.map((record) =>
    Object.fromEntries(Object.entries(record.toObject()).map(([k, v]) => [k, plain(v)])),
  );
}

/** The named query with the header's example parameters, some of them replaced. */
const runWith = async (file: string, params: Record<string, unknown>) =>
  run(file, { ...(await exampleParams(file)), ...params });

const key = (node: { properties: Record<string, unknown> }) =>
  String(node.properties.code ?? node.properties.id);
/** A path as `from -TYPE-> to` steps, keyed by code (items) or id (groups). */
const steps = (path: Neo4jPath) =>
  path.segments.map(
    (segment) => `${key(segment.start)} -${segment.relationship.type}-> ${key(segment.end)}`,
  );
/** The rows of the requirement tree (parent, step, child) as `from -TYPE-> to` steps. */
const treeOf = (rows: Record<string, unknown>[]) =>
  rows.map((row) => {
    const [parent, step, child] = [row.parent as Node, row.step as Relationship, row.child as Node];
    return `${key(parent)} -${step.type}-> ${key(child)}`;
  });

test('every query file is covered here, and every header is well formed', () => {
  expect([...queries.keys()]).toEqual(COVERED);
});

describe('the seeded Microsoft catalog', () => {
  beforeAll(() => resetAndSeed(db.database));

  test('requirement tree of DevOps Engineer Expert: AZ-400 and a choice between two associates', async () => {
    const rows = await runWith('requirement-tree.cypher', { asOf: SEED_DAY });
    // Outline order: the choice comes first because the seed lists it before AZ-400.
    expect(treeOf(rows)).toEqual([
      'devops-engineer -REQUIRES-> devops-engineer/1',
      'devops-engineer/1 -ONE_OF-> azure-administrator',
      'azure-administrator -REQUIRES-> AZ-104',
      'devops-engineer/1 -ONE_OF-> azure-developer',
      'azure-developer -REQUIRES-> AZ-204',
      'devops-engineer -REQUIRES-> AZ-400',
    ]);
    expect(rows.map((row) => row.status)).toEqual([
      null,
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
    const choice = rows
      .map((row) => row.child as Node)
      .find((node) => node.labels.includes('OneOf'));
    expect(choice?.labels.sort()).toEqual(['OneOf', 'RequirementGroup']);
    expect(choice?.properties).toMatchObject({ id: 'devops-engineer/1', mode: 'ONE_OF' });
  });

  test('requirement tree of DevOps Engineer Expert today: the same tree, Azure Developer Associate and AZ-204 retired', async () => {
    const rows = await runWith('requirement-tree.cypher', { asOf: TODAY });
    expect(rows.map((row) => [treeOf([row])[0], row.status])).toEqual([
      ['devops-engineer -REQUIRES-> devops-engineer/1', null],
      ['devops-engineer/1 -ONE_OF-> azure-administrator', 'ACTIVE'],
      ['azure-administrator -REQUIRES-> AZ-104', 'ACTIVE'],
      ['devops-engineer/1 -ONE_OF-> azure-developer', 'RETIRED'],
      ['azure-developer -REQUIRES-> AZ-204', 'RETIRED'],
      ['devops-engineer -REQUIRES-> AZ-400', 'ACTIVE'],
    ]);
    // The day retired: 2026-07-31 was the last day, so the next one is the first without it.
    const statusOfDeveloper = async (asOf: string) =>
      (await runWith('requirement-tree.cypher', { asOf })).find(
        (row) => key(row.child as Node) === 'azure-developer',
      )!.status;
    expect(await statusOfDeveloper('2026-07-31')).toBe('ACTIVE');
    expect(await statusOfDeveloper('2026-08-01')).toBe('RETIRED');
  });

  test('requirement tree of Azure Solutions Architect Expert: AZ-303 + AZ-304 until 2022-03-31, then Azure Administrator Associate + AZ-305', async () => {
    const tree = async (asOf: string) =>
      treeOf(await runWith('requirement-tree.cypher', { code: 'azure-solutions-architect', asOf }));
    const before = [
      'azure-solutions-architect -REQUIRES-> AZ-303',
      'azure-solutions-architect -REQUIRES-> AZ-304',
    ];
    const after = [
      'azure-solutions-architect -REQUIRES-> azure-administrator',
      'azure-administrator -REQUIRES-> AZ-104',
      'azure-solutions-architect -REQUIRES-> AZ-305',
    ];
    expect(await tree(SEED_DAY)).toEqual(before);
    expect(await tree('2022-03-31')).toEqual(before);
    expect(await tree('2022-04-01')).toEqual(after);
    expect(await tree(TODAY)).toEqual(after);
  });

  test('requirement tree: $asOf may be a date, YYYY-MM-DD text, or null for today', async () => {
    const today = await db.database.read(async (tx) =>
      String((await tx.run('RETURN toString(date()) AS today')).records[0].get('today')),
    );
    const asOfDate = await db.database.read(async (tx) =>
      (await tx.run("RETURN date('2021-06-01') AS day")).records[0].get('day'),
    );
    const code = 'azure-solutions-architect';
    expect(treeOf(await run('requirement-tree.cypher', { code, asOf: asOfDate }))).toEqual(
      treeOf(await run('requirement-tree.cypher', { code, asOf: '2021-06-01' })),
    );
    expect(treeOf(await run('requirement-tree.cypher', { code, asOf: null }))).toEqual(
      treeOf(await run('requirement-tree.cypher', { code, asOf: today })),
    );
  });

  test('requirement tree: any letter case finds the certification; an unknown code finds nothing', async () => {
    expect(
      treeOf(await runWith('requirement-tree.cypher', { code: 'Azure-Administrator' })),
    ).toEqual(['azure-administrator -REQUIRES-> AZ-104']);
    expect(await runWith('requirement-tree.cypher', { code: 'no-such-certification' })).toEqual([]);
  });

  test('the requirement tree is the API requirementGraph, edges and statuses, for every certification on every day that matters', async () => {
    const api = await createTestApi(db.database);
    try {
      const codes = await db.database.read(async (tx) =>
        (await tx.run('MATCH (c:Certification) RETURN c.code AS code ORDER BY code')).records.map(
          (r) => r.get('code') as string,
        ),
      );
      expect(codes).toHaveLength(31);
      // The API's graph node ids carry the day the graph is drawn for.
      const idOf = (node: Node, asOf: string) =>
        `${node.labels.find((l) => l !== 'OneOf' && l !== 'AllOf')}:${key(node)}@${asOf}`;
      const days = [SEED_DAY, '2022-04-01', '2023-10-01', '2026-07-31', '2026-09-01', TODAY];
      for (const code of codes) {
        for (const asOf of days) {
          const { certification } = await api.query<{
            certification: {
              requirementGraph: {
                nodes: { id: string; status: string | null }[];
                edges: { from: string; to: string; type: string }[];
              };
            };
          }>(
            `query ($code: String!, $asOf: Date) { certification(code: $code) {
              requirementGraph(asOf: $asOf) { nodes { id status } edges { from to type } } } }`,
            { code, asOf },
          );
          const rows = await runWith('requirement-tree.cypher', { code, asOf });
          const graph = certification.requirementGraph;
          const fromCypher = rows.map(
            (row) =>
              `${idOf(row.parent as Node, asOf)} -${(row.step as Relationship).type}-> ${idOf(row.child as Node, asOf)} ${String(row.status)}`,
          );
          // Browser shows the lifecycle status; the API says BLOCKED where an item available by
          // its own dates has no use left that day, which only an available status can become.
          const inCypher = new Map(
            rows.map((row) => [idOf(row.child as Node, asOf), row.status as string | null]),
          );
          const status = new Map(
            graph.nodes.map((node) => {
              const lifecycle = inCypher.get(node.id);
              const blocked = node.status === 'BLOCKED' && AVAILABLE.includes(lifecycle ?? '');
              return [node.id, blocked ? lifecycle : node.status];
            }),
          );
          const fromApi = graph.edges.map(
            (edge) => `${edge.from} -${edge.type}-> ${edge.to} ${status.get(edge.to)}`,
          );
          expect([code, asOf, fromCypher.sort()]).toEqual([code, asOf, fromApi.sort()]);
        }
      }
    } finally {
      await api.stop();
    }
  });

  test('alternatives of DevOps Engineer Expert: administrator (AZ-104) or developer (AZ-204), retired today', async () => {
    const administrator = {
      choice: 'devops-engineer/1',
      option: 1,
      kind: 'Certification',
      item: 'azure-administrator',
      name: 'Azure Administrator Associate',
      requires: ['AZ-104'],
      status: 'ACTIVE',
      confidence: 'OFFICIAL',
    };
    const developer = {
      choice: 'devops-engineer/1',
      option: 2,
      kind: 'Certification',
      item: 'azure-developer',
      name: 'Azure Developer Associate',
      requires: ['AZ-204'],
      status: 'ACTIVE',
      confidence: 'OFFICIAL',
    };
    expect(await runWith('alternatives.cypher', { asOf: SEED_DAY })).toEqual([
      administrator,
      developer,
    ]);
    expect(await runWith('alternatives.cypher', { asOf: TODAY })).toEqual([
      administrator,
      { ...developer, status: 'RETIRED' },
    ]);
  });

  test('alternatives: the Power Platform architect chooses between two associates, four unconfirmed Dynamics 365 ones from 2022; AZ-303 + AZ-304 leave no choice', async () => {
    const options = async (asOf: string) =>
      (
        await runWith('alternatives.cypher', {
          code: 'power-platform-solution-architect-expert',
          asOf,
        })
      ).map((row) => [row.option, row.item, row.requires, row.status, row.confidence]);
    expect(await options(SEED_DAY)).toEqual([
      [1, 'power-platform-functional-consultant-associate', ['PL-200'], 'ACTIVE', 'OFFICIAL'],
      [2, 'power-platform-developer-associate', ['PL-400'], 'ACTIVE', 'OFFICIAL'],
    ]);
    expect(await options('2023-01-01')).toEqual([
      [1, 'power-platform-functional-consultant-associate', ['PL-200'], 'ACTIVE', 'OFFICIAL'],
      [2, 'power-platform-developer-associate', ['PL-400'], 'ACTIVE', 'OFFICIAL'],
      [3, 'd365-functional-consultant-customer-service-v3', ['MB-230'], 'ACTIVE', 'UNCONFIRMED'],
      [4, 'd365-functional-consultant-field-service', ['MB-240'], 'ACTIVE', 'UNCONFIRMED'],
      [5, 'd365-functional-consultant-sales', ['MB-210'], 'ACTIVE', 'UNCONFIRMED'],
      [6, 'd365-functional-consultant-marketing', ['MB-220'], 'ACTIVE', 'UNCONFIRMED'],
    ]);
    for (const asOf of [SEED_DAY, TODAY]) {
      expect(
        await runWith('alternatives.cypher', { code: 'azure-solutions-architect', asOf }),
      ).toEqual([]);
    }
  });

  test('alternatives of Cybersecurity Architect Expert keep their numbers: MS-500 went in 2023, Azure Security Engineer for Cloud and AI Security Engineer in 2026', async () => {
    const options = async (asOf: string) =>
      (await runWith('alternatives.cypher', { code: 'cybersecurity-architect-expert', asOf })).map(
        (row) => [row.option, row.item, row.status, row.confidence],
      );
    expect(await options('2023-06-30')).toEqual([
      [1, 'identity-and-access-administrator', 'ACTIVE', 'OFFICIAL'],
      [2, 'security-operations-analyst', 'ACTIVE', 'OFFICIAL'],
      [3, 'azure-security-engineer', 'ACTIVE', 'SECONDARY'],
      [4, 'MS-500', 'ACTIVE', 'SECONDARY'],
    ]);
    expect(await options(TODAY)).toEqual([
      [1, 'identity-and-access-administrator', 'ACTIVE', 'OFFICIAL'],
      [2, 'security-operations-analyst', 'ACTIVE', 'OFFICIAL'],
      [5, 'cloud-and-ai-security-engineer-associate', 'ACTIVE', 'SECONDARY'],
    ]);
  });

  test('AZ-104 unlocks Azure Administrator Associate, through it DevOps Engineer Expert, and from 2022-04-01 Azure Solutions Architect Expert', async () => {
    const unlocks = async (asOf: string) =>
      (await runWith('exam-unlocks.cypher', { asOf })).map((row) => [
        row.certification,
        row.level,
        row.status,
        row.confidence,
        steps(row.path as Neo4jPath),
      ]);
    const administrator = [
      'azure-administrator',
      'ASSOCIATE',
      'ACTIVE',
      'OFFICIAL',
      ['azure-administrator -REQUIRES-> AZ-104'],
    ];
    const devops = [
      'devops-engineer',
      'EXPERT',
      'ACTIVE',
      'OFFICIAL',
      [
        'devops-engineer -REQUIRES-> devops-engineer/1',
        'devops-engineer/1 -ONE_OF-> azure-administrator',
        'azure-administrator -REQUIRES-> AZ-104',
      ],
    ];
    expect(await unlocks(SEED_DAY)).toEqual([administrator, devops]);
    expect(await unlocks(TODAY)).toEqual([
      administrator,
      [
        'azure-solutions-architect',
        'EXPERT',
        'ACTIVE',
        'OFFICIAL',
        [
          'azure-solutions-architect -REQUIRES-> azure-administrator',
          'azure-administrator -REQUIRES-> AZ-104',
        ],
      ],
      devops,
    ]);
  });

  test('exam unlocks: az-400 in any case counts towards DevOps Engineer Expert only; AZ-303 only until 2022-03-31', async () => {
    const certifications = async (code: string, asOf: string) =>
      (await runWith('exam-unlocks.cypher', { code, asOf })).map((row) => row.certification);
    expect(await certifications('az-400', TODAY)).toEqual(['devops-engineer']);
    expect(await certifications('AZ-303', SEED_DAY)).toEqual(['azure-solutions-architect']);
    expect(await certifications('AZ-303', '2022-04-01')).toEqual([]);
  });

  test('exam unlocks: PL-200 today, with the retired certifications marked and the unconfirmed AB-100 option graded so', async () => {
    const rows = await runWith('exam-unlocks.cypher', { code: 'PL-200', asOf: TODAY });
    expect(rows.map((row) => [row.certification, row.status, row.confidence])).toEqual([
      ['power-platform-functional-consultant-associate', 'RETIRED', 'OFFICIAL'],
      ['agentic-ai-business-solutions-architect', 'ACTIVE', 'UNCONFIRMED'],
      ['power-platform-solution-architect-expert', 'RETIRED', 'OFFICIAL'],
    ]);
  });

  test('shortest chain from Azure Administrator Associate to DevOps Engineer Expert goes through the choice', async () => {
    const rows = await runWith('shortest-chain.cypher', { asOf: TODAY });
    expect(rows.map((row) => row.chain)).toEqual([
      ['azure-administrator', 'devops-engineer/1', 'devops-engineer'],
    ]);
  });

  test('shortest chain: Azure Administrator Associate counts towards Azure Solutions Architect Expert from 2022-04-01 only', async () => {
    const chain = async (asOf: string) =>
      (await runWith('shortest-chain.cypher', { expert: 'azure-solutions-architect', asOf })).map(
        (row) => row.chain,
      );
    expect(await chain('2022-03-31')).toEqual([]);
    expect(await chain('2022-04-01')).toEqual([
      ['azure-administrator', 'azure-solutions-architect'],
    ]);
  });

  test('shortest chain: none upwards, and none from an associate that does not count', async () => {
    const none = [
      { associate: 'devops-engineer', expert: 'azure-administrator' },
      { associate: 'power-platform-developer-associate', expert: 'devops-engineer' },
    ];
    for (const params of none) {
      expect(await runWith('shortest-chain.cypher', { ...params, asOf: TODAY })).toEqual([]);
    }
  });

  test('retired items: as of the seed document only exams it does not name, retired in 2020; AZ-303, AZ-304 and the MB-600 architect by mid-2022', async () => {
    // The 2019 Microsoft 365 exams and AZ-300/AZ-301 retired before it; none it names had.
    const retiredIn2020 = [
      'Exam MS-200 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-201 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-300 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-301 RETIRED 2020-08-31 SECONDARY',
      'Exam AZ-300 RETIRED 2020-09-30 replacedBy AZ-303 SECONDARY',
      'Exam AZ-301 RETIRED 2020-09-30 replacedBy AZ-304 SECONDARY',
    ];
    expect((await runWith('retired-items.cypher', { asOf: SEED_DAY })).map(retiredRow)).toEqual(
      retiredIn2020,
    );
    // No source dates the retirement of AZ-303T00 and AZ-304T00, so they are not listed.
    const rows = await runWith('retired-items.cypher', { asOf: '2022-06-01' });
    expect(rows.map(retiredRow)).toEqual([
      ...retiredIn2020,
      'Certification power-apps-and-d365-solution-architect-expert RETIRED 2021-06-30 replacedBy power-platform-solution-architect-expert SECONDARY',
      'Exam MB-600 RETIRED 2021-06-30 replacedBy PL-600 SECONDARY',
      'Exam AZ-303 RETIRED 2022-03-31 replacedBy AZ-305 SECONDARY',
      'Exam AZ-304 RETIRED 2022-03-31 replacedBy AZ-305 SECONDARY',
    ]);
    // The graph view draws each item with its replacement.
    const az303 = rows.find((row) => row.code === 'AZ-303')!;
    expect((az303.item as Node).properties).toMatchObject({ code: 'AZ-303' });
    expect(steps(az303.replaced as Neo4jPath)).toEqual(['AZ-303 -REPLACED_BY-> AZ-305']);
    expect(az303.succeeded).toBeNull();
  });

  test('retired items today: 39 retired, and Microsoft 365 Administrator Expert with MS-102 and its course retiring on 2026-11-30', async () => {
    const rows = await runWith('retired-items.cypher', { asOf: TODAY });
    expect(rows.map(retiredRow)).toEqual([
      'Exam MS-200 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-201 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-300 RETIRED 2020-08-31 SECONDARY',
      'Exam MS-301 RETIRED 2020-08-31 SECONDARY',
      'Exam AZ-300 RETIRED 2020-09-30 replacedBy AZ-303 SECONDARY',
      'Exam AZ-301 RETIRED 2020-09-30 replacedBy AZ-304 SECONDARY',
      'Certification power-apps-and-d365-solution-architect-expert RETIRED 2021-06-30 replacedBy power-platform-solution-architect-expert SECONDARY',
      'Exam MB-600 RETIRED 2021-06-30 replacedBy PL-600 SECONDARY',
      'Exam AZ-303 RETIRED 2022-03-31 replacedBy AZ-305 SECONDARY',
      'Exam AZ-304 RETIRED 2022-03-31 replacedBy AZ-305 SECONDARY',
      'Certification d365-functional-consultant-manufacturing RETIRED 2023-06-30 UNCONFIRMED',
      'Certification m365-teams-voice-engineer-expert RETIRED 2023-06-30 SECONDARY',
      'Exam MB-320 RETIRED 2023-06-30 UNCONFIRMED',
      'Exam MS-500 RETIRED 2023-06-30 SECONDARY',
      'Exam MS-720 RETIRED 2023-06-30 SECONDARY',
      'Exam MD-100 RETIRED 2023-09-30 replacedBy MD-102 SECONDARY',
      'Exam MD-101 RETIRED 2023-09-30 replacedBy MD-102 SECONDARY',
      'Exam MS-100 RETIRED 2023-09-30 replacedBy MS-102 SECONDARY',
      'Exam MS-101 RETIRED 2023-09-30 replacedBy MS-102 SECONDARY',
      'Exam MB-300 RETIRED 2024-02-29 UNCONFIRMED',
      'Exam MB-210 RETIRED 2024-11-30 SECONDARY',
      'Exam MB-220 RETIRED 2024-11-30 SECONDARY',
      'Certification d365-finance-and-operations-apps-solution-architect-expert RETIRED 2026-06-30 succeededBy agentic-ai-business-solutions-architect SECONDARY',
      'Certification d365-functional-consultant-field-service RETIRED 2026-06-30 SECONDARY',
      'Certification d365-supply-chain-management-functional-consultant-expert RETIRED 2026-06-30 SECONDARY',
      'Certification power-platform-solution-architect-expert RETIRED 2026-06-30 succeededBy agentic-ai-business-solutions-architect SECONDARY',
      'Exam AI-102 RETIRED 2026-06-30 replacedBy AI-103 SECONDARY',
      'Exam MB-240 RETIRED 2026-06-30 SECONDARY',
      'Exam MB-335 RETIRED 2026-06-30 SECONDARY',
      'Exam MB-700 RETIRED 2026-06-30 SECONDARY',
      'Exam PL-600 RETIRED 2026-06-30 succeededBy AB-100 SECONDARY',
      'Certification azure-developer RETIRED 2026-07-31 replacedBy azure-ai-cloud-developer-associate SECONDARY',
      'Exam AZ-204 RETIRED 2026-07-31 replacedBy AI-200 OFFICIAL',
      'Certification azure-security-engineer RETIRED 2026-08-31 replacedBy cloud-and-ai-security-engineer-associate SECONDARY',
      'Certification power-platform-functional-consultant-associate RETIRED 2026-08-31 succeededBy AB-410 SECONDARY',
      'Exam AZ-500 RETIRED 2026-08-31 replacedBy SC-500 SECONDARY',
      'Exam PL-200 RETIRED 2026-08-31 replacedBy AB-410 SECONDARY',
      'Certification power-platform-developer-associate RETIRED 2026-10-30 succeededBy AB-400 OFFICIAL',
      'Exam PL-400 RETIRED 2026-10-30 replacedBy AB-400 OFFICIAL',
      // Secondary since a secondary first day joined the official retirement in the lifecycle.
      'Certification m365-administrator-expert RETIRING 2026-11-30 SECONDARY',
      'Course MS-102T00 RETIRING 2026-11-30 OFFICIAL',
      'Exam MS-102 RETIRING 2026-11-30 SECONDARY',
    ]);
    // Every REPLACED_BY and SUCCEEDED_BY edge of the graph starts at a retired item.
    const drawn = rows.flatMap((row) =>
      [row.replaced, row.succeeded].filter(Boolean).flatMap((p) => steps(p as Neo4jPath)),
    );
    const all = await db.database.read(async (tx) =>
      (
        await tx.run(
          'MATCH (a)-[r:REPLACED_BY|SUCCEEDED_BY]->(b) RETURN a.code + " -" + type(r) + "-> " + b.code AS step',
        )
      ).records.map((r) => r.get('step') as string),
    );
    // AZ-303T00 and AZ-304T00 were replaced by AZ-305T00, but no source dates their retirement,
    // so they are not listed as retired and their replacement is not drawn here.
    const undated = ['AZ-303T00 -REPLACED_BY-> AZ-305T00', 'AZ-304T00 -REPLACED_BY-> AZ-305T00'];
    expect(drawn.sort()).toEqual(all.filter((step) => !undated.includes(step)).sort());
    expect(all).toEqual(expect.arrayContaining(undated));
    expect(all).toHaveLength(24);
  });

  test('retired items are the items the API lists as RETIRED or RETIRING, on every day that matters', async () => {
    const api = await createTestApi(db.database);
    try {
      for (const asOf of [
        SEED_DAY,
        '2022-04-01',
        '2026-07-31',
        '2026-08-01',
        TODAY,
        '2027-01-01',
      ]) {
        const data = await api.query<Record<string, { nodes: { code: string; status: string }[] }>>(
          `query ($asOf: Date) {
            Certification: certifications(asOf: $asOf, status: [RETIRED, RETIRING], first: 100) { nodes { code status(asOf: $asOf) } }
            Exam: exams(asOf: $asOf, status: [RETIRED, RETIRING], first: 100) { nodes { code status(asOf: $asOf) } }
            Course: courses(asOf: $asOf, status: [RETIRED, RETIRING], first: 100) { nodes { code status(asOf: $asOf) } }
          }`,
          { asOf },
        );
        const fromApi = Object.entries(data).flatMap(([kind, { nodes }]) =>
          nodes.map((node) => `${kind} ${node.code} ${node.status}`),
        );
        const rows = await runWith('retired-items.cypher', { asOf });
        const fromCypher = rows.map((row) => [row.kind, row.code, row.status].join(' '));
        expect([asOf, fromCypher.sort()]).toEqual([asOf, fromApi.sort()]);
      }
    } finally {
      await api.stop();
    }
  });

  test('unconfirmed facts: four lifecycles and nine requirements, each with the page to check', async () => {
    const rows = await run('unconfirmed-facts.cypher');
    expect(rows.map((row) => [row.fact, row.certification, row.item, row.from, row.until])).toEqual(
      [
        ['lifecycle', null, 'MB-300', null, '2024-02-29'],
        ['lifecycle', null, 'MB-320', null, '2023-06-30'],
        ['lifecycle', null, 'PL-600T00', '2021-06-02', null],
        ['lifecycle', null, 'd365-functional-consultant-manufacturing', null, '2023-06-30'],
        ['requirement', 'agentic-ai-business-solutions-architect', 'MB-280', '2026-09-28', null],
        ['requirement', 'agentic-ai-business-solutions-architect', 'PL-200', null, null],
        [
          'requirement',
          'd365-finance-and-operations-apps-developer-associate',
          'MB-300',
          null,
          '2024-02-29',
        ],
        ['requirement', 'd365-functional-consultant-financials', 'MB-300', null, '2024-02-29'],
        [
          'requirement',
          'd365-supply-chain-management-functional-consultant-expert',
          'd365-functional-consultant-supply-chain-management',
          null,
          null,
        ],
        [
          'requirement',
          'power-platform-solution-architect-expert',
          'd365-functional-consultant-customer-service-v3',
          '2022-10-09',
          null,
        ],
        [
          'requirement',
          'power-platform-solution-architect-expert',
          'd365-functional-consultant-field-service',
          '2022-10-09',
          null,
        ],
        [
          'requirement',
          'power-platform-solution-architect-expert',
          'd365-functional-consultant-marketing',
          '2022-10-09',
          null,
        ],
        [
          'requirement',
          'power-platform-solution-architect-expert',
          'd365-functional-consultant-sales',
          '2022-10-09',
          null,
        ],
      ],
    );
    // Every fact names at least one page where it should be checked.
    for (const row of rows) expect((row.sources as string[]).length).toBeGreaterThan(0);
    // A requirement is drawn from its certification through the choice.
    const sales = rows.find(
      (row) =>
        row.certification === 'power-platform-solution-architect-expert' &&
        row.item === 'd365-functional-consultant-sales',
    )!;
    expect(steps(sales.graph as Neo4jPath)).toEqual([
      'power-platform-solution-architect-expert -REQUIRES-> power-platform-solution-architect-expert/1',
      'power-platform-solution-architect-expert/1 -ONE_OF-> d365-functional-consultant-sales',
    ]);
    expect(sales.sources).toEqual([
      'https://learn.microsoft.com/en-us/credentials/certifications/power-platform-solution-architect-expert/',
    ]);
    expect((sales.notes as string[])[0]).toMatch(/^Unconfirmed: the Learn page \(2022–2026\)/);
    const mb300 = rows.find((row) => row.fact === 'lifecycle' && row.item === 'MB-300')!;
    // The page to check first; then the sources of its first known day (dotnet/docfx test data).
    expect(mb300.sources).toEqual([
      'https://learn.microsoft.com/en-us/credentials/support/retired-certification-exams',
      'https://github.com/JurgenOnAzure/all-the-exams/blob/019d0910a1d45680777d54fdde349278eacd473b/README.md',
      'https://github.com/dotnet/docfx/pull/7179',
      'https://github.com/dotnet/docfx/pull/7177',
      'https://github.com/dotnet/docfx/pull/7748',
      'https://github.com/dotnet/docfx/pull/7763',
    ]);
    expect((mb300.graph as Node).labels).toEqual(['Exam']);
  });

  test('requirement history of Azure Solutions Architect Expert: AZ-300 and AZ-301 until 2020-09-30, AZ-303 and AZ-304 until 2022-03-31, Azure Administrator Associate and AZ-305 since 2022-04-01', async () => {
    const rows = await run('requirement-history.cypher');
    expect(
      rows.map((row) => [
        row.parent,
        row.type,
        row.item,
        row.validFrom,
        row.validUntil,
        row.confidence,
        row.itemRetiredOn,
      ]),
    ).toEqual([
      [
        'azure-solutions-architect',
        'REQUIRES',
        'AZ-303',
        '2020-10-01',
        '2022-03-31',
        'OFFICIAL',
        '2022-03-31',
      ],
      [
        'azure-solutions-architect',
        'REQUIRES',
        'AZ-304',
        '2020-10-01',
        '2022-03-31',
        'OFFICIAL',
        '2022-03-31',
      ],
      [
        'azure-solutions-architect',
        'REQUIRES',
        'azure-administrator',
        '2022-04-01',
        null,
        'OFFICIAL',
        null,
      ],
      ['azure-solutions-architect', 'REQUIRES', 'AZ-305', '2022-04-01', null, 'OFFICIAL', null],
      // The version before the seed document, listed last in the seeds.
      [
        'azure-solutions-architect',
        'REQUIRES',
        'AZ-300',
        null,
        '2020-09-30',
        'SECONDARY',
        '2020-09-30',
      ],
      [
        'azure-solutions-architect',
        'REQUIRES',
        'AZ-301',
        null,
        '2020-09-30',
        'SECONDARY',
        '2020-09-30',
      ],
    ]);
    expect(rows.map((row) => steps(row.path as Neo4jPath))).toEqual([
      ['azure-solutions-architect -REQUIRES-> AZ-303'],
      ['azure-solutions-architect -REQUIRES-> AZ-304'],
      ['azure-solutions-architect -REQUIRES-> azure-administrator'],
      ['azure-solutions-architect -REQUIRES-> AZ-305'],
      ['azure-solutions-architect -REQUIRES-> AZ-300'],
      ['azure-solutions-architect -REQUIRES-> AZ-301'],
    ]);
  });

  test('requirement history of Microsoft 365 Administrator Expert: a choice inside the 2019 structure is bounded by its group', async () => {
    const rows = await runWith('requirement-history.cypher', { code: 'm365-administrator-expert' });
    expect(
      rows.map((row) =>
        [
          row.parent,
          row.type,
          row.item,
          row.validFrom ?? '…',
          row.validUntil ?? '…',
          row.confidence,
        ].join(' '),
      ),
    ).toEqual([
      'm365-administrator-expert REQUIRES MS-100 … 2023-09-30 SECONDARY',
      'm365-administrator-expert REQUIRES MS-101 … 2023-09-30 SECONDARY',
      'm365-administrator-expert REQUIRES m365-administrator-expert/3 … 2023-09-30 SECONDARY',
      // The Modern Desktop option starts the day MD-101 is first known; its members with it.
      'm365-administrator-expert/3 ONE_OF m365-administrator-expert/3/1 2022-10-09 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/1 REQUIRES MD-100 2022-10-09 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/1 REQUIRES MD-101 2022-10-09 2023-09-30 SECONDARY',
      'm365-administrator-expert/3 ONE_OF m365-administrator-expert/3/2 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/2 REQUIRES MS-300 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/2 REQUIRES MS-301 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3 ONE_OF MS-500 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3 ONE_OF m365-administrator-expert/3/4 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/4 REQUIRES MS-200 … 2023-09-30 SECONDARY',
      'm365-administrator-expert/3/4 REQUIRES MS-201 … 2023-09-30 SECONDARY',
      'm365-administrator-expert REQUIRES m365-administrator-expert/4 2023-10-01 … SECONDARY',
      'm365-administrator-expert/4 ONE_OF modern-desktop 2023-10-01 … SECONDARY',
      'm365-administrator-expert/4 ONE_OF m365-teams-administrator-associate 2023-10-01 … SECONDARY',
      'm365-administrator-expert/4 ONE_OF identity-and-access-administrator 2023-10-01 … SECONDARY',
      // Information Security Administrator Associate is first known on 2026-09-28.
      'm365-administrator-expert/4 ONE_OF information-security-administrator 2026-09-28 … SECONDARY',
      'm365-administrator-expert REQUIRES MS-102 2023-10-01 … OFFICIAL',
    ]);
  });

  test('requirement history of DevOps Engineer Expert: one version, open at both ends', async () => {
    const rows = await runWith('requirement-history.cypher', { code: 'devops-engineer' });
    expect(rows.map((row) => [row.item, row.validFrom, row.validUntil, row.itemRetiredOn])).toEqual(
      [
        ['devops-engineer/1', null, null, null],
        ['azure-administrator', null, null, null],
        ['azure-developer', null, null, '2026-07-31'],
        ['AZ-400', null, null, null],
      ],
    );
  });
});

/** One row of the retired items as text: kind, code, status, day, replacement or successor, grade. */
const retiredRow = (row: Record<string, unknown>) =>
  [
    row.kind,
    row.code,
    row.status,
    row.retiredOn,
    ...(row.replacedBy ? ['replacedBy', row.replacedBy] : []),
    ...(row.succeededBy ? ['succeededBy', row.succeededBy] : []),
    row.confidence,
  ].join(' ');

describe('a catalog with nested choices', () => {
  let seedsDir: string;
  beforeAll(async () => {
    seedsDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-queries-'));
    await writeFile(path.join(seedsDir, 'nested.yaml'), NESTED_SEED);
    await resetAndSeed(db.database, seedsDir);
  });
  afterAll(() => rm(seedsDir, { recursive: true, force: true }));

  test('the requirement tree goes through required certifications, choices and all-of groups, in outline order', async () => {
    expect(treeOf(await runWith('requirement-tree.cypher', { code: 'expert-x' }))).toEqual([
      'expert-x -REQUIRES-> associate-y',
      'associate-y -REQUIRES-> associate-y/1',
      'associate-y/1 -ONE_OF-> EX-4',
      'associate-y/1 -ONE_OF-> fundamentals-z',
      'fundamentals-z -REQUIRES-> EX-5',
      'expert-x -REQUIRES-> expert-x/2',
      'expert-x/2 -ONE_OF-> EX-1',
      'expert-x/2 -ONE_OF-> expert-x/2/2',
      'expert-x/2/2 -REQUIRES-> EX-2',
      'expert-x/2/2 -REQUIRES-> EX-3',
    ]);
  });

  test('alternatives list choices of required certifications too; an all-of option lists its members', async () => {
    const rows = await runWith('alternatives.cypher', { code: 'expert-x' });
    expect(rows.map((row) => [row.choice, row.kind, row.item, row.requires])).toEqual([
      ['associate-y/1', 'Exam', 'EX-4', []],
      ['associate-y/1', 'Certification', 'fundamentals-z', ['EX-5']],
      ['expert-x/2', 'Exam', 'EX-1', []],
      ['expert-x/2', 'AllOf', 'expert-x/2/2', ['EX-2', 'EX-3']],
    ]);
  });

  test('an exam deep in the tree unlocks every certification above it', async () => {
    const rows = await runWith('exam-unlocks.cypher', { code: 'EX-5' });
    expect(rows.map((row) => row.certification)).toEqual([
      'fundamentals-z',
      'associate-y',
      'expert-x',
    ]);
    const viaAllOf = await runWith('exam-unlocks.cypher', { code: 'EX-3' });
    expect(viaAllOf.map((row) => steps(row.path as Neo4jPath))).toEqual([
      [
        'expert-x -REQUIRES-> expert-x/2',
        'expert-x/2 -ONE_OF-> expert-x/2/2',
        'expert-x/2/2 -REQUIRES-> EX-3',
      ],
    ]);
  });

  test('the shortest chain climbs through a choice and a required certification', async () => {
    const rows = await runWith('shortest-chain.cypher', {
      associate: 'fundamentals-z',
      expert: 'expert-x',
    });
    expect(rows.map((row) => row.chain)).toEqual([
      ['fundamentals-z', 'associate-y/1', 'associate-y', 'expert-x'],
    ]);
  });
});

const NESTED_SEED = `
certifications:
  - code: expert-x
    name: Expert X
    level: EXPERT
    requires:
      - certification: associate-y
      - oneOf:
          - exam: EX-1
          - allOf: [{ exam: EX-2 }, { exam: EX-3 }]
    confidence: official
    sources: [https://example.org/expert-x]
  - code: associate-y
    name: Associate Y
    level: ASSOCIATE
    requires:
      - oneOf: [{ exam: EX-4 }, { certification: fundamentals-z }]
    confidence: official
    sources: [https://example.org/associate-y]
  - code: fundamentals-z
    name: Fundamentals Z
    level: FUNDAMENTALS
    requires: [{ exam: EX-5 }]
    confidence: official
    sources: [https://example.org/fundamentals-z]
exams:
${[1, 2, 3, 4, 5].map((n) => `  - { code: EX-${n}, name: Exam ${n}, confidence: official, sources: [https://example.org/ex-${n}] }`).join('\n')}
`;

describe('validity policies as data', () => {
  beforeAll(() => resetAndSeed(db.database));

  test('validity policies: two role-based periods governing the 31 role-based certifications, and fundamentals', async () => {
    const rows = await run('validity-policies.cypher');
    expect(
      rows.map((row) => [
        row.id,
        row.validFrom,
        row.validUntil,
        row.expires,
        row.validityMonths,
        row.renewalOpensMonthsBeforeExpiry,
        row.validityConfidence,
        row.certifications,
      ]),
    ).toEqual([
      ['microsoft-fundamentals', null, null, false, null, null, 'OFFICIAL', 0],
      ['microsoft-role-based-one-year', '2021-06-30', null, true, 12, 6, 'OFFICIAL', 31],
      ['microsoft-role-based-two-years', null, '2021-06-29', true, 24, 6, 'OFFICIAL', 31],
    ]);
    expect(rows[1].sources).toContain(
      'https://learn.microsoft.com/en-us/credentials/support/credential-expiration-policy',
    );
  });

  test('certifications by validity rule: two years if earned on 2021-06-29, one year from 2021-06-30', async () => {
    const byPolicy = async (earnedOn: string) => {
      const rows = await run('certifications-by-validity.cypher', { earnedOn });
      const counts: Record<string, number> = {};
      for (const row of rows) {
        counts[row.policy as string] = (counts[row.policy as string] ?? 0) + 1;
      }
      return { counts, admin: rows.find((row) => row.code === 'azure-administrator') };
    };
    const before = await byPolicy('2021-06-29');
    expect(before.counts).toEqual({ 'microsoft-role-based-two-years': 31 });
    expect(before.admin).toMatchObject({ validityMonths: 24, renewalOpensMonthsBeforeExpiry: 6 });
    const after = await byPolicy('2021-06-30');
    expect(after.counts).toEqual({ 'microsoft-role-based-one-year': 31 });
    expect(after.admin).toMatchObject({ level: 'ASSOCIATE', validityMonths: 12 });
  });
});
