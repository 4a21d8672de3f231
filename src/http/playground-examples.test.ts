import { buildSchema, GraphQLSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { buildCertgraphSchema } from '../schema/build-schema';
import {
  CATALOG_EXAMPLES,
  CURATION_EXAMPLES,
  exampleErrors,
  HISTORY_EXAMPLES,
  PATH_EXAMPLES,
  PLAYGROUND_EXAMPLES,
} from './playground-examples';

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
  test.each(PLAYGROUND_EXAMPLES.map((e) => [operationName(e.query), e]))(
    '%s validates',
    (_op, example) => {
      expect(exampleErrors(schema(), example)).toEqual([]);
    },
  );
});

test('every example is one named operation, with a comment saying what it asks', () => {
  const names = PLAYGROUND_EXAMPLES.map((e) => operationName(e.query));
  expect(names.every((name) => typeof name === 'string')).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  for (const example of PLAYGROUND_EXAMPLES) expect(example.query).toMatch(/^# \S/);
});

test('the main questions come first: requirements, paths, plan, unlocks, then history', () => {
  expect(PLAYGROUND_EXAMPLES.slice(0, 6).map((e) => operationName(e.query))).toEqual([
    'Requirements',
    'Paths',
    'Plan',
    'Unlocks',
    'History',
    'RetiredTarget',
  ]);
  expect(PLAYGROUND_EXAMPLES).toHaveLength(
    CATALOG_EXAMPLES.length +
      PATH_EXAMPLES.length +
      HISTORY_EXAMPLES.length +
      CURATION_EXAMPLES.length,
  );
});

test('the curation tab is last and shows how to pass the token', () => {
  const [retire] = CURATION_EXAMPLES;
  expect(PLAYGROUND_EXAMPLES.at(-1)).toBe(retire);
  expect(retire.headers).toEqual({ authorization: 'Bearer <CURATOR_TOKEN>' });
  expect(retire.query).toMatch(/^mutation Retire/m);
  expect(retire.query).toContain('"authorization": "Bearer');
});
