/**
 * Dated holdings through GraphQL against the real seeds and Neo4j: the learner's view, plans
 * that account for validity, and the validity policies as data (docs/validity.md).
 */
import { useSeededApi } from '../support/seeded-api';

const seeded = useSeededApi();
const DAY = '2026-12-02';

const LEARNER = `
query Learner($holdings: [HeldCredentialInput!]!, $asOf: Date) {
  learner(holdings: $holdings, asOf: $asOf) {
    asOf
    credentials {
      code state counts earnedOn renewedOn validUntil renewalOpensOn
      item { __typename code }
      policy { id }
      unlocks { certification { code } earned remainingExamCount }
      ifExpired { from stopsMeeting { code } reEarn { alreadyQualified path { exams { code } } } }
    }
    actions { on kind code }
  }
}`;

interface LearnerData {
  learner: {
    asOf: string;
    credentials: {
      code: string;
      state: string;
      counts: boolean;
      validUntil: string | null;
      renewalOpensOn: string | null;
      item: { __typename: string; code: string };
      policy: { id: string } | null;
      unlocks: { certification: { code: string }; earned: boolean; remainingExamCount: number }[];
      ifExpired: {
        from: string;
        stopsMeeting: { code: string }[];
        reEarn: { alreadyQualified: boolean; path: { exams: { code: string }[] } | null } | null;
      } | null;
    }[];
    actions: { on: string; kind: string; code: string }[];
  };
}

const learner = (holdings: unknown[], asOf = DAY) =>
  seeded.api.query<LearnerData>(LEARNER, { holdings, asOf });

describe('learner: what is held, for how long', () => {
  test('an associate in its renewal window, an expired one and an exam pass', async () => {
    const { learner: view } = await learner([
      { code: 'azure-administrator', earnedOn: '2026-03-01' },
      { code: 'AZURE-DEVELOPER', earnedOn: '2024-05-10' },
      { code: 'az-400', earnedOn: '2026-06-01' },
    ]);
    const [admin, developer, exam] = view.credentials;
    expect(admin).toMatchObject({
      code: 'azure-administrator',
      state: 'RENEWAL_OPEN',
      counts: true,
      validUntil: '2027-03-01',
      renewalOpensOn: '2026-09-01',
      policy: { id: 'microsoft-role-based-one-year' },
    });
    // With AZ-400 held, the administrator completes DevOps Engineer Expert.
    expect(admin.unlocks).toContainEqual({
      certification: { code: 'devops-engineer' },
      earned: true,
      remainingExamCount: 0,
    });
    // Expiring would cost that, and earning it again means AZ-104 again.
    expect(admin.ifExpired?.from).toBe('2027-03-02');
    expect(admin.ifExpired?.stopsMeeting.map((c) => c.code)).toContain('devops-engineer');
    expect(admin.ifExpired?.reEarn?.path?.exams.map((e) => e.code)).toEqual(['AZ-104']);

    expect(developer).toMatchObject({
      code: 'azure-developer',
      state: 'EXPIRED',
      counts: false,
      validUntil: '2025-05-10',
      renewalOpensOn: '2024-11-10',
      unlocks: [],
    });
    expect(exam).toMatchObject({
      code: 'AZ-400',
      state: 'DOES_NOT_EXPIRE',
      item: { __typename: 'Exam' },
      policy: null,
      ifExpired: null,
    });
    // Azure Developer Associate retired on 2026-07-31: it cannot be earned again, so no action.
    expect(view.actions).toEqual([
      { on: '2027-03-01', kind: 'RENEW_BY', code: 'azure-administrator' },
    ]);
    // An expired associate that is still offered is to be earned again.
    const { learner: earlier } = await learner(
      [{ code: 'azure-developer', earnedOn: '2024-05-10' }],
      '2026-01-15',
    );
    expect(earlier.actions).toEqual([
      { on: '2026-01-15', kind: 'EARN_AGAIN', code: 'azure-developer' },
    ]);
  });

  test('earned before 2021-06-30: two years, under the older policy; renewed: a year more', async () => {
    // A renewal after the day asked is refused, naming where it was said.
    const early = await seeded.api.execute(LEARNER, {
      holdings: [
        { code: 'azure-administrator', earnedOn: '2021-06-29' },
        { code: 'devops-engineer', earnedOn: '2025-03-01', renewedOn: '2026-03-01' },
      ],
      asOf: '2025-07-01',
    });
    expect(early.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'holdings[1].renewedOn',
    });
    const { learner: later } = await learner(
      [
        { code: 'azure-administrator', earnedOn: '2021-06-29' },
        { code: 'devops-engineer', earnedOn: '2025-03-01', renewedOn: '2026-03-01' },
      ],
      '2026-06-01',
    );
    expect(later.credentials.map((c) => [c.code, c.policy?.id, c.validUntil, c.state])).toEqual([
      ['azure-administrator', 'microsoft-role-based-two-years', '2023-06-29', 'EXPIRED'],
      ['devops-engineer', 'microsoft-role-based-one-year', '2027-03-01', 'ACTIVE'],
    ]);
  });

  test.each([
    [
      { code: 'azure-administrator', earnedOn: '2025-03-01', renewedOn: '2026-03-02' },
      'holdings[0].renewedOn',
      /not inside a renewal window.*must be earned again/,
    ],
    [{ code: 'AZ-104T00', earnedOn: '2025-03-01' }, 'holdings[0].code', /names a course/],
    [{ code: 'no-such-thing' }, 'holdings[0].code', /not a certification or exam code/],
    [
      { code: 'azure-administrator', earnedOn: '2027-01-01' },
      'holdings[0].earnedOn',
      /after the day asked/,
    ],
  ])('%j is refused with BAD_USER_INPUT naming %s', async (held, argumentName, message) => {
    const result = await seeded.api.execute(LEARNER, { holdings: [held], asOf: DAY });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(result.errors?.[0].message).toMatch(message);
  });

  test('validityPolicies: the sourced policies, by level', async () => {
    const data = await seeded.api.query<{
      validityPolicies: {
        id: string;
        expires: boolean;
        validityMonths: number | null;
        validity: { confidence: string; sources: string[] };
        renewal: {
          opensMonthsBeforeExpiry: number;
          extendsMonths: number;
          confidence: string;
        } | null;
      }[];
    }>(`{ validityPolicies(level: "associate") { id expires validityMonths
          validity { confidence sources } renewal { opensMonthsBeforeExpiry extendsMonths confidence } } }`);
    expect(data.validityPolicies.map((p) => [p.id, p.validityMonths, p.renewal])).toEqual([
      [
        'microsoft-role-based-one-year',
        12,
        { opensMonthsBeforeExpiry: 6, extendsMonths: 12, confidence: 'OFFICIAL' },
      ],
      [
        'microsoft-role-based-two-years',
        24,
        { opensMonthsBeforeExpiry: 6, extendsMonths: 12, confidence: 'OFFICIAL' },
      ],
    ]);
    expect(data.validityPolicies[0].validity.sources).toContain(
      'https://learn.microsoft.com/en-us/credentials/support/credential-expiration-policy',
    );
  });
});

