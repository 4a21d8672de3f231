import express from 'express';
import { once } from 'node:events';
import { createServer, request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createCertgraphServer } from '../../src/app';
import { createLogger } from '../../src/http/logger';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer } from '../support/http-test-server';

/**
 * Every answer is JSON a GraphQL client can read, over a real socket and the seeded Neo4j:
 * body-parser, static-file, unknown-path and HTTP-parser refusals get GraphQL error bodies with
 * stable codes and 4xx statuses; a client's mistake is never INTERNAL_SERVER_ERROR; no stack,
 * path or driver text reaches the client. The same for a portal that mounts the router.
 */
let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  server = await startTestServer(db.database, { playground: true, maxBodyBytes: 4096 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown };
  text: string;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: JSON.parse(text),
    text,
  };
}

const post = (body: string, headers: Record<string, string> = {}, path = '/graphql') =>
  fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  }).then(answer);

const LEAKS = /\bat \S+ \(|\/work\/|\/home\/|node_modules|\.[jt]s:\d+|cypher|neo4j|<html|<pre>/i;

/** A GraphQL-over-HTTP error answer: JSON, one error with this code, nothing leaked. */
function expectError(got: Answer, status: number, code: string) {
  expect({ status: got.status, code: got.body.errors?.[0]?.extensions.code }).toEqual({
    status,
    code,
  });
  expect(got.contentType).toBe('application/json; charset=utf-8');
  expect(got.text).not.toMatch(LEAKS);
}

describe('body-parser refusals', () => {
  test('a body that is not JSON: 400 BAD_REQUEST', async () => {
    const got = await post('{bad');
    expectError(got, 400, 'BAD_REQUEST');
    expect(got.body.errors![0].message).toBe('The request body is not valid JSON.');
  });

  test('a body over the limit: 413 PAYLOAD_TOO_LARGE, naming the limit and its value', async () => {
    const body = JSON.stringify({ query: `{ __typename } # ${'x'.repeat(5000)}` });
    const got = await post(body);
    expectError(got, 413, 'PAYLOAD_TOO_LARGE');
    expect(got.body.errors![0]).toEqual({
      message: `The request body of ${body.length} bytes is over the limit of 4096 bytes (MAX_BODY_BYTES).`,
      extensions: {
        code: 'PAYLOAD_TOO_LARGE',
        limit: 'MAX_BODY_BYTES',
        max: 4096,
        found: body.length,
      },
    });
  });

  test('a charset other than UTF-8: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const got = await post('{"query":"{ __typename }"}', {
      'content-type': 'application/json; charset=latin-9',
    });
    expectError(got, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(got.body.errors![0].message).toMatch(/charset "latin-9" is not supported/);
  });

  test('a body that is not application/json: 415, also for the types a form can send', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const got = await post('{"query":"{ __typename }"}', { 'content-type': type });
      expectError(got, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(got.body.errors![0].message).toBe(
        `A POST body must be application/json, not "${type}".`,
      );
    }
  });

  test('a content encoding it does not know: 415', async () => {
    const got = await post('{"query":"{ __typename }"}', { 'content-encoding': 'bogus' });
    expectError(got, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('paths and files', () => {
  test('an unknown path: 404 NOT_FOUND naming the endpoint, for any method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const got = await answer(await fetch(`${server.origin}/nope/x`, { method }));
      expectError(got, 404, 'NOT_FOUND');
      expect(got.body.errors![0].message).toMatch(/the GraphQL API is at \/graphql/);
    }
    expectError(await answer(await fetch(`${server.origin}/%`)), 404, 'NOT_FOUND');
  });

  test('a missing playground file: 404 NOT_FOUND without the server’s path', async () => {
    const got = await answer(await fetch(`${server.endpoint}/playground/nope.js`));
    expectError(got, 404, 'NOT_FOUND');
    expect(got.body.errors![0].message).toBe('No such file.');
    // The bundle itself is still served.
    const bundle = await fetch(`${server.endpoint}/playground/graphiql.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  test('another method on a playground file: 405 METHOD_NOT_ALLOWED with Allow', async () => {
    const response = await fetch(`${server.endpoint}/playground/graphiql.js`, { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expectError(await answer(response), 405, 'METHOD_NOT_ALLOWED');
  });

  test('another method on the endpoint: 405 with Apollo’s JSON', async () => {
    const response = await fetch(server.endpoint, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.status).toBe(405);
    expect((await answer(response)).body.errors![0].extensions.code).toBe('BAD_REQUEST');
  });

  test('headers too large for Node’s parser: 431 as JSON, not an empty answer', async () => {
    const { origin } = server;
    const got = await new Promise<{ status: number; type?: string; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${origin}/graphql?query=${'x'.repeat(20_000)}`, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode!, type: res.headers['content-type'], text }),
          );
        });
        req.on('error', reject);
        req.setHeader('x-big', 'y'.repeat(20_000));
        req.end();
      },
    );
    expect(got.status).toBe(431);
    expect(got.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(got.text).errors[0].extensions.code).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
  });
});

