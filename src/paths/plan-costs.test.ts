import { catalogToGraph } from '../seed/catalog-to-graph';
import { parseSeedFile } from '../seed/parse-seed-file';
import { examCosts, searchWeights } from './plan-costs';
import { planWay } from './plan-way';
import { certificationNodeId } from './requirement-dag';
import { compileProblem } from './requirement-problem';
import { subgraphOf } from './requirement-subgraph';

const SOURCE = 'https://example.org/source';
const GRADED = `confidence: official, sources: [${SOURCE}]`;

/** devops-engineer's shape, with a price and course durations known for some items only. */
const SEED = `
certifications:
  - code: expert
    name: Expert
    level: EXPERT
    requires:
      - oneOf:
          - certification: admin
          - certification: dev
      - exam: EX-3
    confidence: official
    sources: [${SOURCE}]
  - code: admin
    name: Admin
    level: ASSOCIATE
    requires: [{ exam: EX-1 }]
    confidence: official
    sources: [${SOURCE}]
  - code: dev
    name: Dev
    level: ASSOCIATE
    requires: [{ exam: EX-2 }]
    confidence: official
    sources: [${SOURCE}]
exams:
  - { code: EX-1, name: One, confidence: official, sources: [${SOURCE}] }
  - { code: EX-2, name: Two, confidence: official, sources: [${SOURCE}], price: { usd: 165, ${GRADED} } }
  - { code: EX-3, name: Three, confidence: official, sources: [${SOURCE}], price: { usd: 99.5, ${GRADED} } }
courses:
  - { code: EX-1T00, name: One, exams: [EX-1], confidence: official, sources: [${SOURCE}], duration: { hours: 24, ${GRADED} } }
  - { code: EX-1T01, name: One short, exams: [EX-1], confidence: official, sources: [${SOURCE}], duration: { hours: 8, ${GRADED} } }
  - { code: EX-2T00, name: Two, exams: [EX-2], confidence: official, sources: [${SOURCE}] }
`;

function parsed() {
  const { catalog, problems } = parseSeedFile('costs.yaml', SEED);
  expect(problems).toEqual([]);
  const subgraph = subgraphOf(catalogToGraph(catalog));
  const problem = compileProblem(subgraph.dag, certificationNodeId('expert'), new Set());
  return { subgraph, problem };
}

test('the seed format takes optional prices and durations, and the graph keeps them', () => {
  const { subgraph } = parsed();
  expect(subgraph.items.get('Exam:EX-2')?.priceUsd).toBe(165);
  expect(subgraph.items.get('Exam:EX-1')).not.toHaveProperty('priceUsd');
  expect(subgraph.items.get('Course:EX-1T01')?.durationInHours).toBe(8);
});

test('the seed format rejects a negative price and a zero duration', () => {
  const bad = SEED.replace('usd: 165', 'usd: -1').replace('hours: 24', 'hours: 0');
  const messages = parseSeedFile('costs.yaml', bad).problems.map((p) => `${p.field}: ${p.message}`);
  expect(messages).toEqual([
    'price.usd: must not be negative',
    'duration.hours: must be more than 0',
  ]);
});

test('per objective, what each exam costs; null where the catalog does not say', () => {
  const { subgraph, problem } = parsed();
  expect(problem.exams).toEqual(['Exam:EX-1', 'Exam:EX-2', 'Exam:EX-3']);
  expect(examCosts('FEWEST_EXAMS', problem, subgraph)).toEqual([1, 1, 1]);
  expect(examCosts('LOWEST_EXAM_COST', problem, subgraph)).toEqual([null, 165, 99.5]);
  // EX-1: the shorter of two courses; EX-2: a course without duration; EX-3: no course at all.
  expect(examCosts('FEWEST_COURSE_HOURS', problem, subgraph)).toEqual([8, null, 0]);
});

test('an unknown cost weighs more than every known cost together', () => {
  expect(searchWeights([null, 165, 99.5])).toEqual([265.5, 165, 99.5]);
  expect(searchWeights([null, null])).toEqual([1, 1]);
});

test('plans avoid unknown costs first, then minimise the known ones, and say what is unknown', () => {
  const { subgraph, problem } = parsed();
  expect(planWay(problem, subgraph, 'LOWEST_EXAM_COST')).toEqual({
    exams: ['Exam:EX-2', 'Exam:EX-3'],
    optimal: true,
    knownCost: 264.5,
    unknownCost: [],
  });
  expect(planWay(problem, subgraph, 'FEWEST_COURSE_HOURS')).toEqual({
    exams: ['Exam:EX-1', 'Exam:EX-3'],
    optimal: true,
    knownCost: 8,
    unknownCost: [],
  });
  expect(planWay(problem, subgraph, 'FEWEST_EXAMS')).toMatchObject({
    exams: ['Exam:EX-1', 'Exam:EX-3'],
    knownCost: 2,
  });
});

test('an unavoidable unknown cost is listed, and only the known part is summed', () => {
  const { subgraph } = parsed();
  const problem = compileProblem(subgraph.dag, certificationNodeId('admin'), new Set());
  expect(planWay(problem, subgraph, 'LOWEST_EXAM_COST')).toEqual({
    exams: ['Exam:EX-1'],
    optimal: true,
    knownCost: 0,
    unknownCost: ['Exam:EX-1'],
  });
});
