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
];

/** Chromium caps a cached preflight at two hours. */
const PREFLIGHT_MAX_AGE = 7200;

/**
 * CORS for an exact allowlist of origins. Requests from other origins get no
 * Access-Control-Allow-Origin, so the browser withholds the answer (and sends nothing that
 * needs a preflight). Every answer carries `Vary: Origin`, so a shared cache never hands one
 * origin's answer to another.
 */
export function corsAllowlist(origins: readonly string[]): RequestHandler {
  return cors({
    // An array (not a callback) makes the cors package add Vary: Origin for refused origins too.
    origin: [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['etag'],
    maxAge: PREFLIGHT_MAX_AGE,
  });
}
