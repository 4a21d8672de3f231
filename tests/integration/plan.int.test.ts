/**
 * Query.plan against the real seeds (hand-worked answers on the seed document's graph, as of its
 * day 2021-06-01, and what changed by 2026-11-27), then against a synthetic catalog with shared
 * prerequisites and known prices, where the answer is checked by brute force.
 */
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { examCosts, searchWeights } from '../../src/paths/plan-costs';
import { subgraphOf } from '../../src/paths/requirement-subgraph';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { bruteForceCheapest } from '../support/paths/brute-force';
import { problemFromCatalog } from '../support/paths/problems';
import { resetAndLoad } from '../support/test-database';
import { useSeededApi } from '../support/seeded-api';

const seeded = useSeededApi();
/** The seed document's day: its graph, before anything retired. */
const SEED_DAY = '2021-06-01';
/** The day the 2026 reference was last checked. */
const REFERENCE_DAY = '2026-11-27';

const PLAN = `
query Plan($target: String!, $holding: [String!], $optimizeFor: PlanObjective, $asOf: Date) {
  plan(target: $target, holding: $holding, optimizeFor: $optimizeFor, asOf: $asOf) {
    target { code }
    targetStatus
    objective
    optimal
    alreadyQualified
    examCount
    noPathReason
    successors { code }
    totalCost
    knownCost
    costUnknownFor { code }
    path {
      exams { code }
      certifications { code }
      steps { exam { code } completes { code } courses { code } }
    }
  }
}`;

interface PlanData {
  plan: {
    target: { code: string };
    targetStatus: string;
    objective: string;
    optimal: boolean;
    alreadyQualified: boolean;
    examCount: number | null;
    noPathReason: string | null;
    successors: { code: string }[];
    totalCost: number | null;
    knownCost: number;
    costUnknownFor: { code: string }[];
    path: {
      exams: { code: string }[];
      certifications: { code: string }[];
      steps: {
        exam: { code: string };
        completes: { code: string }[];
        courses: { code: string }[];
      }[];
    } | null;
  } | null;
}

const plan = (target: string, holding?: string[], optimizeFor?: string, asOf?: string) =>
  seeded.api
    .query<PlanData>(PLAN, { target, holding, optimizeFor, asOf })
    .then((data) => data.plan);

const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe('FEWEST_EXAMS for every certification of the seed document, as of 2021-06-01', () => {
  // Ties between equally short paths go to the alternative listed first in the catalog.
  const table: [string, string[], string[]][] = [
    ['azure-solutions-architect', ['AZ-303', 'AZ-304'], ['azure-solutions-architect']],
    ['devops-engineer', ['AZ-104', 'AZ-400'], ['azure-administrator', 'devops-engineer']],
    [
      'power-platform-solution-architect-expert',
      ['PL-200', 'PL-600'],
      [
        'power-platform-functional-consultant-associate',
        'power-platform-solution-architect-expert',
      ],
    ],
    ['azure-administrator', ['AZ-104'], ['azure-administrator']],
    ['azure-developer', ['AZ-204'], ['azure-developer']],
    [
      'power-platform-functional-consultant-associate',
      ['PL-200'],
      ['power-platform-functional-consultant-associate'],
    ],
    ['power-platform-developer-associate', ['PL-400'], ['power-platform-developer-associate']],
  ];

  test.each(table)('%s', async (target, exams, certifications) => {
    const result = (await plan(target, [], undefined, SEED_DAY))!;
    expect(result).toMatchObject({
      target: { code: target },
      noPathReason: null,
      objective: 'FEWEST_EXAMS',
      optimal: true,
      alreadyQualified: false,
      examCount: exams.length,
      totalCost: exams.length,
      knownCost: exams.length,
      costUnknownFor: [],
    });
    expect(codes(result.path!.exams)).toEqual(exams);
    expect(codes(result.path!.certifications)).toEqual(certifications);
  });
});

describe('the same certifications as of 2026-11-27', () => {
  test.each([
    // AZ-303 and AZ-304 gave way to the associate plus AZ-305 on 2022-04-01.
    ['azure-solutions-architect', ['AZ-104', 'AZ-305']],
    ['devops-engineer', ['AZ-104', 'AZ-400']],
    ['azure-administrator', ['AZ-104']],
  ])('%s can still be earned: %j', async (target, exams) => {
    const result = (await plan(target, [], undefined, REFERENCE_DAY))!;
    expect(result).toMatchObject({ targetStatus: 'ACTIVE', noPathReason: null, optimal: true });
    expect(result.examCount).toBe(exams.length);
    expect(codes(result.path!.exams)).toEqual(exams);
  });

  test.each([
    [
      'power-platform-solution-architect-expert',
      '2026-06-30',
      'agentic-ai-business-solutions-architect',
    ],
    ['azure-developer', '2026-07-31', 'azure-ai-cloud-developer-associate'],
    ['power-platform-functional-consultant-associate', '2026-08-31', 'AB-410'],
    ['power-platform-developer-associate', '2026-10-30', 'AB-400'],
  ])('%s retired on %s: no path, the reason and the successor', async (target, day, successor) => {
    const result = (await plan(target, [], undefined, REFERENCE_DAY))!;
    expect(result).toMatchObject({
      targetStatus: 'RETIRED',
      path: null,
      examCount: null,
      successors: [{ code: successor }],
    });
    expect(result.noPathReason).toContain(`retired on ${day}`);
  });
});

