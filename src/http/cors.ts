import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Request headers a browser page may send cross-origin. `apollo-require-preflight` (or
 * `x-apollo-operation-name`) is what lets a GET past Apollo's CSRF prevention: a page can only
 * send it after a preflight, and the preflight only succeeds for the allowed origins.
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  // Curators' pages send their bearer token (docs/curation.md).
  'authorization',
];

/** Chromium caps a cached preflight at two hours. */
const PREFLIGHT_MAX_AGE = 7200;

/**
 * CORS for an exact allowlist of origins (possibly empty). A listed origin gets the permissions
 * below. Another origin gets no Access-Control-* header at all, so the browser withholds the
 * answer; its preflight is answered 204 right here, as CORS specifies a refusal, rather than
 * reaching Apollo's CSRF check and its 400. Every answer carries `Vary: Origin`, so a shared cache
 * never hands one origin's answer to another.
 */
export function corsAllowlist(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const permit = cors({
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['etag'],
    maxAge: PREFLIGHT_MAX_AGE,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.has(origin)) return permit(req, res, next);
    res.vary('Origin');
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (preflight) {
      res.status(204).end();
      return;
    }
    next();
  };
}
