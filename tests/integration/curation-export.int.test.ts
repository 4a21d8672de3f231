import fc from 'fast-check';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportSeeds, graphFingerprint } from '../../src/curation/export-seeds';
import { readGraph } from '../../src/db/read-graph';
import { SEEDS_DIR } from '../../src/seed/load-seeds';
import { CATALOG_REFRESH_FOR_TESTS, TOKEN, curatorClient } from '../support/curation';
import { startTestServer, TestServer } from '../support/http-test-server';
import {
  openTestDatabase,
  resetAndSeed,
  resetDatabase,
  TestDatabase,
} from '../support/test-database';
import { seedDatabase } from '../../src/seed/seed-database';

const SOURCE = 'https://learn.microsoft.com/en-us/credentials/certifications/';

describe('npm run export: the graph back into seeds/', () => {
  let db: TestDatabase;
  let server: TestServer;
  let client: ReturnType<typeof curatorClient>;
  let copy: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    server = await startTestServer(db.database, {
      catalogRefreshMs: CATALOG_REFRESH_FOR_TESTS,
      curators: { token: TOKEN, curatorRole: 'curator' },
    });
    client = curatorClient(server.endpoint);
  });
  beforeEach(async () => {
    await resetAndSeed(db.database);
    copy = await mkdtemp(path.join(os.tmpdir(), 'certgraph-export-test-'));
    await cp(SEEDS_DIR, copy, { recursive: true });
  });
  afterEach(async () => {
    await rm(copy, { recursive: true, force: true });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const fingerprint = async () => graphFingerprint(await db.database.read(readGraph));

  /** Exports into the copy, seeds an empty database from it, and compares the graphs. */
  async function roundTrip() {
    const before = await fingerprint();
    const report = await exportSeeds(db.database, copy);
    await resetDatabase(db.database);
    await seedDatabase(db.database, copy);
    expect(await fingerprint()).toEqual(before);
    return report;
  }

  it('writes nothing when the graph is what seeds/ says', async () => {
    const report = await roundTrip();
    expect(report).toEqual({ files: [], added: [], changed: [], removed: [] });
  });

  it('writes curated changes back, keeping every unchanged item byte for byte', async () => {
    const steps = [
      `mutation { retire(code: "AZ-104", retiredOn: "2026-12-31", sources: ["${SOURCE}"]) { catalogVersion } }`,
      `mutation { upsertExam(input: { code: "ZZ-900", name: "A curated exam", confidence: SECONDARY, sources: ["${SOURCE}"] }) { catalogVersion } }`,
      `mutation { setRequirements(certification: "devops-engineer", validFrom: "2027-01-01", sources: ["${SOURCE}"], confidence: SECONDARY,
           requirements: { mode: ALL_OF, items: [{ code: "AZ-400" }, { code: "ZZ-900" }] }) { catalogVersion } }`,
    ];
    for (const step of steps) expect((await client.post(step)).errors).toBeUndefined();

    const originalCerts = await readFile(
      path.join(SEEDS_DIR, 'microsoft/seed-2021/certifications.yaml'),
      'utf8',
    );
    const report = await roundTrip();
    expect(report.added).toEqual(['ZZ-900']);
    expect(report.changed.sort()).toEqual(['AZ-104', 'devops-engineer']);
    expect(report.removed).toEqual([]);

    const exportedCerts = await readFile(
      path.join(copy, 'microsoft/seed-2021/certifications.yaml'),
      'utf8',
    );
    // The file's header comments, and the architect's entry with its comments, as they were.
    const header = originalCerts.slice(0, originalCerts.indexOf('certifications:'));
    const start = originalCerts.indexOf('  - code: azure-solutions-architect');
    const architect = originalCerts.slice(start, originalCerts.indexOf('\n  - code:', start + 1));
    expect(header).toContain('# ');
    expect(architect).toContain('# ');
    expect(exportedCerts.startsWith(header)).toBe(true);
    expect(exportedCerts).toContain(architect);
    expect(exportedCerts).toContain('from: 2027-01-01');
  });

  it('property: random curated changes export and re-seed into the same graph', async () => {
    const exams = ['AZ-104', 'AZ-204', 'AZ-400', 'AZ-500', 'AZ-305'];
    const certifications = ['devops-engineer', 'azure-solutions-architect', 'azure-administrator'];
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('retire'), code: fc.constantFrom(...exams), on: day }),
      fc.record({ kind: fc.constant('exam'), n: fc.integer({ min: 1, max: 3 }) }),
      fc.record({
        kind: fc.constant('requirements'),
        cert: fc.constantFrom(...certifications),
        items: fc.uniqueArray(fc.constantFrom(...exams), { minLength: 1, maxLength: 3 }),
        oneOf: fc.boolean(),
        from: day,
      }),
      fc.record({ kind: fc.constant('link'), exam: fc.constantFrom(...exams) }),
      fc.record({ kind: fc.constant('remove'), n: fc.integer({ min: 1, max: 3 }) }),
    );
    const mutationOf = (s: Record<string, string | number | boolean | string[]>): string => {
      switch (s.kind) {
        case 'retire':
          return `mutation { retire(code: "${String(s.code)}", retiredOn: "${String(s.on)}", sources: ["${SOURCE}"]) { catalogVersion } }`;
        case 'exam':
          return `mutation { upsertExam(input: { code: "ZZ-90${String(s.n)}", name: "Exam ${String(s.n)}", confidence: UNCONFIRMED, sources: ["${SOURCE}"] }) { catalogVersion } }`;
        case 'requirements':
          return `mutation { setRequirements(certification: "${String(s.cert)}", validFrom: "${String(s.from)}", sources: ["${SOURCE}"], confidence: SECONDARY,
              requirements: { mode: ${s.oneOf ? 'ONE_OF' : 'ALL_OF'}, items: [${[s.items]
                .flat()
                .map((c) => `{ code: "${String(c)}" }`)
                .join(', ')}] }) { catalogVersion } }`;
        case 'link':
          return `mutation { linkCourse(course: "AZ-400T00", exam: "${String(s.exam)}", sources: ["${SOURCE}"]) { catalogVersion } }`;
        default:
          return `mutation { removeItem(code: "ZZ-90${String(s.n)}") { catalogVersion } }`;
      }
    };
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (sequence) => {
        await resetAndSeed(db.database);
        await rm(copy, { recursive: true, force: true });
        await cp(SEEDS_DIR, copy, { recursive: true });
        for (const s of sequence) {
          const result = await client.post(mutationOf(s));
          // A refused step (say, a removal of an exam never added) changes nothing; the rest must be valid.
          if (result.errors) expect(result.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
          else applied += 1;
        }
        await roundTrip();
      }),
      { numRuns: 6, seed: 14 },
    );
    expect(applied).toBeGreaterThan(0);
  });
});