test('holding azure-developer: the plan for devops-engineer is AZ-400 alone', async () => {
  const result = (await plan('devops-engineer', ['azure-developer'], undefined, SEED_DAY))!;
  expect(codes(result.path!.exams)).toEqual(['AZ-400']);
  expect(result.path!.steps).toEqual([
    {
      exam: { code: 'AZ-400' },
      completes: [{ code: 'devops-engineer' }],
      courses: [{ code: 'AZ-400T00' }],
    },
  ]);
});

test('already qualified: an empty path at no cost', async () => {
  expect(await plan('devops-engineer', ['DEVOPS-ENGINEER'], undefined, SEED_DAY)).toMatchObject({
    alreadyQualified: true,
    optimal: true,
    examCount: 0,
    totalCost: 0,
    path: { exams: [], certifications: [], steps: [] },
  });
});

test('the seeds know sourced exam prices, and course lengths only in days: the plan says which costs it does not know', async () => {
  // AZ-104, AZ-204 and AZ-400 each have a sourced US price of $165.
  const cheapest = (await plan('devops-engineer', [], 'LOWEST_EXAM_COST', SEED_DAY))!;
  expect(cheapest).toMatchObject({ optimal: true, totalCost: 330, knownCost: 330 });
  expect(codes(cheapest.path!.exams)).toEqual(['AZ-104', 'AZ-400']);
  expect(codes(cheapest.costUnknownFor)).toEqual([]);
  // No source gives a course's hours (AZ-104T00 and AZ-400T00 have days): with every cost
  // unknown the honest best is the fewest exams, each listed as unknown.
  const shortest = (await plan('devops-engineer', [], 'FEWEST_COURSE_HOURS', SEED_DAY))!;
  expect(shortest).toMatchObject({ optimal: true, totalCost: null, knownCost: 0 });
  expect(codes(shortest.path!.exams)).toEqual(['AZ-104', 'AZ-400']);
  expect(codes(shortest.costUnknownFor)).toEqual(['AZ-104', 'AZ-400']);
  // Days are what Microsoft publishes: AZ-104T00 and AZ-400T00 run 4 days each.
  const fewestDays = (await plan('devops-engineer', [], 'FEWEST_COURSE_DAYS', SEED_DAY))!;
  expect(fewestDays).toMatchObject({ optimal: true, totalCost: 8, knownCost: 8 });
  expect(codes(fewestDays.costUnknownFor)).toEqual([]);
});

test('prices and course lengths come with their sources and grade', async () => {
  const data = await seeded.api.query<{
    exam: { priceUsd: number; price: { usd: number; confidence: string; sources: string[] } };
    course: {
      durationInDays: number;
      durationInHours: number | null;
      duration: { days: number; confidence: string; sources: string[] };
    };
  }>(`{
    exam(code: "AZ-400") { priceUsd price { usd confidence sources } }
    course(code: "AZ-400T00") { durationInDays durationInHours duration { days hours confidence sources } }
  }`);
  expect(data.exam.priceUsd).toBe(165);
  expect(data.exam.price).toMatchObject({ usd: 165, confidence: 'SECONDARY' });
  expect(data.exam.price.sources.length).toBeGreaterThan(0);
  expect(data.course).toMatchObject({ durationInDays: 4, durationInHours: null });
  expect(data.course.duration).toMatchObject({ days: 4, confidence: 'OFFICIAL' });
  expect(data.course.duration.sources.length).toBeGreaterThan(0);
});

test('an unknown target is null; an unknown held code is an error naming it', async () => {
  expect(await plan('no-such-certification')).toBeNull();
  const result = await seeded.api.execute(PLAN, { target: 'devops-engineer', holding: ['XX-1'] });
  expect(result.errors![0]).toMatchObject({
    message: 'holding: unknown code(s) "XX-1". holding takes certification and exam codes.',
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'holding' },
  });
});

describe('a synthetic catalog with shared prerequisites and prices, in Neo4j', () => {
  const catalog = syntheticCatalog({
    seed: 7,
    certifications: 40,
    depth: 3,
    choiceWidth: 3,
    sharingRatio: 0.6,
    priceKnownRatio: 1,
  });

  beforeAll(async () => {
    await resetAndLoad(seeded.db.database, catalog);
  });

  test('LOWEST_EXAM_COST equals the brute-force cheapest for every small target', async () => {
    const subgraph = subgraphOf(catalogToGraph(catalog));
    let checked = 0;
    for (const cert of catalog.certifications) {
      const problem = problemFromCatalog(catalog, cert.code);
      if (problem.exams.length > 14) continue;
      const costs = examCosts('LOWEST_EXAM_COST', problem, subgraph);
      const expected = bruteForceCheapest(problem, searchWeights(costs));
      const result = (await plan(cert.code, [], 'LOWEST_EXAM_COST'))!;
      expect(result.optimal).toBe(true);
      expect(result.totalCost).toBeCloseTo(expected, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
