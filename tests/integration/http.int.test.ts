import { createHash } from 'node:crypto';
import { PLAYGROUND_EXAMPLES } from '../../src/http/playground-examples';
import { loadSeeds } from '../../src/seed/load-seeds';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { getUrl, startTestServer, TestServer } from '../support/http-test-server';
import { ANY_STATUS } from '../support/statuses';

/**
 * The HTTP contract a portal or CDN relies on, over a real socket and the seeded Neo4j: GET
 * queries cached with ETag/304, everything else no-store, APQ over GET, CSRF prevention, CORS.
 */
const PORTAL = 'https://portal.example';
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  server = await startTestServer(db.database, { corsOrigins: [PORTAL], cacheMaxAge: 120 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const PREFLIGHTED = { 'apollo-require-preflight': 'true' };
const NAME_OF = 'query NameOf($code: String!) { certification(code: $code) { name } }';

const get = (params: Parameters<typeof getUrl>[1], headers: Record<string, string> = {}) =>
  fetch(getUrl(server.endpoint, params), { headers: { ...PREFLIGHTED, ...headers } });

/**
 * A revalidation as a browser or CDN sends it. Node's fetch would add `Cache-Control: no-cache`
 * to a request with If-None-Match (the fetch spec's no-store mode), which asks for a full answer.
 */
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('caching', () => {
  test('a GET query is public for max-age seconds, with an ETag, varying by Accept', async () => {
    const response = await get({ query: NAME_OF, variables: { code: 'devops-engineer' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { certification: { name: 'DevOps Engineer Expert' } },
    });
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(response.headers.get('vary')).toMatch(/\baccept\b/i);
  });

  test('the same GET with If-None-Match gets 304 and no body; another answer another ETag', async () => {
    const params = { query: NAME_OF, variables: { code: 'devops-engineer' } };
    const etag = (await get(params)).headers.get('etag')!;
    const revalidated = await get(params, revalidate(etag));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(etag);

    const other = await get({ query: NAME_OF, variables: { code: 'azure-developer' } });
    expect(other.headers.get('etag')).not.toBe(etag);
    const stale = await get(
      { query: NAME_OF, variables: { code: 'azure-developer' } },
      revalidate(etag),
    );
    expect(stale.status).toBe(200);
  });

  test('a POST query is never stored and has no ETag', async () => {
    const response = await post({ query: NAME_OF, variables: { code: 'devops-engineer' } });
    expect(response.status).toBe(200);
    expect((await response.json()).data.certification.name).toBe('DevOps Engineer Expert');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });

  test.each([
    ['a validation error', { query: '{ certification(code: "x") { nope } }' }],
    ['a bad argument', { query: '{ certifications(first: 1000) { totalCount } }' }],
    ['a mutation', { query: 'mutation { certification(code: "x") { name } }' }],
    ['a parse error', { query: '{ certification(' }],
  ])('a GET with %s is never stored', async (_what, params) => {
    const response = await get(params);
    const body = await response.json();
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
  });
});

test('a missing variable is the client’s error, named as such', async () => {
  const response = await post({ query: NAME_OF });
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0].message).toMatch(/\$code/);
});

describe('sources that lead somewhere', () => {
  test('every source is a URL or a document the API serves under its endpoint', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{
          certifications(first: 100, status: ${ANY_STATUS}) { nodes { sources lifecycle { sources } } }
          exams(first: 100, status: ${ANY_STATUS}) { nodes { sources lifecycle { sources } } }
        }`,
      }),
    });
    const { data } = (await response.json()) as {
      data: Record<
        string,
        { nodes: { sources: string[]; lifecycle: { sources: string[] } | null }[] }
      >;
    };
    const sources = new Set(
      Object.values(data).flatMap(({ nodes }) =>
        nodes.flatMap((node) => [...node.sources, ...(node.lifecycle?.sources ?? [])]),
      ),
    );
    const documents = [...sources].filter((source) => !/^https?:\/\//.test(source));
    // The seed document's facts cite the seed document itself.
    expect(documents).toEqual(['seeds/microsoft/seed-2021/SOURCE.md']);
    for (const source of documents) {
      const document = await fetch(new URL(source, `${server.endpoint}/`));
      expect([source, document.status]).toEqual([source, 200]);
      expect(document.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await document.text()).toContain('## Microsoft Certified: Expert');
    }
  });

  test('only the cited Markdown documents are served, nothing else of the repository', async () => {
    for (const url of [
      'seeds/microsoft/seed-2021/certifications.yaml',
      'seeds/microsoft/seed-2021/NO-SUCH.md',
    ]) {
      const response = await fetch(`${server.endpoint}/${url}`);
      expect([url, response.status, response.headers.get('content-type')]).toEqual([
        url,
        404,
        'application/json; charset=utf-8',
      ]);
    }
    // Climbing out of seeds/ (fetch normalizes the dots) never reaches a file of the repository.
    for (const url of ['seeds/%2e%2e/README.md', 'seeds/..%2fREADME.md', 'seeds/../package.json']) {
      const response = await fetch(`${server.endpoint}/${url}`);
      expect([url, response.status === 200]).toEqual([url, false]);
      expect(await response.text()).not.toMatch(/# certgraph|"name": "certgraph"/);
    }
  });
});

describe('CSRF prevention', () => {
  test('a GET without a preflight-forcing header is refused, and not stored', async () => {
    const response = await fetch(getUrl(server.endpoint, { query: '{ exams { totalCount } }' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('x-apollo-operation-name is accepted as well', async () => {
    const response = await fetch(
      getUrl(server.endpoint, { query: NAME_OF, variables: { code: 'x' } }),
      {
        headers: { 'x-apollo-operation-name': 'NameOf' },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { certification: null } });
  });
});

describe('automatic persisted queries over GET', () => {
  const query = `query ExpertCount { certifications(level: EXPERT, status: ${ANY_STATUS}) { totalCount } }`;
  const persistedQuery = {
    version: 1,
    sha256Hash: createHash('sha256').update(query).digest('hex'),
  };

  test('hash alone: unknown, then registered by one GET with the query, then answered and cached', async () => {
    // Every expert certification of seeds/, whatever its status (so the answer has no date).
    const experts = (await loadSeeds()).certifications.filter((c) => c.level === 'EXPERT').length;
    const unknown = await get({ extensions: { persistedQuery } });
    expect((await unknown.json()).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const registering = await get({ query, extensions: { persistedQuery } });
    expect(await registering.json()).toEqual({
      data: { certifications: { totalCount: experts } },
    });

    const byHash = await get({ extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({ data: { certifications: { totalCount: experts } } });
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=120');
    const etag = byHash.headers.get('etag')!;
    expect((await get({ extensions: { persistedQuery } }, revalidate(etag))).status).toBe(304);
  });

  test('a query that does not match its hash is refused', async () => {
    const response = await get({
      query: '{ exams { totalCount } }',
      extensions: { persistedQuery },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/provided sha does not match query/i);
  });
});

describe('CORS', () => {
  test('a preflight from an allowed origin may send the CSRF header and is cached two hours', async () => {
    const response = await fetch(server.endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'apollo-require-preflight',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-headers')).toMatch(
      /apollo-require-preflight/,
    );
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-max-age')).toBe('7200');
  });

  test('an allowed origin is named in the answer; another origin is not', async () => {
    const params = { query: NAME_OF, variables: { code: 'azure-developer' } };
    const allowed = await get(params, { origin: PORTAL });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const refused = await get(params, { origin: 'https://elsewhere.example' });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // Shared caches must keep the two apart.
    for (const response of [allowed, refused]) {
      expect(response.headers.get('vary')).toMatch(/\borigin\b/i);
    }
  });

  test('with no origins listed, a preflight gets a plain CORS refusal, not a CSRF error', async () => {
    const sameOriginOnly = await startTestServer(db.database);
    try {
      const response = await fetch(sameOriginOnly.endpoint, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://portal.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-headers')).toBeNull();
      expect(await response.text()).toBe('');
    } finally {
      await sameOriginOnly.close();
    }
  });

  test('a preflight from another origin gets no permission', async () => {
    const response = await fetch(server.endpoint, {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('complexity limit', () => {
  test('an operation over the limit is refused before it runs, naming its cost', async () => {
    const limited = await startTestServer(db.database, { maxQueryComplexity: 10 });
    try {
      const refused = await fetch(limited.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ certifications(first: 5) { nodes { code name } } }' }),
      });
      expect(refused.status).toBe(400);
      const body = await refused.json();
      expect(body.errors[0].message).toBe(
        'Query complexity 16 is over the limit of 10 (MAX_QUERY_COMPLEXITY): ask for fewer fields or smaller pages (first).',
      );
      expect(body.errors[0].extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'MAX_QUERY_COMPLEXITY',
        max: 10,
        complexity: 16,
      });
      const within = await fetch(limited.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ certifications(first: 2) { nodes { code } } }' }),
      });
      expect((await within.json()).data.certifications.nodes).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });

  test('the same text is weighed anew for each set of variables, also when asked again', async () => {
    const limited = await startTestServer(db.database, { maxQueryComplexity: 10 });
    const query = 'query($n: Int) { certifications(first: $n) { nodes { code } } }';
    const ask = async (n: number) => {
      const response = await fetch(limited.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { n } }),
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      for (let round = 0; round < 2; round++) {
        const small = await ask(2);
        expect(small.status).toBe(200);
        expect(small.body.data.certifications.nodes).toHaveLength(2);
        const large = await ask(50);
        expect(large.status).toBe(400);
        expect(large.body.errors[0].extensions).toMatchObject({
          code: 'QUERY_TOO_COMPLEX',
          complexity: 1 + 50 * 2,
        });
      }
    } finally {
      await limited.close();
    }
  });

  test('depth, alias and token limits refuse over HTTP with 400 and the limit named', async () => {
    const limited = await startTestServer(db.database, {
      maxQueryDepth: 3,
      maxQueryAliases: 2,
      maxQueryTokens: 40,
    });
    const ask = async (query: string) => {
      const response = await fetch(limited.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: await response.json() };
    };
    try {
      const deep = await ask('{ exam(code: "AZ-104") { requiredBy { requiredBy { code } } } }');
      expect(deep.status).toBe(400);
      expect(deep.body.errors[0].extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'MAX_QUERY_DEPTH',
        max: 3,
      });
      const aliased = await ask(
        '{ a: exam(code: "AZ-104") { code } b: exam(code: "AZ-104") { code } c: exam(code: "AZ-104") { code } }',
      );
      expect(aliased.status).toBe(400);
      expect(aliased.body.errors[0].extensions).toMatchObject({
        limit: 'MAX_QUERY_ALIASES',
        max: 2,
      });
      const long = await ask(`{ ${'exam(code: "AZ-104") { code name } '.repeat(5)} }`);
      expect(long.status).toBe(400);
      expect(long.body.errors[0]).toMatchObject({
        message: 'The query text has more than 40 tokens, the limit (MAX_QUERY_TOKENS).',
        extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'MAX_QUERY_TOKENS', max: 40 },
      });
      expect((await ask('{ exam(code: "AZ-104") { code } }')).body.data.exam.code).toBe('AZ-104');
    } finally {
      await limited.close();
    }
  });
});

describe('playground off (the default for embedders)', () => {
  test('a browser opening /graphql gets Apollo’s plain answer, no landing page; / is not served', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const endpoint = await fetch(server.endpoint, { headers: html });
    expect(endpoint.headers.get('content-type')).not.toMatch(/html/);
    expect(await endpoint.text()).not.toMatch(/<html|cdn|apollographql\.com/i);
    expect((await fetch(`${server.origin}/`, { headers: html })).status).toBe(404);
  });
});

test('every example the playground offers runs over HTTP without errors', async () => {
  for (const example of PLAYGROUND_EXAMPLES) {
    if (/^mutation /m.test(example.query)) {
      // Curators' examples: this server has no curators configured, and says so.
      const body = await (await post(example)).json();
      expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      continue;
    }
    const response = await post(example);
    const body = await response.json();
    expect({ query: example.query, errors: body.errors }).toEqual({
      query: example.query,
      errors: undefined,
    });
    expect(body.data).toBeTruthy();
  }
});
