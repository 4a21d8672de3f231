import express, { RequestHandler, Router } from 'express';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** Where the documents cited by path live (e.g. the seed document, seeds/…/SOURCE.md). */
export const SOURCE_DOCUMENTS_DIR = path.join(PROJECT_ROOT, 'seeds');

const notFound: RequestHandler = (_req, res) => {
  res
    .status(404)
    .json({ errors: [{ message: 'No such document', extensions: { code: 'NOT_FOUND' } }] });
};

/**
 * The documents that `sources` cite by a path instead of a URL (`seeds/microsoft/seed-2021/
 * SOURCE.md`), served under the endpoint, so a client resolves such a source against it:
 * `new URL(source, endpoint + '/')`. Only Markdown files under seeds/ are served.
 */
export function sourceDocuments(dir = SOURCE_DOCUMENTS_DIR): Router {
  return Router().use(
    '/seeds',
    (req, res, next) => (req.path.endsWith('.md') ? next() : notFound(req, res, next)),
    express.static(dir, {
      index: false,
      dotfiles: 'deny',
      setHeaders: (res) => {
        res.setHeader('content-type', 'text/markdown; charset=utf-8');
        res.setHeader('cache-control', 'public, max-age=3600');
      },
    }),
    notFound,
  );
}