describe('a client’s mistake is a 4xx with a client code, never INTERNAL_SERVER_ERROR', () => {
  test.each([
    [
      'a mutation the schema does not have',
      '{"query":"mutation { launch }"}',
      400,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a subscription', '{"query":"subscription { __typename }"}', 400, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an APQ version 2',
      '{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"abc"}}}',
      400,
      'BAD_REQUEST',
    ],
    ['no query at all', '{"variables":{}}', 400, 'BAD_REQUEST'],
    ['a query that is not a string', '{"query":5}', 400, 'BAD_REQUEST'],
  ])('%s', async (_name, body, status, code) => {
    const got = await post(body);
    expectError(got, status, code);
    expect(got.text).not.toMatch(/INTERNAL_SERVER_ERROR/);
  });

  test('60 nulls in `holding`, inline or as variables', async () => {
    const nulls = Array<null>(60).fill(null);
    const inline = await post(
      JSON.stringify({
        query: `{ plan(target: "devops-engineer", holding: [${nulls.map(String).join(', ')}]) { optimal } }`,
      }),
    );
    expect(inline.status).toBe(400);
    const asVariables = await post(
      JSON.stringify({
        query: 'query($h: [String!]) { plan(target: "devops-engineer", holding: $h) { optimal } }',
        variables: { h: nulls },
      }),
    );
    expect(asVariables.status).toBe(400);
    for (const got of [inline, asVariables]) {
      const codes = new Set(got.body.errors!.map((error) => error.extensions.code));
      expect(
        [...codes].filter((c) => c !== 'GRAPHQL_VALIDATION_FAILED' && c !== 'BAD_USER_INPUT'),
      ).toEqual([]);
    }
    // graphql gives up after 50 bad values with an error of its own, coded as the client's too.
    expect(asVariables.body.errors!.at(-1)).toMatchObject({
      message: expect.stringMatching(/^Too many errors processing variables/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});

test('the router a portal mounts answers with the same JSON errors', async () => {
  const certgraph = await createCertgraphServer(db.database, {
    maxBodyBytes: 2048,
    logger: createLogger('silent'),
  });
  const portal = express();
  portal.use('/certgraph/graphql', certgraph.router);
  const httpServer: Server = createServer(portal).listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  const origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  try {
    const endpoint = `${origin}/certgraph/graphql`;
    const send = (body: string, type = 'application/json') =>
      fetch(endpoint, { method: 'POST', headers: { 'content-type': type }, body }).then(answer);
    expectError(await send('{bad'), 400, 'BAD_REQUEST');
    const big = await send(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3000)}` }));
    expectError(big, 413, 'PAYLOAD_TOO_LARGE');
    expect(big.body.errors![0].extensions.max).toBe(2048);
    expectError(await send('{}', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const ok = await send('{"query":"{ __typename }"}');
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
  } finally {
    httpServer.close();
    await certgraph.apollo.stop();
  }
});

test('each request has an id, sent back in x-request-id and carried by its log line', async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logged = await startTestServer(db.database, { logger: createLogger('info', sink) });
  try {
    const given = await fetch(`${logged.endpoint}?query={__typename}`, {
      headers: { 'x-request-id': 'portal-42', 'apollo-require-preflight': '1' },
    });
    expect(given.headers.get('x-request-id')).toBe('portal-42');
    // An id that is not short and plain is replaced, not repeated.
    const odd = await fetch(`${logged.origin}/nope`, { headers: { 'x-request-id': 'a b<c>' } });
    const fresh = odd.headers.get('x-request-id')!;
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          requestId: 'portal-42',
          path: '/graphql',
          status: 200,
          msg: 'request',
        }),
        expect.objectContaining({ requestId: fresh, path: '/nope', status: 404 }),
      ]),
    );
    // The query string (an operation and its variables) is not logged.
    expect(JSON.stringify(lines)).not.toMatch(/__typename/);
  } finally {
    await logged.close();
  }
});
