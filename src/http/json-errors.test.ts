import express from 'express';
import { GraphQLError } from 'graphql';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { formatError } from '../app';
import { jsonErrors } from './json-errors';
import { createLogger, requestLogging } from './logger';

/**
 * An unexpected error, thrown by a route or met by formatError, reaches the client as a bare
 * INTERNAL_SERVER_ERROR and the log with its details and the request's id.
 */
const SECRET = 'MATCH (n) failed at /work/secret/store.ts:12:3';

test('unexpected errors: nothing of them for the client, all of them in the log under the request id', async () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger('info', sink);
  const app = express();
  app.use(requestLogging(logger));
  app.get('/throws', () => {
    throw new Error(SECRET);
  });
  app.get('/graphql-error', (_req, res) => {
    res.json({ errors: [formatError({ message: SECRET }, new GraphQLError(SECRET))] });
  });
  app.use(jsonErrors({ maxBodyBytes: 1024, logger }));
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const path of ['/throws', '/graphql-error']) {
      const response = await fetch(`${origin}${path}`, {
        headers: { 'x-request-id': `id${path}` },
      });
      const text = await response.text();
      expect(text).not.toMatch(/MATCH|secret|store\.ts/);
      expect(JSON.parse(text).errors[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(response.headers.get('x-request-id')).toBe(`id${path}`);
      const logged = lines.find((line) => line.requestId === `id${path}` && line.level === 50);
      expect(JSON.stringify(logged)).toContain(SECRET);
    }
  } finally {
    server.close();
  }
});
