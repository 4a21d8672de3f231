import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';
import { artifactPath, launchBrowser } from '../support/browser';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { blockOutsideNetwork, startTestServer, TestServer } from '../support/http-test-server';

/**
 * The bundled GraphiQL in headless Chromium with every request off this machine aborted: it
 * must load, open with the example operations and the schema docs, and run a query.
 */
let db: TestDatabase;
let server: TestServer;
let browser: Browser;
let assetsDir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  // The same build step as `npm run build`, into a folder of this test's own.
  assetsDir = await mkdtemp(path.join(os.tmpdir(), 'certgraph-playground-'));
  execFileSync(process.execPath, ['playground/build.mjs', '--outdir', assetsDir], {
    cwd: PROJECT_ROOT,
    stdio: 'pipe',
  });
  server = await startTestServer(db.database, { playground: true, playgroundAssetsDir: assetsDir });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
  if (assetsDir) await rm(assetsDir, { recursive: true, force: true });
});

interface Opened {
  context: BrowserContext;
  page: Page;
  outside: string[];
  problems: string[];
}

async function open(url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const outside = await blockOutsideNetwork(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, outside, problems };
}

/** Monaco draws spaces as no-break spaces. */
const editorText = async (page: Page, editor: string) =>
  (await page.locator(`${editor} .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');

test('the IDE at / loads offline, opens with the examples and the docs, and runs a query', async () => {
  const { context, page, outside, problems } = await open(`${server.origin}/`);
  try {
    expect(await page.title()).toMatch(/certgraph/);
    const tabs = page.locator('.graphiql-tab');
    await tabs.nth(13).waitFor();
    const tabNames = await tabs.allInnerTexts();
    expect(tabNames.map((name) => name.trim())).toEqual([
      'Requirements',
      'Paths',
      'Plan',
      'Unlocks',
      'History',
      'RetiredTarget',
      'Exam',
      'Search',
      'ExpertCertifications',
      'RequirementDiagram',
      'Learner',
      'PlanOverTime',
      'ValidityPolicies',
      'Retire',
    ]);

    await page.locator('.graphiql-query-editor .view-lines').waitFor();
    expect(await editorText(page, '.graphiql-query-editor')).toContain('query Requirements');
    expect(await editorText(page, '.graphiql-editor-tool')).toContain('devops-engineer');
    // The schema docs are open beside the editor.
    await page.getByText('Root Types').waitFor();

    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    await response.filter({ hasText: 'DevOps Engineer Expert' }).waitFor();
    const text = await editorText(page, '.graphiql-response');
    expect(text).toContain('"ONE_OF"');
    expect(text).toContain('AZ-400');
    await page.screenshot({ path: artifactPath('playground-offline.png') });

    // The paths example, in its own tab with its own variables: as of 2021-06-01, when DevOps
    // Engineer Expert could be earned through either associate.
    await tabs.filter({ hasText: 'Paths' }).click();
    expect(await editorText(page, '.graphiql-query-editor')).toContain('query Paths');

    expect(await editorText(page, '.graphiql-editor-tool')).toContain('"asOf": "2021-06-01"');
    await page.locator('.graphiql-execute-button').click();
    // Monaco draws only the lines in view: the start of the answer.
    await response.filter({ hasText: 'totalCount' }).waitFor();
    const paths = await editorText(page, '.graphiql-response');
    expect(paths).toContain('"asOf": "2021-06-01"');
    expect(paths).toContain('"totalCount": 2');
    expect(paths).toContain('"AZ-104"');
    await page.screenshot({ path: artifactPath('playground-paths.png') });

    // History: Azure Solutions Architect Expert as of 2021-06-01 needed AZ-303 and AZ-304.
    await tabs.filter({ hasText: 'History' }).click();
    expect(await editorText(page, '.graphiql-query-editor')).toContain('query History');
    await page.locator('.graphiql-execute-button').click();
    await response.filter({ hasText: 'AZ-303' }).waitFor();
    const history = await editorText(page, '.graphiql-response');
    expect(history).toContain('"asOf": "2021-06-01"');
    expect(history).toContain('"AZ-304"');
    await page.screenshot({ path: artifactPath('playground-history.png') });

    // A plan for a retired certification: no path, why, and its successor.
    await tabs.filter({ hasText: 'RetiredTarget' }).click();
    await page.locator('.graphiql-execute-button').click();
    await response.filter({ hasText: 'noPathReason' }).waitFor();
    const retired = await editorText(page, '.graphiql-response');
    expect(retired).toContain('"targetStatus": "RETIRED"');
    expect(retired).toContain('"path": null');
    expect(retired).toContain('retired on 2026-06-30');
    await page.screenshot({ path: artifactPath('playground-retired-target.png') });

    // The curation tab shows where the curator's token goes: the Headers pane.
    await tabs.last().click();
    expect(await editorText(page, '.graphiql-query-editor')).toContain('mutation Retire');
    await page.getByText('Headers', { exact: true }).click();
    await page
      .locator('.graphiql-editor-tool .view-lines')
      .filter({ hasText: 'Bearer <CURATOR_TOKEN>' })
      .first()
      .waitFor();

    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    // Monaco's workers came from this server, like the rest of the IDE.
    const served = server.seen.filter((r) => r.status === 200).map((r) => r.url);
    expect(served).toEqual(
      expect.arrayContaining([
        '/graphql/playground/graphiql.js',
        '/graphql/playground/graphiql.css',
        '/graphql/playground/editor.worker.js',
        '/graphql/playground/graphql.worker.js',
      ]),
    );
  } finally {
    await context.close();
  }
});

test('a browser opening /graphql gets the IDE, which queries that same endpoint', async () => {
  const { context, page, outside, problems } = await open(`${server.endpoint}`);
  try {
    await page.locator('.graphiql-query-editor .view-lines').waitFor();
    const graphqlPosts = () => server.seen.filter((r) => r.method === 'POST').length;
    const before = graphqlPosts();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response .view-lines').filter({ hasText: 'AZ-400' }).waitFor();
    expect(graphqlPosts()).toBeGreaterThan(before);
    await page.screenshot({ path: artifactPath('playground-at-graphql.png') });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test('at 1440 px every example tab, and a tab just added, is on screen', async () => {
  const { context, page, problems } = await open(`${server.origin}/`);
  try {
    const tabs = page.locator('.graphiql-tab');
    await tabs.nth(13).waitFor();
    await page.locator('.graphiql-tab-add').click();
    await tabs.nth(14).waitFor();
    expect(await tabs.count()).toBe(15);
    const width = page.viewportSize()!.width;
    for (const box of await Promise.all((await tabs.all()).map((tab) => tab.boundingBox()))) {
      expect(box).not.toBeNull();
      expect(box!.x >= 0 && box!.x + box!.width <= width).toBe(true);
    }
    // The editors start below the tabs, not under them.
    const lastTab = (await tabs.last().boundingBox())!;
    const editors = (await page.locator('.graphiql-editors').first().boundingBox())!;
    expect(editors.y).toBeGreaterThanOrEqual(lastTab.y + lastTab.height);
    await page.screenshot({ path: artifactPath('playground-tabs.png') });
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the page forbids loading anything from elsewhere', async () => {
  const response = await fetch(`${server.origin}/`, { headers: { accept: 'text/html' } });
  expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  const html = await response.text();
  expect(html).not.toMatch(/https?:\/\//);
});
