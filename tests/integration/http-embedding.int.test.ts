import express from 'express';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CertgraphServer, createCertgraphServer } from '../../src/index';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

/**
 * docs/embedding.md as a portal does it: the router from src/index.ts mounted under a path of
 * the portal's own Express app, next to the portal's routes, with the playground on.
 */
let db: TestDatabase;
let certgraph: CertgraphServer;
let portal: Server;
let base: string;
let assetsDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  // A stand-in bundle: this test is about where things are served, not about GraphiQL.
  assetsDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-assets-'));
  await writeFile(path.join(assetsDir, 'graphiql.js'), 'console.log("bundle");\n');

  portal = createServer();
  certgraph = await createCertgraphServer(db.database, {
    httpServer: portal,
    corsOrigins: ['https://portal.example'],
    playground: true,
    playgroundAssetsDir: assetsDir,
    cacheMaxAge: 60,
  });
  const app = express(); // the portal's app, Express defaults (weak ETags on) untouched
  app.get('/', (_req, res) => res.send('portal home'));
  app.use('/certgraph/graphql', certgraph.router);
  app.get('/dev/ide', certgraph.playground!('/certgraph/graphql'));
  portal.on('request', app);
  portal.listen(0, '127.0.0.1');
  await once(portal, 'listening');
  base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await certgraph?.apollo.stop(); // drains and closes the portal's server too
  await db?.close();
  if (assetsDir) await rm(assetsDir, { recursive: true, force: true });
});

const HTML = { accept: 'text/html,*/*;q=0.8' };
const configOf = (html: string) =>
  JSON.parse(/<script id="certgraph-playground-config"[^>]*>(.*?)<\/script>/s.exec(html)![1]);

test('the API answers under the mount path, beside the portal’s own routes', async () => {
  expect(await (await fetch(`${base}/`)).text()).toBe('portal home');
  const response = await fetch(`${base}/certgraph/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ certification(code: "DEVOPS-ENGINEER") { name } }' }),
  });
  expect(await response.json()).toEqual({
    data: { certification: { name: 'DevOps Engineer Expert' } },
  });
});

test('a GET query carries certgraph’s cache headers inside the portal’s app', async () => {
  const url = `${base}/certgraph/graphql?query=${encodeURIComponent('{ exams { totalCount } }')}`;
  const response = await fetch(url, {
    headers: { 'apollo-require-preflight': 'true', origin: 'https://portal.example' },
  });
  expect(response.headers.get('cache-control')).toBe('public, max-age=60');
  expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
  expect(response.headers.get('access-control-allow-origin')).toBe('https://portal.example');
  const etag = response.headers.get('etag')!;
  const again = await fetch(url, {
    headers: {
      'apollo-require-preflight': 'true',
      'if-none-match': etag,
      'cache-control': 'max-age=0',
    },
  });
  expect(again.status).toBe(304);
});

test('the playground under the mount path talks to that path and loads its files from there', async () => {
  const page = await fetch(`${base}/certgraph/graphql`, { headers: HTML });
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const html = await page.text();
  expect(configOf(html).endpoint).toBe('/certgraph/graphql');
  expect(html).toContain('src="/certgraph/graphql/playground/graphiql.js"');
  const bundle = await fetch(`${base}/certgraph/graphql/playground/graphiql.js`);
  expect(await bundle.text()).toContain('bundle');
  expect((await fetch(`${base}/certgraph/graphql/playground/nope.js`)).status).toBe(404);
});

test('the playground page can also be served at a path of the portal’s choosing', async () => {
  const html = await (await fetch(`${base}/dev/ide`, { headers: HTML })).text();
  const config = configOf(html);
  expect(config.endpoint).toBe('/certgraph/graphql');
  expect(config.workers.graphql).toBe('/certgraph/graphql/playground/graphql.worker.js');
  expect(config.tabs[0].query).toMatch(/query Requirements/);
});
