import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchBrowser } from '../support/browser';
import { TOKEN } from '../support/curation';
import { Portal, startPortal, stopPortal } from '../support/example-portal';
import { startTestServer, TestServer, watchOutsideRequests } from '../support/http-test-server';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

/**
 * examples/portal/curator.html in headless Chromium: a curator signs in with a token, retires an
 * exam from another origin (a POST with an Authorization header, so a CORS preflight), and the
 * learners' page beside it draws the change. The day is fixed, so nothing depends on today.
 */
const DAY = '2027-01-01';
const SOURCE = 'https://learn.microsoft.com/en-us/credentials/certifications/exams/az-104/';

let db: TestDatabase;
let api: TestServer;
let allowed: Portal;
let refused: Portal;
let browser: Browser;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  allowed = await startPortal();
  refused = await startPortal();
  api = await startTestServer(db.database, {
    corsOrigins: [allowed.origin],
    catalogRefreshMs: 0,
    curators: { token: TOKEN, curatorRole: 'curator' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await stopPortal(allowed);
  await stopPortal(refused);
  await db?.close();
});

async function openCurator(portal: Portal) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1200 } });
  const outside = watchOutsideRequests(context);
  const page = await context.newPage();
  await page.goto(
    `${portal.origin}/curator.html?api=${encodeURIComponent(api.endpoint)}&code=devops-engineer&asOf=${DAY}`,
  );
  return { context, page, outside };
}

const learnersBox = (page: Page, code: string) =>
  page.frameLocator('#portal').locator(`#diagram .box[data-code="${code}"]`);

async function retire(page: Page) {
  await page.locator('#token').fill(TOKEN);
  await page.locator('#sign-in button').click();
  await page.locator('#retired-on').fill('2026-12-31');
  await page.locator('#source').fill(SOURCE);
  await page.locator('#retire button').click();
  await page.locator('#result:not([data-state="loading"]):not([data-state="idle"])').waitFor();
}

test('a curator signs in, retires AZ-104, and the learners’ diagram draws it retired', async () => {
  const { context, page, outside } = await openCurator(allowed);
  try {
    await learnersBox(page, 'AZ-104').waitFor();
    expect(await learnersBox(page, 'AZ-104').getAttribute('class')).not.toContain('retired');
    await page.screenshot({ path: artifactPath('curator-before.png') });

    await retire(page);
    expect(await page.locator('#result').getAttribute('data-state')).toBe('done');
    expect(await page.locator('#result').innerText()).toMatch(
      /AZ-104 retires after 2026-12-31 \(catalog version 1, by CURATOR_TOKEN\)/,
    );
    await page
      .frameLocator('#portal')
      .locator('#diagram .box.retired[data-code="AZ-104"]')
      .waitFor();
    expect(await learnersBox(page, 'AZ-104').innerText()).toContain('retired 2026-12-31');
    await page.screenshot({ path: artifactPath('curator-after.png') });
    expect(outside).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a page of an origin outside CORS_ORIGINS cannot send a curator token', async () => {
  const { context, page } = await openCurator(refused);
  try {
    const before = api.seen.filter((r) => r.method === 'POST').length;
    await retire(page);
    expect(await page.locator('#result').getAttribute('data-state')).toBe('error');
    expect(await page.locator('#result').innerText()).toContain('CORS_ORIGINS');
    // The preflight was refused, so the POST itself was never sent.
    expect(api.seen.filter((r) => r.method === 'POST').length).toBe(before);
    const preflight = api.seen.filter((r) => r.method === 'OPTIONS' && r.origin === refused.origin);
    expect(preflight.length).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
