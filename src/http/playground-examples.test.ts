import { buildSchema, GraphQLSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { buildCertgraphSchema } from '../schema/build-schema';
import {
  CATALOG_EXAMPLES,
  exampleErrors,
  PATH_EXAMPLES,
  PLAYGROUND_EXAMPLES,
  runnableExamples,
} from './playground-examples';

/** The fields src/paths adds; until the schema has them, path examples may only miss these. */
const PENDING = /"(paths|plan|unlocks)"|"PlanObjective"|"FEWEST_EXAMS"/;

const operationName = (query: string) =>
  parse(query).definitions.map((d) => ('name' in d ? d.name?.value : undefined))[0];

// Not imported from schema/emit.ts: importing that script runs it.
const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

let built: GraphQLSchema;
let committed: GraphQLSchema;
beforeAll(async () => {
  built = await buildCertgraphSchema();
  committed = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
});

describe.each([
  ['the schema the server builds', () => built],
  ['schema/schema.graphql', () => committed],
])('playground examples against %s', (_name, schema) => {
  test.each(CATALOG_EXAMPLES.map((e) => [operationName(e.query), e]))(
    'catalog example %s validates',
    (_op, example) => {
      expect(exampleErrors(schema(), example)).toEqual([]);
    },
  );

  test.each(PATH_EXAMPLES.map((e) => [operationName(e.query), e]))(
    'path example %s validates, or misses only the fields still being built',
    (_op, example) => {
      const hasPathFields = schema().getQueryType()?.getFields().plan !== undefined;
      const errors = exampleErrors(schema(), example);
      if (hasPathFields) expect(errors).toEqual([]);
      else for (const error of errors) expect(error).toMatch(PENDING);
    },
  );
});

test('every example is one named operation, with a comment saying what it asks', () => {
  const names = PLAYGROUND_EXAMPLES.map((e) => operationName(e.query));
  expect(names.every((name) => typeof name === 'string')).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  for (const example of PLAYGROUND_EXAMPLES) expect(example.query).toMatch(/^# \S/);
});

test('the IDE opens with the requirements question and leaves out what the schema cannot run', () => {
  const runnable = runnableExamples(built).map((e) => operationName(e.query));
  expect(runnable[0]).toBe('Requirements');
  for (const example of CATALOG_EXAMPLES) expect(runnable).toContain(operationName(example.query));
  expect(runnable.length).toBe(
    PLAYGROUND_EXAMPLES.filter((e) => exampleErrors(built, e).length === 0).length,
  );
});
