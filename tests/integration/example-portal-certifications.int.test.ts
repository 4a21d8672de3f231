import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import ical, { VEvent } from 'node-ical';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-root';
import { artifactPath, launchBrowser } from '../support/browser';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer, watchOutsideRequests } from '../support/http-test-server';

/**
 * The example portal's "my certifications" page (examples/portal/certifications.html) in
 * headless Chromium, served by `npm run example` on its own port and calling the API
 * cross-origin: the states of an associate in its renewal window, an expired associate and an
 * exam pass on a named day, the actions in date order, and the calendar feed it offers.
 */
const DAY = '2026-12-02';

let db: TestDatabase;
let api: TestServer;
let portal: { child: ChildProcess; origin: string };
let browser: Browser;

async function startPortal() {
  const child = spawn(process.execPath, ['examples/portal/serve.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EXAMPLE_HOST: '127.0.0.1', EXAMPLE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of readline.createInterface({ input: child.stdout })) {
    const origin = /^Example portal: (http:\/\/\S+?)\/$/.exec(line)?.[1];
    if (origin) return { child, origin };
  }
  throw new Error('examples/portal/serve.mjs exited before printing its address');
}

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  portal = await startPortal();
  api = await startTestServer(db.database, { corsOrigins: [portal.origin] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  if (portal && portal.child.exitCode === null) {
    const exited = once(portal.child, 'exit');
    portal.child.kill('SIGTERM');
    await exited;
  }
  await db?.close();
});

test('my certifications: states, dates, what each counts toward, actions, and the calendar feed', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const outside = watchOutsideRequests(context);
  const page = await context.newPage();
  const holdings = [
    'azure-administrator:2026-03-01',
    'azure-developer:2024-05-10',
    'AZ-400:2026-06-01',
  ];
  const search = new URLSearchParams({ api: api.endpoint, asOf: DAY });
  for (const held of holdings) search.append('holding', held);
  await page.goto(`${portal.origin}/certifications.html?${search.toString()}`);
  await page.locator('#status:not([data-state="loading"]):not([data-state="idle"])').waitFor();
  expect(await page.locator('#status').innerText()).toBe(`As of ${DAY}.`);

  const rows = await page
    .locator('#credentials tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.code,
        tr.querySelector('.state')?.textContent,
        tr.querySelector('.valid-until')?.textContent,
        tr.querySelector('.renewal-opens')?.textContent,
      ]),
    );
  expect(rows).toEqual([
    ['azure-administrator', 'renewal open', '2027-03-01', '2026-09-01'],
    ['azure-developer', 'expired', '2025-05-10', '2024-11-10'],
    ['AZ-400', 'does not expire', '–', '–'],
  ]);
  // The administrator with AZ-400 meets DevOps Engineer Expert; the expired developer counts for nothing.
  expect(await page.locator('tr[data-code="azure-administrator"] .unlocks').innerText()).toContain(
    'DevOps Engineer Expert (met)',
  );
  expect(await page.locator('tr[data-code="azure-developer"] .unlocks').innerText()).toBe('–');
  expect(
    await page
      .locator('#actions li')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.kind)),
    // the retired developer: nothing to do
  ).toEqual(['RENEW_BY']);
  await page.screenshot({
    path: artifactPath('example-portal-certifications.png'),
    fullPage: true,
  });

  // The feed it offers is the API's, with the same holdings; it parses as iCalendar.
  const href = await page.locator('#calendar').getAttribute('href');
  expect(href).toBe(
    `${api.origin}/learner/calendar.ics?${holdings.map((h) => `holding=${encodeURIComponent(h)}`).join('&')}&asOf=${DAY}`,
  );
  const events = Object.values(ical.sync.parseICS(await (await fetch(href!)).text())).filter(
    (entry): entry is VEvent => entry?.type === 'VEVENT',
  );
  expect(events.map((event) => String(event.summary as unknown as string)).sort()).toEqual([
    'Expired (last valid day): Azure Developer Associate',
    'Last day to renew: Azure Administrator Associate',
    'Renewal window: Azure Administrator Associate',
    'Renewal window: Azure Developer Associate',
  ]);
  expect(outside).toEqual([]);
  await context.close();
});
