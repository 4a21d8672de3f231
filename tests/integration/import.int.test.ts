/**
 * `npm run import` on tests/fixtures/learn-catalog/catalog.json against a copy of seeds/: the
 * exact report, the exact YAML edits (everything else byte for byte), the merged catalog in a
 * real Neo4j, and the paths that write nothing (dry run, invalid result, invalid input).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importLearnCatalog } from '../../src/import/import-catalog';
import { CatalogInputError } from '../../src/import/learn-catalog';
import { ImportRejectedError } from '../../src/import/write-seeds';
import { PROJECT_ROOT } from '../../src/project-root';
import { SEEDS_DIR } from '../../src/seed/load-seeds';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/learn-catalog/catalog.json');
const DATE = '2026-11-27';
const API = 'https://learn.microsoft.com/api/catalog/';
const NOTE = `Imported from the Microsoft Learn Catalog API (catalog.json, ${DATE}).`;
const LEARN = 'https://learn.microsoft.com/en-us';

let db: TestDatabase;
let workDir: string;
let seedsDir: string;
let before: Map<string, string>;

/** Every file under a folder, by path relative to it. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  return new Map(
    await Promise.all(
      files.map(async (entry): Promise<[string, string]> => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), await readFile(file, 'utf8')];
      }),
    ),
  );
}

/** Applies `edit` to one item's block of a seed file; the edit must really apply. */
function inItem(text: string, code: string, edit: (block: string) => string): string {
  const start = text.indexOf(`  - code: ${code}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = text.indexOf('\n  - code: ', start + 1);
  const end = next === -1 ? text.length : next;
  const block = text.slice(start, end);
  expect(edit(block)).not.toBe(block);
  return text.slice(0, start) + edit(block) + text.slice(end);
}

/** Runs node in the project root. */
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INIT_CWD: PROJECT_ROOT },
  });

const runImport = (file = FIXTURE, more: { dryRun?: boolean } = {}) =>
  importLearnCatalog({ file, seedsDir, date: DATE, ...more });

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-import-test-'));
  seedsDir = path.join(workDir, 'seeds');
  await cp(SEEDS_DIR, seedsDir, { recursive: true });
  before = await readTree(seedsDir);
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('importing the fixture', () => {
  test('reports what it added, changed and skipped', async () => {
    expect(await runImport()).toEqual({
      input: FIXTURE,
      date: DATE,
      dryRun: false,
      added: {
        certifications: ['azure-network-engineer-associate', 'azure-for-sap-workloads-specialty'],
        exams: ['AZ-700', 'AZ-120'],
        courses: ['MS-700T00', 'AZ-700T00'],
      },
      changed: [
        {
          kind: 'certifications',
          code: 'devops-engineer',
          field: 'url',
          from: 'https://docs.microsoft.com/en-gb/learn/certifications/devops-engineer/',
          to: `${LEARN}/credentials/certifications/devops-engineer/`,
        },
        {
          kind: 'certifications',
          code: 'devops-engineer',
          field: 'sources',
          from: expect.any(Array),
          to: expect.arrayContaining([`${LEARN}/credentials/certifications/devops-engineer/`]),
        },
        {
          kind: 'exams',
          code: 'AZ-204',
          field: 'name',
          from: 'Developing Solutions for Microsoft Azure',
          to: 'Develop Solutions for Microsoft Azure',
        },
        {
          kind: 'exams',
          code: 'AZ-204',
          field: 'url',
          from: 'https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204',
          to: `${LEARN}/credentials/certifications/exams/az-204/`,
        },
        {
          kind: 'exams',
          code: 'AZ-204',
          field: 'sources',
          from: [
            'seeds/microsoft/seed-2021/SOURCE.md',
            'https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204',
          ],
          to: [
            'seeds/microsoft/seed-2021/SOURCE.md',
            'https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204',
            `${LEARN}/credentials/certifications/exams/az-204/`,
          ],
        },
        {
          kind: 'exams',
          code: 'MS-700',
          field: 'name',
          from: 'MS-700',
          to: 'Managing Microsoft Teams',
        },
        {
          kind: 'exams',
          code: 'MS-700',
          field: 'sources',
          from: [expect.stringContaining('MS-102')],
          to: [expect.stringContaining('MS-102'), API],
        },
        {
          kind: 'courses',
          code: 'AZ-204T00',
          field: 'duration',
          to: { hours: 40, confidence: 'official', sources: [API] },
        },
      ],
      skipped: [
        {
          record: 'certification.devops-engineer',
          reason: `requires kept: curated structure differs from the Catalog API's flat exam list (AZ-400); the seeds require one of (certification azure-administrator, certification azure-developer), exam AZ-400 as of ${DATE}`,
        },
        {
          record: 'certification.azure-database-administrator-associate',
          reason: 'not added: references an unknown exam "exam.dp-300"',
        },
        {
          record: 'certification.mcsa-windows-server-2016',
          reason:
            'not added: level cannot be determined: certification_type "mcsa" has no certgraph level',
        },
        {
          record: 'certification.fabric-data-engineer-associate',
          reason:
            'not added: mergedCertifications records have no exam list, so its requirements are unknown',
        },
        {
          record: 'course.dp-300t00',
          reason: 'not added: references an unknown exam "exam.dp-300"',
        },
        {
          record: 'appliedskill.deploy-cloud-native-apps',
          reason: 'unsupported type "appliedSkill" in exams[]',
        },
        { record: 'appliedSkills[]', reason: '1 record of a type the importer does not read' },
        { record: 'levels[]', reason: '3 records of a type the importer does not read' },
      ],
      files: [
        'microsoft/imported/certifications.yaml',
        'microsoft/imported/courses.yaml',
        'microsoft/imported/exams.yaml',
        'microsoft/reference-2026/exams.yaml',
        'microsoft/seed-2021/certifications.yaml',
        'microsoft/seed-2021/courses.yaml',
        'microsoft/seed-2021/exams.yaml',
      ],
    });
  });

  test('edits values in place and leaves everything else byte for byte, curated requires included', async () => {
    await runImport();
    const after = await readTree(seedsDir);
    const expected = new Map(before);
    const edit = (file: string, code: string, change: (block: string) => string) =>
      expected.set(file, inItem(expected.get(file)!, code, change));

    edit('microsoft/seed-2021/certifications.yaml', 'devops-engineer', (block) =>
      block
        .replace(
          'url: https://docs.microsoft.com/en-gb/learn/certifications/devops-engineer/',
          `url: ${LEARN}/credentials/certifications/devops-engineer/`,
        )
        .replace(
          /(\n {4}sources:\n(?: {6}- .*\n)+)/,
          `$1      - ${LEARN}/credentials/certifications/devops-engineer/\n`,
        ),
    );
    edit('microsoft/seed-2021/exams.yaml', 'AZ-204', (block) =>
      block
        .replace(
          'name: Developing Solutions for Microsoft Azure\n',
          'name: Develop Solutions for Microsoft Azure\n',
        )
        .replace(
          'url: https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204\n',
          `url: ${LEARN}/credentials/certifications/exams/az-204/\n`,
        )
        .replace(
          '      - https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204\n',
          `      - https://docs.microsoft.com/en-gb/learn/certifications/exams/az-204\n      - ${LEARN}/credentials/certifications/exams/az-204/\n`,
        ),
    );
    edit('microsoft/seed-2021/courses.yaml', 'AZ-204T00', (block) =>
      block.replace(
        '    exams: [AZ-204]\n',
        `    exams: [AZ-204]\n    duration:\n      hours: 40\n      confidence: official\n      sources: [${API}]\n`,
      ),
    );
    // MS-700's sources were an alias of MS-102's list: it gets a list of its own; the anchor stays.
    edit('microsoft/reference-2026/exams.yaml', 'MS-700', (block) =>
      block
        .replace('name: MS-700\n', 'name: Managing Microsoft Teams\n')
        .replace(
          '    sources: *ms-102-guide\n',
          '    sources:\n' +
            '      - https://github.com/cterpening/certification-study-library/blob/HEAD/guides/MS-102-microsoft-365-administrator.md\n' +
            `      - ${API}\n`,
        ),
    );
    for (const [file, text] of expected) {
      expect({ file, text: after.get(file) }).toEqual({ file, text });
    }

    expect(after.get('microsoft/imported/exams.yaml')).toBe(`${HEADER}exams:
  - code: AZ-700
    name: Designing and Implementing Microsoft Azure Networking Solutions
    url: ${LEARN}/credentials/certifications/exams/az-700/
    confidence: official
    sources:
      - ${LEARN}/credentials/certifications/exams/az-700/
      - ${API}
    notes:
      - ${NOTE}

  - code: AZ-120
    name: Planning and Administering Microsoft Azure for SAP Workloads
    url: ${LEARN}/credentials/certifications/exams/az-120/
    confidence: official
    sources:
      - ${LEARN}/credentials/certifications/exams/az-120/
      - ${API}
    notes:
      - ${NOTE}
`);
    expect(after.get('microsoft/imported/courses.yaml')).toBe(`${HEADER}courses:
  - code: MS-700T00
    name: Managing Microsoft Teams
    url: ${LEARN}/training/courses/ms-700t00/
    exams: [MS-700]
    duration:
      hours: 32
      confidence: official
      sources:
        - ${API}
    confidence: official
    sources:
      - ${LEARN}/training/courses/ms-700t00/
      - ${API}
    notes:
      - ${NOTE}

  - code: AZ-700T00
    name: Designing and Implementing Microsoft Azure Networking Solutions
    url: ${LEARN}/training/courses/az-700t00/
    exams: [AZ-700]
    duration:
      hours: 24
      confidence: official
      sources:
        - ${API}
    confidence: official
    sources:
      - ${LEARN}/training/courses/az-700t00/
      - ${API}
    notes:
      - ${NOTE}
`);
    const certifications = after.get('microsoft/imported/certifications.yaml')!;
    expect(certifications).toContain(`${HEADER}certifications:
  - code: azure-network-engineer-associate
    name: Azure Network Engineer Associate
    level: ASSOCIATE
    url: ${LEARN}/credentials/certifications/azure-network-engineer-associate/
    requires:
      - exam: AZ-700
    confidence: official
    sources:
      - ${LEARN}/credentials/certifications/azure-network-engineer-associate/
      - ${API}
    notes:
      - ${NOTE}
      - Requirements from the Catalog API's flat exam list, read as all of them; the API has no ONE_OF information.
`);
    expect(certifications).toContain('    level: SPECIALTY\n');
    expect([...after.keys()].sort()).toEqual(
      [
        ...before.keys(),
        ...['certifications', 'courses', 'exams'].map((k) => `microsoft/imported/${k}.yaml`),
      ].sort(),
    );

    // `npm run lint` checks seeds/ with Prettier: what the importer writes must pass. (The seed
    // document kept verbatim in seeds/, SOURCE.md, is not formatted; .prettierignore says so.)
    await expect(
      run(
        'node_modules/prettier/bin/prettier.cjs',
        '--config',
        '.prettierrc.json',
        '--check',
        ...[...after.keys()]
          .filter((file) => file.endsWith('.yaml'))
          .map((file) => path.join(seedsDir, file)),
      ),
    ).resolves.toBeDefined();
  });

  test('the merged seeds load into Neo4j and the graph has the merged facts', async () => {
    await runImport();
    await resetAndSeed(db.database, seedsDir);
    const row = async (query: string) =>
      db.database.read(async (tx) => (await tx.run(query)).records[0]?.toObject());

    expect(
      await row(`
        MATCH (c:Course {code: 'MS-700T00'})-[:PREPARES_FOR]->(e:Exam {code: 'MS-700'})
        RETURN c.durationInHours AS hours, e.name AS exam, c.confidence AS confidence`),
    ).toEqual({ hours: 32, exam: 'Managing Microsoft Teams', confidence: 'OFFICIAL' });
    expect(
      await row(`
        MATCH (c:Certification {code: 'azure-network-engineer-associate'})-[:REQUIRES]->(e:Exam)
        RETURN c.level AS level, collect(e.code) AS exams`),
    ).toEqual({ level: 'ASSOCIATE', exams: ['AZ-700'] });
    // The curated choice survives the API's flat list.
    expect(
      await row(`
        MATCH (:Certification {code: 'devops-engineer'})-[:REQUIRES]->(:OneOf)-[:ONE_OF]->(c:Certification)
        RETURN collect(c.code) AS choices`),
    ).toEqual({ choices: expect.arrayContaining(['azure-administrator', 'azure-developer']) });
  });

  test('a second import finds nothing to do', async () => {
    await runImport();
    const once = await readTree(seedsDir);
    const again = await runImport();
    expect(again.added).toEqual({ certifications: [], exams: [], courses: [] });
    expect(again.changed).toEqual([]);
    expect(again.files).toEqual([]);
    expect(await readTree(seedsDir)).toEqual(once);
  });

  test('a dry run reports the same and writes nothing', async () => {
    const report = await runImport(FIXTURE, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.added.exams).toEqual(['AZ-700', 'AZ-120']);
    expect(await readTree(seedsDir)).toEqual(before);
  });
});

