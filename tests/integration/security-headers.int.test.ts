import { loadHttpConfig } from '../../src/config';
import { PLAYGROUND_CSP } from '../../src/http/playground-page';
import { startTestServer } from '../support/http-test-server';
import { useSeededServer } from '../support/seeded-api';

/**
 * Security headers (helmet) on every answer of the standalone app, the playground's own CSP,
 * and introspection and field suggestions as configured: over a real socket and the seeded Neo4j.
 */
const seeded = useSeededServer({ playground: true });

const postQuery = (endpoint: string, query: string) =>
  fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

test('every kind of answer carries nosniff and the API’s headers', async () => {
  const answers = {
    query: await postQuery(seeded.server.endpoint, '{ __typename }'),
    error: await postQuery(seeded.server.endpoint, '{ nope }'),
    get: await fetch(`${seeded.server.endpoint}?query={__typename}`, {
      headers: { 'apollo-require-preflight': '1' },
    }),
    health: await fetch(`${seeded.server.origin}/health/live`),
    unknown: await fetch(`${seeded.server.origin}/nope`),
    badJson: await fetch(seeded.server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    }),
    document: await fetch(`${seeded.server.endpoint}/seeds/microsoft/seed-2021/SOURCE.md`),
    asset: await fetch(`${seeded.server.endpoint}/playground/graphiql.js`),
    page: await fetch(`${seeded.server.origin}/`, { headers: { accept: 'text/html' } }),
  };
  for (const [name, response] of Object.entries(answers)) {
    const h = response.headers;
    expect([name, h.get('x-content-type-options')]).toEqual([name, 'nosniff']);
    expect([name, h.get('referrer-policy')]).toEqual([name, 'no-referrer']);
    expect([name, h.get('cross-origin-resource-policy')]).toEqual([name, 'same-origin']);
    expect([name, h.get('x-powered-by')]).toEqual([name, null]);
    expect([name, h.get('x-request-id')]).toEqual([name, expect.any(String)]);
  }
  // JSON answers: a CSP that allows nothing, and no page may frame them.
  for (const name of ['query', 'error', 'get', 'health', 'unknown', 'badJson'] as const) {
    const h = answers[name].headers;
    expect([name, h.get('content-security-policy')]).toEqual([
      name,
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    ]);
    expect([name, h.get('x-frame-options')]).toEqual([name, 'DENY']);
  }
  // The playground page and its files (workers run under their own answer's CSP) get its CSP.
  expect(answers.page.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
  expect(answers.page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(answers.asset.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
});

describe('introspection and field suggestions', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';
  const TYPO = '{ certificatio(code: "x") { name } }';

  test('on by default outside production: the playground can read the schema', async () => {
    const introspection = await (await postQuery(seeded.server.endpoint, INTROSPECT)).json();
    expect(introspection.data.__schema.queryType.name).toBe('Query');
    const typo = await (await postQuery(seeded.server.endpoint, TYPO)).json();
    expect(typo.errors[0].message).toMatch(/Did you mean "certification"/);
  });

  test('off: __schema is refused and errors name no fields of the schema', async () => {
    const closed = await startTestServer(seeded.db.database, {
      introspection: false,
      fieldSuggestions: false,
    });
    try {
      const introspection = await postQuery(closed.endpoint, INTROSPECT);
      expect(introspection.status).toBe(400);
      const body = await introspection.json();
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/introspection/i);
      const typo = await (await postQuery(closed.endpoint, TYPO)).json();
      expect(typo.errors[0].message).toBe('Cannot query field "certificatio" on type "Query".');
      // Queries still work.
      const ok = await (
        await postQuery(closed.endpoint, '{ exam(code: "AZ-104") { code } }')
      ).json();
      expect(ok).toEqual({ data: { exam: { code: 'AZ-104' } } });
    } finally {
      await closed.close();
    }
  });

  test('from the environment: off with NODE_ENV=production, each can be set either way', () => {
    const pick = (env: NodeJS.ProcessEnv) => {
      const { introspection, fieldSuggestions, playground } = loadHttpConfig(env);
      return { introspection, fieldSuggestions, playground };
    };
    expect(pick({})).toEqual({ introspection: true, fieldSuggestions: true, playground: true });
    expect(pick({ NODE_ENV: 'production' })).toEqual({
      introspection: false,
      fieldSuggestions: false,
      playground: false,
    });
    expect(pick({ NODE_ENV: 'production', INTROSPECTION: 'true', PLAYGROUND: 'true' })).toEqual({
      introspection: true,
      fieldSuggestions: false,
      playground: true,
    });
    expect(pick({ INTROSPECTION: 'false', FIELD_SUGGESTIONS: 'false' })).toMatchObject({
      introspection: false,
      fieldSuggestions: false,
    });
    expect(() => loadHttpConfig({ INTROSPECTION: 'yes' })).toThrow(
      'INTROSPECTION="yes": must be true or false',
    );
  });
});
