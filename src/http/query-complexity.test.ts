import { GraphQLSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { buildCertgraphSchema } from '../schema/build-schema';
import { COMPLEXITY_ESTIMATORS } from './query-complexity';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCertgraphSchema();
});

const complexity = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: COMPLEXITY_ESTIMATORS });

test.each([
  ['one field', '{ certification(code: "x") { code } }', 2],
  ['a nested list without paging', '{ exam(code: "x") { requiredBy { code name } } }', 4],
  [
    'a page of 5: each item counts 5 times',
    '{ certifications(first: 5) { nodes { code name } } }',
    16,
  ],
  ['no `first`: the default page of 20', '{ certifications { nodes { code } } }', 41],
  ['`first: 0` still counts the selection once', '{ exams(first: 0) { totalCount } }', 2],
  [
    'search pages too, and weighs its measured cost',
    '{ search(text: "az", first: 50) { code } }',
    20 + 50,
  ],
  [
    'a plan weighs its measured cost, then its selection',
    '{ plan(target: "x") { optimal path { examCount } } }',
    32 + 1 + 1 + 1,
  ],
  [
    'paths: its weight, then its selection once per path of the page',
    '{ certification(code: "x") { paths(first: 10) { totalCount } } }',
    1 + 16 + 10 * 1,
  ],
  [
    'unlocks and the requirement graph weigh theirs',
    '{ unlocks(code: "x") { earned } certification(code: "x") { requirementGraph { root } } }',
    8 + 1 + 1 + 16 + 1,
  ],
])('%s', (_what, query, expected) => {
  expect(complexity(query)).toBe(expected);
});

test('reads the page size from variables', () => {
  const query = 'query($n: Int) { courses(first: $n) { nodes { code } } }';
  expect(complexity(query, { n: 100 })).toBe(1 + 100 * 2);
});
