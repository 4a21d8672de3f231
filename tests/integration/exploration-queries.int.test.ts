/**
 * Runs every named query of schema/queries/ against the seeded graph (and a small catalog with
 * nested choices), with the parameters its header shows, so none of them rots.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Node, Path as Neo4jPath, Relationship } from 'neo4j-driver';
import { ExplorationQuery, loadExplorationQueries } from '../../src/browser/exploration-queries';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

const COVERED = [
  'alternatives.cypher',
  'exam-unlocks.cypher',
  'requirement-tree.cypher',
  'shortest-chain.cypher',
];

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

async function run(file: string, params?: Record<string, unknown>) {
  const cypher = queries.get(file)!.cypher;
  const values = params ?? (await exampleParams(file));
  const result = await db.database.read((tx) => tx.run(cypher, values));
  return result.records.map((record) => record.toObject());
}

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
    const rows = await run('requirement-tree.cypher');
    // Outline order: the choice comes first because the seed lists it before AZ-400.
    expect(treeOf(rows)).toEqual([
      'devops-engineer -REQUIRES-> devops-engineer/1',
      'devops-engineer/1 -ONE_OF-> azure-administrator',
      'azure-administrator -REQUIRES-> AZ-104',
      'devops-engineer/1 -ONE_OF-> azure-developer',
      'azure-developer -REQUIRES-> AZ-204',
      'devops-engineer -REQUIRES-> AZ-400',
    ]);
    const choice = rows
      .map((row) => row.child as Node)
      .find((node) => node.labels.includes('OneOf'));
    expect(choice?.labels.sort()).toEqual(['OneOf', 'RequirementGroup']);
    expect(choice?.properties).toMatchObject({ id: 'devops-engineer/1', mode: 'ONE_OF' });
  });

  test('requirement tree: any letter case finds the certification; an unknown code finds nothing', async () => {
    expect(treeOf(await run('requirement-tree.cypher', { code: 'Azure-Administrator' }))).toEqual([
      'azure-administrator -REQUIRES-> AZ-104',
    ]);
    expect(await run('requirement-tree.cypher', { code: 'no-such-certification' })).toEqual([]);
  });

  test('alternatives of DevOps Engineer Expert: administrator (AZ-104) or developer (AZ-204)', async () => {
    expect(await run('alternatives.cypher')).toEqual([
      {
        choice: 'devops-engineer/1',
        option: 1,
        kind: 'Certification',
        item: 'azure-administrator',
        name: 'Azure Administrator Associate',
        requires: ['AZ-104'],
      },
      {
        choice: 'devops-engineer/1',
        option: 2,
        kind: 'Certification',
        item: 'azure-developer',
        name: 'Azure Developer Associate',
        requires: ['AZ-204'],
      },
    ]);
  });

  test('alternatives: the Power Platform architect chooses between two associates; AZ-303 + AZ-304 leave no choice', async () => {
    const rows = await run('alternatives.cypher', {
      code: 'power-platform-solution-architect-expert',
    });
    expect(rows.map((row) => [row.item, row.requires])).toEqual([
      ['power-platform-functional-consultant-associate', ['PL-200']],
      ['power-platform-developer-associate', ['PL-400']],
    ]);
    expect(await run('alternatives.cypher', { code: 'azure-solutions-architect' })).toEqual([]);
  });

  test('AZ-104 unlocks Azure Administrator Associate, and through it DevOps Engineer Expert', async () => {
    const rows = await run('exam-unlocks.cypher');
    expect(rows.map((row) => [row.certification, row.level, steps(row.path as Neo4jPath)])).toEqual(
      [
        ['azure-administrator', 'ASSOCIATE', ['azure-administrator -REQUIRES-> AZ-104']],
        [
          'devops-engineer',
          'EXPERT',
          [
            'devops-engineer -REQUIRES-> devops-engineer/1',
            'devops-engineer/1 -ONE_OF-> azure-administrator',
            'azure-administrator -REQUIRES-> AZ-104',
          ],
        ],
      ],
    );
  });

  test('exam unlocks: az-400 in any case counts towards DevOps Engineer Expert only', async () => {
    const rows = await run('exam-unlocks.cypher', { code: 'az-400' });
    expect(rows.map((row) => row.certification)).toEqual(['devops-engineer']);
  });

  test('shortest chain from Azure Administrator Associate to DevOps Engineer Expert goes through the choice', async () => {
    const rows = await run('shortest-chain.cypher');
    expect(rows.map((row) => row.chain)).toEqual([
      ['azure-administrator', 'devops-engineer/1', 'devops-engineer'],
    ]);
  });

  test('shortest chain: none upwards, and none from an associate that does not count', async () => {
    const none = [
      { associate: 'devops-engineer', expert: 'azure-administrator' },
      { associate: 'power-platform-developer-associate', expert: 'devops-engineer' },
    ];
    for (const params of none) expect(await run('shortest-chain.cypher', params)).toEqual([]);
  });
});

describe('a catalog with nested choices', () => {
  let seedsDir: string;
  beforeAll(async () => {
    seedsDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-queries-'));
    await writeFile(path.join(seedsDir, 'nested.yaml'), NESTED_SEED);
    await resetAndSeed(db.database, seedsDir);
  });
  afterAll(() => rm(seedsDir, { recursive: true, force: true }));

  test('the requirement tree goes through required certifications, choices and all-of groups, in outline order', async () => {
    expect(treeOf(await run('requirement-tree.cypher', { code: 'expert-x' }))).toEqual([
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
    const rows = await run('alternatives.cypher', { code: 'expert-x' });
    expect(rows.map((row) => [row.choice, row.kind, row.item, row.requires])).toEqual([
      ['associate-y/1', 'Exam', 'EX-4', []],
      ['associate-y/1', 'Certification', 'fundamentals-z', ['EX-5']],
      ['expert-x/2', 'Exam', 'EX-1', []],
      ['expert-x/2', 'AllOf', 'expert-x/2/2', ['EX-2', 'EX-3']],
    ]);
  });

  test('an exam deep in the tree unlocks every certification above it', async () => {
    const rows = await run('exam-unlocks.cypher', { code: 'EX-5' });
    expect(rows.map((row) => row.certification)).toEqual([
      'fundamentals-z',
      'associate-y',
      'expert-x',
    ]);
    const viaAllOf = await run('exam-unlocks.cypher', { code: 'EX-3' });
    expect(viaAllOf.map((row) => steps(row.path as Neo4jPath))).toEqual([
      [
        'expert-x -REQUIRES-> expert-x/2',
        'expert-x/2 -ONE_OF-> expert-x/2/2',
        'expert-x/2/2 -REQUIRES-> EX-3',
      ],
    ]);
  });

  test('the shortest chain climbs through a choice and a required certification', async () => {
    const rows = await run('shortest-chain.cypher', {
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
    sources: [https://example.org/expert-x]
  - code: associate-y
    name: Associate Y
    level: ASSOCIATE
    requires:
      - oneOf: [{ exam: EX-4 }, { certification: fundamentals-z }]
    sources: [https://example.org/associate-y]
  - code: fundamentals-z
    name: Fundamentals Z
    level: FUNDAMENTALS
    requires: [{ exam: EX-5 }]
    sources: [https://example.org/fundamentals-z]
exams:
${[1, 2, 3, 4, 5].map((n) => `  - { code: EX-${n}, name: Exam ${n}, sources: [https://example.org/ex-${n}] }`).join('\n')}
`;
