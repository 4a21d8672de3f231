import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SeedValidationError } from '../../src/seed/catalog';
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { loadSeeds, SEEDS_DIR } from '../../src/seed/load-seeds';
import { parseSeedFile } from '../../src/seed/parse-seed-file';
import { seedDatabase } from '../../src/seed/seed-database';
import { isNoChange } from '../../src/seed/write-graph';
import {
  openTestDatabase,
  resetDatabase,
  snapshotGraph,
  TestDatabase,
} from '../support/test-database';

let db: TestDatabase;
let workDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await resetDatabase(db.database);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-seeds-'));
  await cp(SEEDS_DIR, workDir, { recursive: true });
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * Rewrites one seed file of the working copy; `file` is relative to `microsoft/`, e.g.
 * `seed-2021/courses.yaml` (the seed document's items) or `reference-2026/exams.yaml`.
 */
async function edit(file: string, change: (text: string) => string): Promise<void> {
  const full = path.join(workDir, 'microsoft', file);
  const before = await readFile(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before); // the edit must really apply, or the test proves nothing
  await writeFile(full, after);
}

const count = (query: string) =>
  db.database.read(async (tx) => (await tx.run(query)).records[0].get(0) as number);

describe('seeding', () => {
  test('writes the whole seed catalog: every item, choice and link of seeds/', async () => {
    const catalog = await loadSeeds(workDir);
    const graph = catalogToGraph(catalog);
    // The seed document's 7 certifications, 8 exams and 7 courses plus the 2026 reference and the
    // older items its history names (AZ-300, AZ-301, Teams Voice Engineer Expert and MS-720):
    // 31 certifications, 56 exams, 13 courses; 10 requirement groups (7 of them choices).
    expect([catalog.certifications.length, catalog.exams.length, catalog.courses.length]).toEqual([
      31, 56, 13,
    ]);
    const report = await seedDatabase(db.database, workDir);
    expect(report).toEqual({
      nodesCreated: graph.nodes.length,
      nodesUpdated: 0,
      nodesDeleted: 0,
      relationshipsCreated: graph.relationships.length,
      relationshipsUpdated: 0,
      relationshipsDeleted: 0,
    });
    // 110 catalog nodes and 135 requirement and lifecycle links, plus the 3 validity policies of
    // seeds/microsoft/validity-policies.yaml: the two role-based ones each GOVERN the 31
    // associate, expert and specialty certifications (62 links); no fundamentals is catalogued.
    expect([report.nodesCreated, report.relationshipsCreated]).toEqual([113, 197]);
    expect(await count('MATCH (n:ValidityPolicy) RETURN count(n)')).toBe(3);
    expect(
      await count('MATCH (:ValidityPolicy)-[r:GOVERNS]->(:Certification) RETURN count(r)'),
    ).toBe(62);
    expect(await count('MATCH (n:Certification) RETURN count(n)')).toBe(
      catalog.certifications.length,
    );
    expect(await count('MATCH (n:Exam) RETURN count(n)')).toBe(catalog.exams.length);
    expect(await count('MATCH (n:Course) RETURN count(n)')).toBe(catalog.courses.length);
    expect(await count('MATCH (n:RequirementGroup:OneOf {mode: "ONE_OF"}) RETURN count(n)')).toBe(
      graph.nodes.filter((n) => n.label === 'RequirementGroup' && n.properties.mode === 'ONE_OF')
        .length,
    );
    expect(await count('MATCH (n:RequirementGroup:OneOf {mode: "ONE_OF"}) RETURN count(n)')).toBe(
      7,
    );
    expect(await count('MATCH (n) RETURN count(n)')).toBe(graph.nodes.length);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(graph.relationships.length);
    // Positions are integers (Browser shows `1`, not `1.0`), on every relationship.
    const types = await db.database.read(
      async (tx) =>
        (await tx.run('MATCH ()-[r]->() RETURN collect(DISTINCT valueType(r.position)) AS types'))
          .records[0],
    );
    expect(types.get('types')).toEqual(['INTEGER NOT NULL']);
  });

  test("the seed document's items are still 7 certifications, 8 exams, 7 courses (seed-2021/)", async () => {
    const counts = { certifications: 0, exams: 0, courses: 0 };
    for (const file of ['certifications.yaml', 'exams.yaml', 'courses.yaml']) {
      const full = path.join(workDir, 'microsoft', 'seed-2021', file);
      const { catalog, problems } = parseSeedFile(full, await readFile(full, 'utf8'));
      expect(problems).toEqual([]);
      counts.certifications += catalog.certifications.length;
      counts.exams += catalog.exams.length;
      counts.courses += catalog.courses.length;
    }
    expect(counts).toEqual({ certifications: 7, exams: 8, courses: 7 });
  });

  test('every item has a first day; on 2021-06-01 only the seed document and sourced items exist', async () => {
    const catalog = await loadSeeds(workDir);
    const items = [...catalog.certifications, ...catalog.exams, ...catalog.courses];
    const firstDay = (item: (typeof items)[number]) =>
      item.lifecycle?.availableFrom ?? item.lifecycle?.knownSince;
    expect(items.filter((item) => !firstDay(item)).map((item) => item.code)).toEqual([]);
    const ofSeedDocument = (item: (typeof items)[number]) =>
      item.location.file.includes(path.join('microsoft', 'seed-2021'));
    // The seed document (read as of 2021-06-01) is evidence that its items existed that day.
    expect(items.filter((item) => ofSeedDocument(item) && firstDay(item)! > '2021-06-01')).toEqual(
      [],
    );
    // Outside it, an item may be known by that day only where a dated source says so (its
    // lifecycle notes name it); every such item is listed here, so that a new one is a decision.
    expect(
      items
        .filter((item) => !ofSeedDocument(item) && firstDay(item)! <= '2021-06-01')
        .map((item) => `${item.code} ${firstDay(item)}`)
        .sort(),
    ).toEqual(
      [
        'AZ-300 2019-07-13',
        'AZ-301 2019-07-13',
        'MB-300 2021-03-31',
        'MB-310 2021-03-31',
        'MB-320 2020-10-16',
        'MB-330 2021-03-31',
        'MB-500 2021-03-31',
        'MB-600 2021-03-31',
        'MB-700 2021-03-31',
        'MD-100 2019-07-14',
        'MS-100 2019-07-14',
        'MS-101 2019-07-14',
        'MS-200 2019-07-14',
        'MS-201 2019-07-14',
        'MS-300 2019-07-14',
        'MS-301 2019-07-14',
        'MS-500 2019-07-14',
        'SC-200 2021-02-28',
        'SC-300 2021-02-28',
        'd365-finance-and-operations-apps-developer-associate 2021-03-31',
        'd365-finance-and-operations-apps-solution-architect-expert 2021-03-31',
        'd365-functional-consultant-financials 2021-03-31',
        'd365-functional-consultant-manufacturing 2021-03-31',
        'd365-functional-consultant-supply-chain-management 2021-03-31',
        'identity-and-access-administrator 2021-02-28',
        'm365-administrator-expert 2019-07-14',
        'modern-desktop 2019-07-14',
        'power-apps-and-d365-solution-architect-expert 2021-03-31',
        'security-operations-analyst 2021-02-28',
      ].sort(),
    );
  });

  test('running it twice changes nothing', async () => {
    await seedDatabase(db.database, workDir);
    const before = await snapshotGraph(db.database);
    const report = await seedDatabase(db.database, workDir);
    expect(isNoChange(report)).toBe(true);
    expect(await snapshotGraph(db.database)).toEqual(before);
  });

  test('an item removed from the seeds disappears from the graph, with its links', async () => {
    await seedDatabase(db.database, workDir);
    await edit('seed-2021/courses.yaml', (text) =>
      text.replace(/\n {2}- code: AZ-204T00[\s\S]*?(?=\n {2}- code:)/, '\n'),
    );
    const report = await seedDatabase(db.database, workDir);
    expect(report).toMatchObject({
      nodesDeleted: 1,
      relationshipsDeleted: 1,
      nodesCreated: 0,
      relationshipsCreated: 0,
    });
    expect(await count("MATCH (n {code: 'AZ-204T00'}) RETURN count(n)")).toBe(0);
    expect(await count("MATCH (n:Exam {code: 'AZ-204'}) RETURN count(n)")).toBe(1);
  });

  test('a changed requirement replaces the old structure', async () => {
    await seedDatabase(db.database, workDir);
    // AZ-303 and AZ-304, both required until 2022-03-31, become a choice between them (the
    // entries, with their dates and sources, move into a `oneOf`, which gets the same end date).
    await edit('seed-2021/certifications.yaml', (text) =>
      text.replace(
        /\n( {6}- exam: AZ-303\n[\s\S]*?)(?=\n {6}# Since then)/,
        (_all, entries: string) =>
          '\n      - oneOf:\n' + entries.replace(/^/gm, '    ') + '\n        until: 2022-03-31',
      ),
    );
    const report = await seedDatabase(db.database, workDir);
    expect(report).toMatchObject({
      nodesCreated: 1,
      relationshipsCreated: 3,
      relationshipsDeleted: 2,
    });
    expect(
      await count(
        "MATCH (:Certification {code: 'azure-solutions-architect'})-[:REQUIRES]->(:OneOf)-[:ONE_OF]->(e:Exam) RETURN count(e)",
      ),
    ).toBe(2);
  });

  test('fails atomically when the database refuses a write midway', async () => {
    await seedDatabase(db.database, workDir);
    const before = await snapshotGraph(db.database);
    // The new seeds delete the devops-engineer -> AZ-400 link, add a second choice to
    // devops-engineer and give a course the name of another, which this constraint refuses after
    // the link is gone and the choice is written: the whole write must roll back. (A constraint
    // of one choice per certification no longer fits the catalog: m365-administrator-expert has
    // two, one before and one after 2023-10-01.)
    await edit('seed-2021/certifications.yaml', (t) =>
      t.replace('      - exam: AZ-400\n', '      - oneOf: [{ exam: AZ-400 }]\n'),
    );
    await edit('seed-2021/courses.yaml', (t) =>
      t.replace('name: Microsoft Power Platform Developer', 'name: Microsoft Azure Administrator'),
    );
    await db.database.write((tx) =>
      tx.run(
        'CREATE CONSTRAINT test_unique_course_name IF NOT EXISTS FOR (c:Course) REQUIRE c.name IS UNIQUE',
      ),
    );
    try {
      await expect(seedDatabase(db.database, workDir)).rejects.toThrow(/already exists/);
      expect(await snapshotGraph(db.database)).toEqual(before);
    } finally {
      await db.database.write((tx) => tx.run('DROP CONSTRAINT test_unique_course_name IF EXISTS'));
    }
    // Without the obstacle the same seeds go through.
    await expect(seedDatabase(db.database, workDir)).resolves.toMatchObject({
      nodesCreated: 1,
      nodesUpdated: 1,
    });
  });
});

describe('seeding refuses bad seeds and writes nothing', () => {
  const cases: [string, string, (text: string) => string, RegExp][] = [
    [
      'an unknown reference',
      'seed-2021/certifications.yaml',
      (t) => t.replace('certification: azure-developer', 'certification: azure-devloper'),
      /certifications\.yaml:\d+:\d+: certifications\[1\] "devops-engineer": requires\[0\]\.oneOf\[1\]: unknown certification "azure-devloper"/,
    ],
    [
      'a duplicate code',
      'seed-2021/exams.yaml',
      (t) => t.replace('code: AZ-304', 'code: AZ-303'),
      /exams\.yaml:\d+:\d+: exams\[1\] "AZ-303": code: duplicate code "AZ-303"; already used by .*exams\.yaml:\d+:\d+: exams\[0\]/,
    ],
    [
      'a cycle',
      'seed-2021/certifications.yaml',
      (t) => t.replace('      - exam: AZ-104\n', '      - certification: devops-engineer\n'),
      /certifications\.yaml:\d+:\d+: certifications\[\d+\] "[a-z-]+": requires: certifications require each other in a cycle: (devops-engineer → azure-administrator → devops-engineer|azure-administrator → devops-engineer → azure-administrator)/,
    ],
    [
      'an unknown field',
      'seed-2021/courses.yaml',
      (t) => t.replace('    exams: [AZ-400]\n', '    exams: [AZ-400]\n    days: 4\n'),
      /courses\.yaml:\d+:\d+: courses\[4\] "AZ-400T00": unknown field\(s\) "days"/,
    ],
    [
      'a missing field',
      'seed-2021/certifications.yaml',
      (t) =>
        t.replace(
          '    level: ASSOCIATE\n    url: https://docs.microsoft.com/en-gb/learn/certifications/azure-administrator/\n',
          '    url: https://docs.microsoft.com/en-gb/learn/certifications/azure-administrator/\n',
        ),
      /certifications\.yaml:\d+:\d+: certifications\[3\] "azure-administrator": level: is missing/,
    ],
    [
      'an alias bomb',
      'seed-2021/exams.yaml',
      (t) =>
        t +
        ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]']
          .concat('c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]')
          .concat('d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]')
          .join('\n') +
        '\n',
      /exams\.yaml:\d+:8: YAML aliases here expand to more than 100 nodes \(maxAliasCount 100\)/,
    ],
    [
      'a file over the size limit',
      'seed-2021/exams.yaml',
      (t) => t + `# ${'x'.repeat(1024 * 1024)}\n`,
      /exams\.yaml:\d+:\d+: the file is \d+ bytes, over the limit of 1048576 bytes/,
    ],
    [
      'broken YAML',
      'seed-2021/exams.yaml',
      (t) => t.replace('  - code: AZ-400', '  - code: [AZ-400'),
      /exams\.yaml:\d+:\d+: not valid YAML/,
    ],
  ];

  test.each(cases)('%s', async (_name, file, change, message) => {
    await seedDatabase(db.database, SEEDS_DIR);
    const before = await snapshotGraph(db.database);
    await edit(file, change);
    const attempt = seedDatabase(db.database, workDir);
    await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshotGraph(db.database)).toEqual(before);
  });

  test('a source that is a document kept in seeds/ must be there', async () => {
    await seedDatabase(db.database, SEEDS_DIR);
    const before = await snapshotGraph(db.database);
    await rm(path.join(workDir, 'microsoft', 'seed-2021', 'SOURCE.md'));
    const attempt = seedDatabase(db.database, workDir);
    await expect(attempt).rejects.toBeInstanceOf(SeedValidationError);
    await expect(attempt).rejects.toThrow(
      /certifications\.yaml:\d+:\d+: certifications\[0\] "azure-solutions-architect": sources: seeds\/microsoft\/seed-2021\/SOURCE\.md is not in the seeds directory/,
    );
    expect(await snapshotGraph(db.database)).toEqual(before);
  });

  test('into an empty database too', async () => {
    await edit('seed-2021/exams.yaml', (t) => t.replace('code: PL-600', 'code: pl-600'));
    await expect(seedDatabase(db.database, workDir)).rejects.toThrow(
      /exams\[7\] "pl-600": code: must be an upper-case code/,
    );
    expect(await count('MATCH (n) RETURN count(n)')).toBe(0);
  });
});
