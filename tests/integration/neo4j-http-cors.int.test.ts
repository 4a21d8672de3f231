import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The local Neo4j runs with authentication off, so its HTTP API must not take Cypher from
 * other web pages: CORS names only its own origin (Neo4jConf.java). Checked with a real
 * preflight and with Chromium running a page of another origin, against the Neo4j the tests
 * started (global-setup), which the product's launcher configures like `npm start` does.
 */
const httpUrl = process.env.TEST_NEO4J_HTTP_URL;
const describeLocal = httpUrl ? describe : describe.skip;
if (!httpUrl) {
  console.warn('Skipping the Neo4j HTTP CORS tests: TEST_NEO4J_URI points at a Neo4j of its own.');
}

describeLocal('the local Neo4j’s HTTP API and other origins', () => {
  const FOREIGN = 'https://evil.example';
  const commit = () => `${httpUrl}/db/neo4j/tx/commit`;
  let db: TestDatabase;
  let browser: Browser;
  let foreignSite: Server;
  let foreignOrigin: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    browser = await launchBrowser();
    // A page of another origin (another port), as any web site open in the user's browser.
    foreignSite = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    foreignSite.listen(0, '127.0.0.1');
    await once(foreignSite, 'listening');
    foreignOrigin = `http://127.0.0.1:${(foreignSite.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await db?.database.write((tx) => tx.run('MATCH (n:CorsProbe) DETACH DELETE n'));
    await browser?.close();
    foreignSite?.close();
    await db?.close();
  });

  const probes = () =>
    db.database.read(async (tx) => {
      const result = await tx.run('MATCH (n:CorsProbe) RETURN count(n) AS n');
      return Number(result.records[0].get('n'));
    });

  test('a preflight from a foreign origin is not allowed: only Neo4j’s own origin is named', async () => {
    const response = await fetch(commit(), {
      method: 'OPTIONS',
      headers: {
        origin: FOREIGN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    const allowed = response.headers.get('access-control-allow-origin');
    expect(allowed).not.toBe('*');
    expect(allowed).not.toBe(FOREIGN);
    expect(allowed).toBe(new URL(httpUrl!).origin);
  });

  test('a page of another origin cannot run Cypher; Neo4j’s own origin can', async () => {
    const page = await browser.newPage();
    try {
      const statement = { statements: [{ statement: 'CREATE (:CorsProbe)' }] };
      const attempt = (url: string) =>
        page.evaluate(
          async ({ url, body }) => {
            try {
              const response = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify(body),
              });
              return `answered ${response.status}`;
            } catch (error) {
              return `refused: ${String(error)}`;
            }
          },
          { url, body: statement },
        );

      await page.goto(foreignOrigin);
      expect(await attempt(commit())).toMatch(/^refused: TypeError/);
      // A form-like POST needs no preflight; Neo4j refuses its type and writes nothing.
      const simple = await page.evaluate(async (url) => {
        try {
          await fetch(url, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: '{"statements":[{"statement":"CREATE (:CorsProbe)"}]}',
          });
          return 'sent';
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      }, commit());
      expect(simple).toBe('sent');
      expect(await probes()).toBe(0);

      // The control: a page of Neo4j's own origin (as Neo4j Browser is) may.
      await page.goto(`${httpUrl}/browser/`);
      expect(await attempt(commit())).toBe('answered 200');
      expect(await probes()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
