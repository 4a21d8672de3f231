/**
 * What the seeded catalog answers on days at its edges: before any source shows an item
 * (UNKNOWN, never a guess), on the seed document's own day, and after an item's requirements or
 * its exam retired while it did not (BLOCKED, not a normal ACTIVE item).
 */
import { useSeededApi } from '../support/seeded-api';

const seeded = useSeededApi();

interface PlanAnswer {
  plan: { targetStatus: string; examCount: number | null; noPathReason: string | null };
}
const plan = async (target: string, asOf: string) =>
  (
    await seeded.api.query<PlanAnswer>(
      `query($t: String!, $asOf: Date) {
        plan(target: $t, asOf: $asOf) { targetStatus examCount noPathReason }
      }`,
      { t: target, asOf },
    )
  ).plan;

const statusOf = async (kind: 'certification' | 'exam' | 'course', code: string, asOf: string) =>
  (
    await seeded.api.query<Record<string, { status: string } | null>>(
      `query($c: String!, $asOf: Date) { item: ${kind}(code: $c) { status(asOf: $asOf) } }`,
      { c: code, asOf },
    )
  ).item?.status;

describe('before any source shows an item, the API says so instead of guessing', () => {
  test('DevOps Engineer Expert on 1990-01-01: UNKNOWN, no plan, and why', async () => {
    expect(await statusOf('certification', 'devops-engineer', '1990-01-01')).toBe('UNKNOWN');
    const answer = await plan('devops-engineer', '1990-01-01');
    expect(answer.targetStatus).toBe('UNKNOWN');
    expect(answer.examCount).toBeNull();
    expect(answer.noPathReason).toMatch(/no source shows that .*devops-engineer.* existed before/);
  });

  test('AZ-305 on the seed document’s day (2021-06-01) is UNKNOWN: it came later', async () => {
    expect(await statusOf('exam', 'AZ-305', '2021-06-01')).toBe('UNKNOWN');
    expect(await statusOf('exam', 'AZ-305', '2026-11-27')).toBe('ACTIVE');
  });

  test('the requirements of a day before the sources are not known, not empty', async () => {
    const answer = await seeded.api.query<{
      certification: { requirements: { known: boolean; items: unknown[] } };
    }>(
      `{ certification(code: "devops-engineer") {
          requirements(asOf: "1990-01-01") { known items { __typename } } } }`,
    );
    expect(answer.certification.requirements).toEqual({ known: false, items: [] });
  });
});

describe('the default certification list on the seed document’s day', () => {
  test('is what a learner could earn then: no item first known later', async () => {
    const answer = await seeded.api.query<{
      certifications: { nodes: { code: string; status: string }[] };
    }>(
      `{ certifications(asOf: "2021-06-01", first: 100) {
          nodes { code status(asOf: "2021-06-01") } } }`,
    );
    // The seed document's three experts and their associates, and the items a dated source shows
    // by then (seed.int.test.ts lists those sources); nothing first known later (AZ-305's era,
    // the agentic AI architect). A new line here is a decision about a source.
    expect(answer.certifications.nodes.map((c) => c.code)).toEqual([
      'azure-administrator',
      'azure-developer',
      'azure-solutions-architect',
      'd365-finance-and-operations-apps-developer-associate',
      'd365-finance-and-operations-apps-solution-architect-expert',
      'd365-functional-consultant-financials',
      'd365-functional-consultant-manufacturing',
      'd365-functional-consultant-supply-chain-management',
      'devops-engineer',
      'identity-and-access-administrator',
      'm365-administrator-expert',
      'modern-desktop',
      'power-apps-and-d365-solution-architect-expert',
      'power-platform-developer-associate',
      'power-platform-functional-consultant-associate',
      'power-platform-solution-architect-expert',
      'security-operations-analyst',
    ]);
    for (const node of answer.certifications.nodes) {
      expect(['BETA', 'ACTIVE', 'RETIRING']).toContain(node.status);
    }
  });
});

describe('an item whose way is gone is BLOCKED, not ACTIVE', () => {
  test('Dynamics 365 Sales Functional Consultant after MB-210 retired (2024-11-30)', async () => {
    expect(await statusOf('exam', 'MB-210', '2024-12-01')).toBe('RETIRED');
    expect(
      await statusOf('certification', 'd365-functional-consultant-sales', '2024-11-30'),
    ).not.toBe('BLOCKED');
    expect(await statusOf('certification', 'd365-functional-consultant-sales', '2024-12-01')).toBe(
      'BLOCKED',
    );
    const answer = await plan('d365-functional-consultant-sales', '2024-12-01');
    expect(answer.targetStatus).toBe('BLOCKED');
    expect(answer.noPathReason).toContain('MB-210 retired on 2024-11-30');
  });

  test('course AZ-204T00 once its exam AZ-204 retired (2026-07-31)', async () => {
    expect(await statusOf('course', 'AZ-204T00', '2026-07-31')).not.toBe('BLOCKED');
    expect(await statusOf('course', 'AZ-204T00', '2026-08-01')).toBe('BLOCKED');
  });
});
