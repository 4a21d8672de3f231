/**
 * Query.plan against the real seeds (hand-worked answers), then against a synthetic catalog with
 * shared prerequisites and known prices, where the answer is checked by brute force.
 */
import { catalogToGraph } from '../../src/seed/catalog-to-graph';
import { examCosts, searchWeights } from '../../src/paths/plan-costs';
import { subgraphOf } from '../../src/paths/requirement-subgraph';
import { syntheticCatalog } from '../../src/paths/synthetic-catalog';
import { bruteForceCheapest } from '../../src/paths/testing/brute-force';
import { problemFromCatalog } from '../../src/paths/testing/problems';
import { resetAndLoad } from '../support/test-database';
import { useSeededApi } from '../support/seeded-api';

const seeded = useSeededApi();

const PLAN = `
query Plan($target: String!, $holding: [String!], $optimizeFor: PlanObjective) {
  plan(target: $target, holding: $holding, optimizeFor: $optimizeFor) {
    target { code }
    objective
    optimal
    alreadyQualified
    examCount
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
    objective: string;
    optimal: boolean;
    alreadyQualified: boolean;
    examCount: number;
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
    };
  } | null;
}

const plan = (target: string, holding?: string[], optimizeFor?: string) =>
  seeded.api.query<PlanData>(PLAN, { target, holding, optimizeFor }).then((data) => data.plan);

const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe('FEWEST_EXAMS for every seed certification', () => {
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
    const result = (await plan(target))!;
    expect(result).toMatchObject({
      target: { code: target },
      objective: 'FEWEST_EXAMS',
      optimal: true,
      alreadyQualified: false,
      examCount: exams.length,
      totalCost: exams.length,
      knownCost: exams.length,
      costUnknownFor: [],
    });
    expect(codes(result.path.exams)).toEqual(exams);
    expect(codes(result.path.certifications)).toEqual(certifications);
  });
});

test('holding azure-developer: the plan for devops-engineer is AZ-400 alone', async () => {
  const result = (await plan('devops-engineer', ['azure-developer']))!;
  expect(codes(result.path.exams)).toEqual(['AZ-400']);
  expect(result.path.steps).toEqual([
    {
      exam: { code: 'AZ-400' },
      completes: [{ code: 'devops-engineer' }],
      courses: [{ code: 'AZ-400T00' }],
    },
  ]);
});

test('already qualified: an empty path at no cost', async () => {
  expect(await plan('devops-engineer', ['DEVOPS-ENGINEER'])).toMatchObject({
    alreadyQualified: true,
    optimal: true,
    examCount: 0,
    totalCost: 0,
    path: { exams: [], certifications: [], steps: [] },
  });
});

test('the seeds know no prices or durations yet: the plan says so instead of guessing', async () => {
  for (const objective of ['LOWEST_EXAM_COST', 'FEWEST_COURSE_HOURS']) {
    const result = (await plan('devops-engineer', [], objective))!;
    expect(result).toMatchObject({ objective, optimal: true, totalCost: null, knownCost: 0 });
    // With every cost unknown the honest best is the fewest exams, each listed as unknown.
    expect(codes(result.path.exams)).toEqual(['AZ-104', 'AZ-400']);
    expect(codes(result.costUnknownFor)).toEqual(['AZ-104', 'AZ-400']);
  }
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