describe('writing nothing', () => {
  test('when the merged seeds would be invalid, nothing is written and the problems name real files', async () => {
    const input = path.join(workDir, 'clash.json');
    await writeFile(
      input,
      JSON.stringify({
        exams: [{ uid: 'exam.az-700', display_name: 'AZ-700', title: 'Networking' }],
        // A course coded like an exam: valid input, but codes are unique across kinds.
        courses: [{ uid: 'course.az-104', title: 'Clash', exam: 'exam.az-104' }],
      }),
    );
    const error = await runImport(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    const shown = path.relative(process.cwd(), seedsDir);
    // Both places by file, line and column: the new course's code, and the exam that has it.
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${escape('The merged seeds would have 1 problem; nothing was written:\n')}` +
          `  ${escape(`${shown}/microsoft/imported/courses.yaml:`)}\\d+:\\d+${escape(': courses[0] "AZ-104": code: duplicate code "AZ-104"; already used by ')}` +
          `${escape(`${shown}/microsoft/seed-2021/exams.yaml:`)}\\d+:5${escape(': exams[2] "AZ-104"')}$`,
      ),
    );
    expect(await readTree(seedsDir)).toEqual(before);
  });

  test('malformed input is refused with the record and field named', async () => {
    const input = path.join(workDir, 'bad.json');
    const course = { uid: 'course.x-1t00', title: 'X', exam: 'exam.az-104' };
    await writeFile(
      input,
      JSON.stringify({
        courses: [
          course,
          { ...course, uid: 'course.y-1t00' },
          { ...course, uid: 'course.z-1t00' },
          {
            uid: 'course.az-104t00',
            title: 'Microsoft Azure Administrator',
            duration_in_hours: -4,
          },
        ],
      }),
    );
    await expect(runImport(input)).rejects.toThrow(
      new CatalogInputError(input, [
        'courses[3] "course.az-104t00": duration_in_hours: must be a positive number',
      ]),
    );
    expect(await readTree(seedsDir)).toEqual(before);
  });

  test('the command exits non-zero on invalid input and prints why', async () => {
    const input = path.join(workDir, 'truncated.json');
    await writeFile(input, '{"exams": [');
    await expect(
      run('-r', 'ts-node/register/transpile-only', 'src/import/cli.ts', input, '--seeds', seedsDir),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        `${input} is not a usable Learn Catalog API response (1 problem)`,
      ),
    });
    expect(await readTree(seedsDir)).toEqual(before);
  });
});

const HEADER = `# Items added by \`npm run import\` from the Microsoft Learn Catalog API (docs/importer.md).
# Curate them like any other item; a later import updates names, urls, levels, durations and
# course-exam links only, and never requires.
`;
