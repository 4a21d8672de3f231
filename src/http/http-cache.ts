import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { OperationTypeNode } from 'graphql';
import { createHash } from 'node:crypto';

/**
 * Cache headers for a read-mostly catalog. Only a GET query that succeeded may be reused:
 * `Cache-Control: public, max-age=N` and a strong ETag over the answer, so a browser or CDN
 * keeps it for N seconds and then revalidates with If-None-Match (Express's `res.send` answers
 * 304 when the ETag still matches). Everything else (POSTs, mutations, any answer with errors,
 * requests Apollo refuses before running them) is `no-store`.
 */
export function httpCachePlugin(maxAge: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation }) {
          const { headers } = response.http;
          const cacheable =
            request.http?.method === 'GET' &&
            operation?.operation === OperationTypeNode.QUERY &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors;
          if (!cacheable || response.body.kind !== 'single') {
            headers.set('cache-control', 'no-store');
            return;
          }
          headers.set('cache-control', `public, max-age=${maxAge}`);
          const accept = request.http?.headers.get('accept') ?? '';
          headers.set('etag', etagOf(accept, JSON.stringify(response.body.singleResult)));
        },
      };
    },
  };
}

const etagOf = (accept: string, body: string): string =>
  `"${createHash('sha256').update(accept).update('\n').update(body).digest('base64url').slice(0, 32)}"`;

/**
 * Until Apollo says otherwise, nothing the endpoint sends may be stored (e.g. a CSRF refusal).
 * Apollo picks the content type from Accept, so a shared cache must key on it too (appended
 * here, in Express, because headers Apollo sets replace those set before, such as Vary: Origin).
 */
export const cacheDefaults: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  res.vary('Accept');
  next();
};
