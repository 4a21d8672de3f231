import { SignJWT } from 'jose';
import { loadExplorationQueries } from '../../src/browser/exploration-queries';
import { curate } from '../../src/curation/curate';
import * as mutations from '../../src/curation/mutations';
import { CATALOG_REFRESH_FOR_TESTS, TOKEN, curatorClient } from '../support/curation';
import { startTestServer, TestServer } from '../support/http-test-server';
import {
  openTestDatabase,
  resetAndSeed,
  snapshotGraph,
  TestDatabase,
} from '../support/test-database';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const SOURCE = 'https://learn.microsoft.com/en-us/credentials/certifications/exams/az-104/';

describe('curation through GraphQL', () => {
  let db: TestDatabase;
  let server: TestServer;
  let client: ReturnType<typeof curatorClient>;

  beforeAll(async () => {
    db = await openTestDatabase();
    server = await startTestServer(db.database, {
      catalogRefreshMs: CATALOG_REFRESH_FOR_TESTS,
      curators: { token: TOKEN, jwtSecret: SECRET, curatorRole: 'curator' },
    });
    client = curatorClient(server.endpoint);
  });
  beforeEach(async () => {
    await resetAndSeed(db.database);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  /** Runs `act` and checks that the graph, every node and edge, is as it was. */
  async function unchanged(act: () => Promise<void>) {
    const before = await snapshotGraph(db.database);
    await act();
    expect(await snapshotGraph(db.database)).toEqual(before);
  }

  const RETIRE = `mutation ($code: String!, $on: Date!, $sources: [String!]!, $v: Int) {
    retire(code: $code, retiredOn: $on, sources: $sources, expectedVersion: $v) {
      catalogVersion item { code retiredOn status(asOf: "2027-01-01") }
      change { who mutation before after sources }
    }
  }`;

  describe('authentication', () => {
    it('refuses a mutation without credentials (UNAUTHENTICATED) and writes nothing', async () => {
      await unchanged(async () => {
        const result = await client.post(
          RETIRE,
          { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE] },
          null,
        );
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(result.errors?.[0].message).toMatch(/Authorization: Bearer/);
      });
    });

    it('refuses a wrong token and a JWT signed with another secret (UNAUTHENTICATED)', async () => {
      const forged = await new SignJWT({ roles: ['curator'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .sign(new TextEncoder().encode('another-secret-of-at-least-thirty-two-characters'));
      for (const token of ['not-the-token', forged]) {
        const result = await client.post(
          RETIRE,
          { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE] },
          token,
        );
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses a reader: a valid JWT without the curator role (FORBIDDEN)', async () => {
      const reader = await new SignJWT({ roles: ['reader'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('rita')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(SECRET));
      await unchanged(async () => {
        const result = await client.post(
          RETIRE,
          { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE] },
          reader,
        );
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(result.errors?.[0].message).toContain('"rita"');
      });
    });

    it('lets a curator JWT write, and records its subject as who', async () => {
      const curator = await new SignJWT({ scope: 'read curator' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('carla')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(SECRET));
      const result = await client.post(
        RETIRE,
        { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE] },
        curator,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.retire.change.who).toBe('carla');
    });

    it('reads stay public', async () => {
      const result = await client.post(
        '{ catalogVersion exam(code: "AZ-104") { code } }',
        {},
        null,
      );
      expect(result.data).toEqual({ catalogVersion: 0, exam: { code: 'AZ-104' } });
    });
  });

  describe('mutations', () => {
    it('retire: dates the retirement, the plan changes at once, and the change is audited', async () => {
      const PLAN = `{ plan(target: "devops-engineer", asOf: "2027-01-01") { path { exams { code } } noPathReason } }`;
      const planBefore = await client.post(PLAN, {}, null);
      expect(JSON.stringify(planBefore.data)).toContain('AZ-104');

      const result = await client.post(RETIRE, {
        code: 'az-104',
        on: '2026-12-31',
        sources: [SOURCE],
        v: 0,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.retire).toMatchObject({
        catalogVersion: 1,
        item: { code: 'AZ-104', retiredOn: '2026-12-31', status: 'RETIRED' },
        change: { who: 'CURATOR_TOKEN', mutation: 'retire', sources: [SOURCE] },
      });
      const [before] = JSON.parse(result.data.retire.change.before);
      const [after] = JSON.parse(result.data.retire.change.after);
      expect(before.lifecycle?.retiredOn).toBeUndefined();
      expect(after.lifecycle.retiredOn).toBe('2026-12-31');
      expect(after.lifecycle.sources).toContain(SOURCE);

      const planAfter = await client.post(PLAN, {}, null);
      // AZ-204, the other way (through azure-developer), retired on 2026-07-31 already.
      expect(planAfter.data.plan.path).toBeNull();
      expect(planAfter.data.plan.noPathReason).toEqual(expect.any(String));

      const audit = await client.post(
        '{ catalogVersion catalogChanges(first: 10) { totalCount nodes { version mutation who } } }',
        {},
        null,
      );
      expect(audit.data).toEqual({
        catalogVersion: 1,
        catalogChanges: {
          totalCount: 1,
          nodes: [{ version: 1, mutation: 'retire', who: 'CURATOR_TOKEN' }],
        },
      });
    });

    it('a change touches only its item: validity policies and what they govern stay', async () => {
      const count = async (cypher: string) =>
        db.database.read(async (tx) => Number((await tx.run(cypher)).records[0].get(0)));
      const policies = 'MATCH (p:ValidityPolicy) RETURN count(p)';
      const governs = 'MATCH (:ValidityPolicy)-[g:GOVERNS]->(:Certification) RETURN count(g)';
      const [policiesBefore, governsBefore] = [await count(policies), await count(governs)];
      expect(policiesBefore).toBeGreaterThan(0);
      expect(governsBefore).toBeGreaterThan(0);

      const result = await client.post(RETIRE, {
        code: 'AZ-104',
        on: '2026-12-31',
        sources: [SOURCE],
      });
      expect(result.errors).toBeUndefined();
      expect([await count(policies), await count(governs)]).toEqual([
        policiesBefore,
        governsBefore,
      ]);
      const learner = await client.post(
        `{ learner(holdings: [{ code: "azure-administrator", earnedOn: "2026-03-01" }], asOf: "2026-12-02") {
            credentials { code state validUntil } } }`,
        {},
        null,
      );
      expect(learner.errors).toBeUndefined();
      expect(learner.data.learner.credentials).toEqual([
        { code: 'azure-administrator', state: 'RENEWAL_OPEN', validUntil: '2027-03-01' },
      ]);
    });

    it('upsertExam adds an exam; upsertCourse and linkCourse link courses to it', async () => {
      const exam = await client.post(
        `mutation ($input: ExamInput!) { upsertExam(input: $input) { catalogVersion exam { code name sources confidence } } }`,
        {
          input: {
            code: 'ZZ-900',
            name: 'A curated exam',
            confidence: 'SECONDARY',
            sources: [SOURCE],
          },
        },
      );
      expect(exam.errors).toBeUndefined();
      expect(exam.data.upsertExam.exam).toEqual({
        code: 'ZZ-900',
        name: 'A curated exam',
        sources: [SOURCE],
        confidence: 'SECONDARY',
      });

      const course = await client.post(
        `mutation ($input: CourseInput!) { upsertCourse(input: $input) { course { code exams { code } } } }`,
        {
          input: {
            code: 'ZZ-900T00',
            name: 'Its course',
            exams: ['ZZ-900'],
            confidence: 'SECONDARY',
            sources: [SOURCE],
          },
        },
      );
      expect(course.data.upsertCourse.course).toEqual({
        code: 'ZZ-900T00',
        exams: [{ code: 'ZZ-900' }],
      });

      const linked = await client.post(
        `mutation { linkCourse(course: "ZZ-900T00", exam: "AZ-104", sources: ["${SOURCE}"]) { catalogVersion course { exams { code } } } }`,
      );
      expect(linked.data.linkCourse).toEqual({
        catalogVersion: 3,
        course: { exams: [{ code: 'ZZ-900' }, { code: 'AZ-104' }] },
      });
    });

    it('upsertCertification adds one with requirements; setRequirements starts a new version', async () => {
      const created = await client.post(
        `mutation ($input: CertificationInput!) { upsertCertification(input: $input) {
           certification { code level requirements(asOf: "2026-06-01") { mode items { ... on Exam { code } } } } } }`,
        {
          input: {
            code: 'curated-expert',
            name: 'Curated Expert',
            level: 'EXPERT',
            confidence: 'SECONDARY',
            sources: [SOURCE],
            requirements: { mode: 'ALL_OF', items: [{ code: 'AZ-104' }, { code: 'AZ-400' }] },
          },
        },
      );
      expect(created.errors).toBeUndefined();
      expect(created.data.upsertCertification.certification).toEqual({
        code: 'curated-expert',
        level: 'EXPERT',
        requirements: { mode: 'ALL_OF', items: [{ code: 'AZ-104' }, { code: 'AZ-400' }] },
      });

      const SET = `mutation ($r: RequirementInput!) {
        setRequirements(certification: "curated-expert", requirements: $r, validFrom: "2027-01-01",
                        sources: ["${SOURCE}"], confidence: SECONDARY) {
          certification {
            old: requirements(asOf: "2026-12-31") { items { ... on Exam { code } } }
            new: requirements(asOf: "2027-01-01") { items { ... on Exam { code } ... on RequirementGroup { mode } } }
          }
        }
      }`;
      const set = await client.post(SET, {
        r: {
          mode: 'ALL_OF',
          items: [
            { code: 'AZ-400' },
            { group: { mode: 'ONE_OF', items: [{ code: 'AZ-104' }, { code: 'AZ-204' }] } },
          ],
        },
      });
      expect(set.errors).toBeUndefined();
      expect(set.data.setRequirements.certification).toEqual({
        old: { items: [{ code: 'AZ-104' }, { code: 'AZ-400' }] },
        new: { items: [{ code: 'AZ-400' }, { mode: 'ONE_OF' }] },
      });
    });

    it('removeItem removes an item nothing refers to', async () => {
      await client.post(
        `mutation ($input: ExamInput!) { upsertExam(input: $input) { catalogVersion } }`,
        {
          input: {
            code: 'ZZ-901',
            name: 'Short-lived',
            confidence: 'UNCONFIRMED',
            sources: [SOURCE],
          },
        },
      );
      const removed = await client.post(
        'mutation { removeItem(code: "zz-901") { code catalogVersion } }',
      );
      expect(removed.data.removeItem).toEqual({ code: 'ZZ-901', catalogVersion: 2 });
      expect(
        (await client.post('{ exam(code: "ZZ-901") { code } }', {}, null)).data.exam,
      ).toBeNull();
    });
  });

  describe('refusals leave the graph unchanged', () => {
    async function refused(
      query: string,
      variables: Record<string, unknown>,
      path: unknown[],
      message: RegExp,
    ) {
      await unchanged(async () => {
        const result = await client.post(query, variables);
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0].extensions?.argumentPath).toEqual(path);
        expect(result.errors?.[0].message).toMatch(message);
      });
    }
    const SET = `mutation ($c: String!, $r: RequirementInput!, $from: Date!, $s: [String!]!) {
      setRequirements(certification: $c, requirements: $r, validFrom: $from, sources: $s, confidence: OFFICIAL) { catalogVersion } }`;

    it('a cycle, named whole', async () => {
      // devops-engineer needs azure-administrator (one of); make azure-administrator need devops-engineer.
      await refused(
        SET,
        {
          c: 'azure-administrator',
          r: { mode: 'ALL_OF', items: [{ code: 'devops-engineer' }] },
          from: '2027-01-01',
          s: [SOURCE],
        },
        ['requirements'],
        /cycle: (azure-administrator → devops-engineer → azure-administrator|devops-engineer → azure-administrator → devops-engineer)/,
      );
    });

    it('an unknown reference, named by its argument', async () => {
      await refused(
        SET,
        {
          c: 'devops-engineer',
          r: { mode: 'ALL_OF', items: [{ code: 'XX-999' }] },
          from: '2027-01-01',
          s: [SOURCE],
        },
        ['requirements'],
        /unknown exam "XX-999"/,
      );
    });

    it('a version that overlaps a later one', async () => {
      await refused(
        SET,
        {
          c: 'azure-solutions-architect',
          r: { mode: 'ALL_OF', items: [{ code: 'AZ-305' }] },
          from: '2022-01-01',
          s: [SOURCE],
        },
        ['validFrom'],
        /already applies from 2022-04-01/,
      );
    });

    it('missing sources', async () => {
      await refused(
        SET,
        {
          c: 'devops-engineer',
          r: { mode: 'ALL_OF', items: [{ code: 'AZ-400' }] },
          from: '2027-01-01',
          s: [],
        },
        ['sources'],
        /must list at least one source URL/,
      );
      await refused(
        RETIRE,
        { code: 'AZ-104', on: '2026-12-31', sources: [] },
        ['sources'],
        /must list at least one source/,
      );
    });

    it('a missing grade', async () => {
      // A new exam has no lifecycle yet, so retiring it needs a grade for the lifecycle.
      await client.post(
        `mutation ($input: ExamInput!) { upsertExam(input: $input) { catalogVersion } }`,
        {
          input: { code: 'ZZ-902', name: 'Ungraded', confidence: 'SECONDARY', sources: [SOURCE] },
        },
      );
      await refused(
        RETIRE,
        { code: 'ZZ-902', on: '2026-12-31', sources: [SOURCE] },
        ['confidence'],
        /confidence: is missing/,
      );
    });

    it('a code used by another kind', async () => {
      await refused(
        `mutation ($input: CertificationInput!) { upsertCertification(input: $input) { catalogVersion } }`,
        {
          input: {
            code: 'az-104',
            name: 'Clash',
            level: 'EXPERT',
            confidence: 'SECONDARY',
            sources: [SOURCE],
            requirements: { mode: 'ALL_OF', items: [{ code: 'AZ-400' }] },
          },
        },
        ['input', 'code'],
        /duplicate code "AZ-104"; already used by .*"az-104"/,
      );
    });

    it('a removal something still refers to', async () => {
      await refused(
        'mutation { removeItem(code: "AZ-400") { code } }',
        {},
        ['code'],
        /unknown exam "AZ-400"/,
      );
    });

    it('an item that is both a code and a group', async () => {
      await refused(
        SET,
        {
          c: 'devops-engineer',
          r: {
            mode: 'ALL_OF',
            items: [{ code: 'AZ-400', group: { mode: 'ONE_OF', items: [{ code: 'AZ-104' }] } }],
          },
          from: '2027-01-01',
          s: [SOURCE],
        },
        ['requirements', 'items', 0],
        /exactly one of code and group/,
      );
    });
  });

  describe('all or nothing', () => {
    it('a failure after the graph was written rolls the whole transaction back', async () => {
      await unchanged(async () => {
        // The audit entry is written last; sources Neo4j cannot store make that last write fail.
        const unstorable = [{ not: 'a string' }] as unknown as string[];
        await expect(
          curate(db.database, {
            mutation: 'retire',
            arguments: {},
            who: 'test',
            sources: unstorable,
            apply: (catalog) =>
              mutations.retire(catalog, {
                code: 'AZ-104',
                retiredOn: '2026-12-31',
                sources: [SOURCE],
              }),
          }),
        ).rejects.toThrow();
      });
      expect(
        (await client.post('{ exam(code: "AZ-104") { retiredOn } }', {}, null)).data.exam,
      ).toEqual({
        retiredOn: null,
      });
    });
  });

  describe('concurrency', () => {
    it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
      const first = await client.post(RETIRE, {
        code: 'AZ-104',
        on: '2026-12-31',
        sources: [SOURCE],
        v: 0,
      });
      expect(first.data.retire.catalogVersion).toBe(1);
      await unchanged(async () => {
        const stale = await client.post(RETIRE, {
          code: 'AZ-204',
          on: '2026-12-31',
          sources: [SOURCE],
          v: 0,
        });
        expect(stale.errors?.[0].extensions).toMatchObject({
          code: 'CONFLICT',
          catalogVersion: 1,
          expectedVersion: 0,
        });
      });
    });

    it('of two curators racing with the same expectedVersion, exactly one wins', async () => {
      const [a, b] = await Promise.all([
        client.post(RETIRE, { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE], v: 0 }),
        client.post(RETIRE, { code: 'AZ-204', on: '2026-12-31', sources: [SOURCE], v: 0 }),
      ]);
      const codes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect((await client.post('{ catalogVersion }', {}, null)).data.catalogVersion).toBe(1);
    });
  });

  describe('audit trail', () => {
    it('pages through changes oldest first, and filters by since', async () => {
      for (const code of ['AZ-104', 'AZ-204', 'AZ-400']) {
        expect(
          (await client.post(RETIRE, { code, on: '2026-12-31', sources: [SOURCE] })).errors,
        ).toBeUndefined();
      }
      const PAGE = `query ($after: String, $since: String) { catalogChanges(first: 2, after: $after, since: $since) {
        totalCount pageInfo { hasNextPage endCursor } nodes { version arguments } } }`;
      const page1 = (await client.post(PAGE, {}, null)).data.catalogChanges;
      expect(page1.totalCount).toBe(3);
      expect(page1.nodes.map((n: { version: number }) => n.version)).toEqual([1, 2]);
      expect(JSON.parse(page1.nodes[0].arguments).code).toBe('AZ-104');
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await client.post(PAGE, { after: page1.pageInfo.endCursor }, null)).data
        .catalogChanges;
      expect(page2.nodes.map((n: { version: number }) => n.version)).toEqual([3]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const future = (await client.post(PAGE, { since: '2999-01-01' }, null)).data.catalogChanges;
      expect(future.totalCount).toBe(0);
    });

    it('the Neo4j Browser query shows the change', async () => {
      await client.post(RETIRE, { code: 'AZ-104', on: '2026-12-31', sources: [SOURCE] });
      const query = (await loadExplorationQueries()).find(
        (q) => q.file === 'catalog-changes.cypher',
      )!;
      const rows = await db.database.read((tx) => tx.run(query.cypher, { since: null }));
      expect(rows.records.map((r) => [r.get('version'), r.get('who'), r.get('mutation')])).toEqual([
        [1, 'CURATOR_TOKEN', 'retire'],
      ]);
    });
  });
});

describe('curation without configuration', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await openTestDatabase();
    await resetAndSeed(db.database);
    server = await startTestServer(db.database, { catalogRefreshMs: CATALOG_REFRESH_FOR_TESTS });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('refuses every mutation and says how to enable them', async () => {
    const before = await snapshotGraph(db.database);
    const result = await curatorClient(server.endpoint).post(
      'mutation { removeItem(code: "AZ-104") { code } }',
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toMatch(/not configured.*CURATOR_TOKEN/);
    expect(await snapshotGraph(db.database)).toEqual(before);
  });
});
