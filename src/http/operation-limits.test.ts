import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { DEFAULT_OPTIONS, formatError } from '../app';
import { Context, createContext } from '../api/context';
import { HttpConfig } from '../config';
import { buildCertgraphSchema } from '../schema/build-schema';
import { catalogToGraph } from '../seed/catalog-to-graph';
import { loadSeeds } from '../seed/load-seeds';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { operationLimitOptions, tokenLimitPlugin } from './operation-limits';
import { PLAYGROUND_EXAMPLES } from './playground-examples';
import { queryComplexityPlugin } from './query-complexity';

let snapshot: CatalogSnapshot;
beforeAll(async () => {
  snapshot = new CatalogSnapshot(catalogToGraph(await loadSeeds()), 'test');
});

/** The API's Apollo options for these limits, over the seeds, without HTTP. */
async function apiWith(limits: Partial<HttpConfig> = {}) {
  const http = { ...DEFAULT_OPTIONS, ...limits };
  const apollo = new ApolloServer<Context>({
    schema: await buildCertgraphSchema(),
    formatError,
    ...operationLimitOptions(http),
    plugins: [queryComplexityPlugin(http.maxQueryComplexity), tokenLimitPlugin(http)],
  });
  await apollo.start();
  const execute = async (query: string, variables?: Record<string, unknown>) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(snapshot) },
    );
    if (response.body.kind !== 'single') throw new Error('incremental answer');
    return { status: response.http.status, ...response.body.singleResult };
  };
  return { execute, stop: () => apollo.stop() };
}

const aliases = (n: number, field = 'certification(code: "devops-engineer") { code }') =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** `depth` levels of requirements, each level an ALL_OF group's items. */
const nested = (depth: number) => {
  let inner = 'mode';
  for (let level = 3; level < depth; level++) {
    inner = `items { ... on RequirementGroup { ${inner} } }`;
  }
  return `{ certification(code: "devops-engineer") { requirements { ${inner} } } }`;
};

describe('operation limits', () => {
  test('aliases over MAX_QUERY_ALIASES are refused, naming the limit and its value', async () => {
    const api = await apiWith({ maxQueryAliases: 5 });
    try {
      expect((await api.execute(aliases(5))).errors).toBeUndefined();
      const refused = await api.execute(aliases(6));
      expect(refused.data).toBeUndefined();
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'Aliases 6 is over the limit of 5 (MAX_QUERY_ALIASES).',
          extensions: expect.objectContaining({
            code: 'GRAPHQL_VALIDATION_FAILED',
            limit: 'MAX_QUERY_ALIASES',
            max: 5,
            found: 6,
          }),
        }),
      ]);
    } finally {
      await api.stop();
    }
  });

  test.each([
    ['the token limit, unparsed', {}, 'MAX_QUERY_TOKENS'],
    ['the alias limit, with tokens to spare', { maxQueryTokens: 100_000 }, 'MAX_QUERY_ALIASES'],
  ])(
    '1000 aliases of plan are refused before any resolver runs: %s',
    async (_what, limits, limit) => {
      const api = await apiWith(limits);
      try {
        const started = process.cpuUsage();
        const refused = await api.execute(
          aliases(1000, 'plan(target: "devops-engineer") { optimal }'),
        );
        const cpu = process.cpuUsage(started);
        expect(refused.data).toBeUndefined();
        expect(refused.errors?.map((e) => e.extensions?.limit)).toContain(limit);
        // Reading and checking 1000 fields, not planning them (3 to 7 s of CPU before).
        expect((cpu.user + cpu.system) / 1000).toBeLessThan(1000);
      } finally {
        await api.stop();
      }
    },
  );

  test('selections nested deeper than MAX_QUERY_DEPTH are refused; fragments add no level', async () => {
    const api = await apiWith({ maxQueryDepth: 6 });
    try {
      expect((await api.execute(nested(6))).errors).toBeUndefined();
      const refused = await api.execute(nested(7));
      expect(refused.errors).toEqual([
        expect.objectContaining({
          message: 'Query depth 7 is over the limit of 6 (MAX_QUERY_DEPTH).',
          extensions: expect.objectContaining({
            code: 'GRAPHQL_VALIDATION_FAILED',
            limit: 'MAX_QUERY_DEPTH',
            max: 6,
            found: 7,
          }),
        }),
      ]);
    } finally {
      await api.stop();
    }
  });

  test('a text of more tokens than MAX_QUERY_TOKENS is refused unparsed', async () => {
    const api = await apiWith({ maxQueryTokens: 50 });
    try {
      // { a0: certification(code: "devops-engineer") { code } } is 11 tokens, plus 2 braces.
      expect((await api.execute(aliases(4))).errors).toBeUndefined();
      const refused = await api.execute(aliases(5));
      expect(refused.status).toBe(400);
      expect(refused.errors).toEqual([
        {
          message: 'The query text has more than 50 tokens, the limit (MAX_QUERY_TOKENS).',
          locations: [expect.objectContaining({ line: 1 })],
          extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'MAX_QUERY_TOKENS', max: 50 },
        },
      ]);
    } finally {
      await api.stop();
    }
  });

  test('the complexity refusal names its limit and value too', async () => {
    const api = await apiWith({ maxQueryComplexity: 100 });
    try {
      const refused = await api.execute(aliases(4, 'plan(target: "devops-engineer") { optimal }'));
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_QUERY_COMPLEXITY', max: 100 },
      });
      expect(refused.errors?.[0].message).toMatch(/over the limit of 100 \(MAX_QUERY_COMPLEXITY\)/);
    } finally {
      await api.stop();
    }
  });
});

test('every playground example passes the default limits and the complexity limit', async () => {
  const api = await apiWith();
  try {
    for (const example of PLAYGROUND_EXAMPLES) {
      const response = await api.execute(example.query, example.variables);
      const refusals = (response.errors ?? []).filter((e) => e.extensions?.limit !== undefined);
      expect({ query: example.query, refusals }).toEqual({ query: example.query, refusals: [] });
    }
  } finally {
    await api.stop();
  }
});

test.each([
  [
    '30 plans with their steps',
    30,
    'plan(target: "cybersecurity-architect-expert") { optimal path { exams { code } steps { exam { code } completes { code } courses { code } } } }',
  ],
  ['28 searches of 50', 28, 'search(text: "azure", first: 50) { code }'],
  [
    '17 pages of 100 paths',
    17,
    'certification(code: "agentic-ai-business-solutions-architect") { paths(first: 100) { totalCount } }',
  ],
])(
  'the heaviest requests the defaults accept stay under the documented bound: %s',
  async (_what, n, field) => {
    const api = await apiWith();
    try {
      const query = aliases(n, field);
      expect((await api.execute(query)).errors).toBeUndefined(); // accepted (and warmed up)
      const cpuMs: number[] = [];
      for (let round = 0; round < 5; round++) {
        const started = process.cpuUsage();
        await api.execute(query);
        const cpu = process.cpuUsage(started);
        cpuMs.push((cpu.user + cpu.system) / 1000);
      }
      // docs/limits.md: about 2000 points × 0.025 ms = 50 ms; measured 2 to 9 ms on the seeds
      // (bench:costs), up to 70 ms under jest on a machine busy with other tests. Held to 250 ms:
      // what the limits must prevent is seconds (1000 plans took 3 to 7 s).
      expect(cpuMs.sort((a, b) => a - b)[2]).toBeLessThan(250);
    } finally {
      await api.stop();
    }
  },
);