describe('plans and paths over time', () => {
  const PLAN = `
  query Plan($holdings: [HeldCredentialInput!], $asOf: Date) {
    plan(target: "devops-engineer", holdings: $holdings, asOf: $asOf) {
      alreadyQualified
      path { exams { code } }
      warnings
      renewals { on kind code }
    }
  }`;
  type PlanData = {
    plan: {
      alreadyQualified: boolean;
      path: { exams: { code: string }[] } | null;
      warnings: string[];
      renewals: { on: string; kind: string; code: string }[];
    };
  };

  test('an associate in its renewal window counts, says so, and comes with its renewal', async () => {
    const { plan } = await seeded.api.query<PlanData>(PLAN, {
      holdings: [{ code: 'azure-administrator', earnedOn: '2026-03-01' }],
      asOf: DAY,
    });
    expect(plan.path?.exams.map((e) => e.code)).toEqual(['AZ-400']);
    expect(plan.warnings).toEqual([
      "azure-administrator counts toward devops-engineer only until 2027-03-01: renew it now (the window opened on 2026-09-01), or pass this plan's exams by then.",
    ]);
    expect(plan.renewals).toEqual([
      { on: '2027-03-01', kind: 'RENEW_BY', code: 'azure-administrator' },
    ]);
  });

  test('an expired associate counts toward nothing: the plan earns one again', async () => {
    const { plan } = await seeded.api.query<PlanData>(PLAN, {
      holdings: [{ code: 'azure-administrator', earnedOn: '2025-03-01' }],
      asOf: DAY,
    });
    expect(plan.path?.exams.map((e) => e.code).sort()).toEqual(['AZ-104', 'AZ-400']);
    expect(plan.warnings).toEqual([
      'azure-administrator expired on 2026-03-01 and no longer counts toward devops-engineer; this plan earns it again or goes another way.',
    ]);
    expect(plan.renewals).toEqual([]);
  });

  test('a bare code keeps its meaning: held and valid, no warnings', async () => {
    const data = await seeded.api.query<PlanData>(
      `{ plan(target: "devops-engineer", holding: ["azure-administrator"], asOf: "${DAY}") {
          alreadyQualified path { exams { code } } warnings renewals { on kind code } } }`,
    );
    expect(data.plan).toEqual({
      alreadyQualified: false,
      path: { exams: [{ code: 'AZ-400' }] },
      warnings: [],
      renewals: [],
    });
  });

  test('paths and unlocks take dated holdings too: an expired associate does not count', async () => {
    const data = await seeded.api.query<{
      certification: { paths: { nodes: { exams: { code: string }[] }[] } };
      exam: { unlocks: { certification: { code: string }; earned: boolean }[] };
    }>(
      `query($h: [HeldCredentialInput!]) {
        certification(code: "devops-engineer") { paths(holdings: $h, asOf: "${DAY}") { nodes { exams { code } } } }
        exam(code: "AZ-400") { unlocks(holdings: $h, asOf: "${DAY}") { certification { code } earned } }
      }`,
      { h: [{ code: 'azure-administrator', earnedOn: '2025-03-01' }] },
    );
    expect(data.certification.paths.nodes.every((p) => p.exams.length === 2)).toBe(true);
    expect(data.exam.unlocks).toContainEqual({
      certification: { code: 'devops-engineer' },
      earned: false,
    });
  });
});
