import express, { Request, RequestHandler, Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { sendError } from './json-errors';
import type { PlaygroundExample } from './playground-examples';
import { PLAYGROUND_CSP, renderPlaygroundPage } from './playground-page';

/** Where `npm run build` (playground/build.mjs) puts the bundled IDE. */
export const DEFAULT_PLAYGROUND_ASSETS_DIR = path.join(PROJECT_ROOT, 'dist', 'playground');

/** The bundle's files sit under this path, relative to where the API is mounted. */
export const PLAYGROUND_ASSETS_PATH = '/playground';

export const playgroundBuilt = (assetsDir = DEFAULT_PLAYGROUND_ASSETS_DIR): boolean =>
  existsSync(path.join(assetsDir, 'graphiql.js'));

/** Fails at startup, not in the visitor's browser, when the bundle was never built. */
export function assertPlaygroundBuilt(assetsDir: string): void {
  if (!playgroundBuilt(assetsDir)) {
    throw new Error(
      `The playground bundle is missing from ${assetsDir}: run \`npm run build\`, or set PLAYGROUND=false.`,
    );
  }
}

/** A browser navigating to the endpoint (HTML preferred, no operation in the URL). */
export function wantsPlayground(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.query.query === undefined &&
    req.query.extensions === undefined &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
      'text/html'
  );
}

/** Sends the playground page for an IDE that talks to `endpoint`, its files under `assetsPath`. */
export function playgroundPage(
  examples: PlaygroundExample[],
  urls: (req: Request) => { endpoint: string; assetsPath: string },
): RequestHandler {
  return (req, res) => {
    res
      .set('content-security-policy', PLAYGROUND_CSP)
      .set('x-frame-options', 'SAMEORIGIN')
      .set('cache-control', 'no-cache')
      .type('html')
      .send(renderPlaygroundPage({ ...urls(req), examples }));
  };
}

/**
 * The bundle, revalidated on each visit (its file names don't change between builds). Its files
 * carry the page's CSP: a worker script runs under its own answer's policy, not the page's. A
 * missing file or another method is a JSON error (json-errors.ts), not Express's HTML page.
 */
export function playgroundAssets(assetsDir: string): Router {
  return Router().use(
    (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      res.set('allow', 'GET, HEAD');
      sendError(res, 405, 'METHOD_NOT_ALLOWED', 'The playground files are read with GET.');
    },
    express.static(assetsDir, {
      index: false,
      fallthrough: false,
      maxAge: 0,
      immutable: false,
      setHeaders: (res) => res.setHeader('content-security-policy', PLAYGROUND_CSP),
    }),
  );
}
