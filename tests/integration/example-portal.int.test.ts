import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appliesOnCypher } from '../../src/store/cypher/day-rule';
import { artifactPath, launchBrowser } from '../support/browser';
import { Portal, startPortal, stopPortal } from '../support/example-portal';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer, watchOutsideRequests } from '../support/http-test-server';

/**
 * examples/portal as a learning portal would run it: served by `npm run example` on its own
 * port, calling the API cross-origin from headless Chromium. One portal's origin is in the
 * API's CORS allowlist, the other's is not. Every page names its day (`?asOf=`), so nothing
 * depends on the day the test runs: the seed document's 2021-06-01, or 2026-11-27, the day the
 * seeds' facts were last checked.
 */
const SEED_DAY = '2021-06-01';
const TODAY = '2026-11-27';
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
  api = await startTestServer(db.database, { corsOrigins: [allowed.origin] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  await stopPortal(allowed);
  await stopPortal(refused);
  await db?.close();
});

async function openPortal(portal: Portal, code: string, asOf: string) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const outside = watchOutsideRequests(context);
  const page = await context.newPage();
  await page.goto(
    `${portal.origin}/?api=${encodeURIComponent(api.endpoint)}&code=${code}&asOf=${asOf}`,
  );
  await page.locator('#status:not([data-state="loading"]):not([data-state="idle"])').waitFor();
  return { context, page, outside };
}

const boxOf = (page: Page, code: string) => page.locator(`#diagram .box[data-code="${code}"]`);

/** The codes of the boxes drawn with a class (e.g. `retired`), each with its badges' text. */
const marked = (page: Page, className: string) =>
  page
    .locator(`#diagram .box.${className}`)
    .evaluateAll((boxes) =>
      boxes.map((box) =>
        [
          (box as HTMLElement).dataset.code,
          ...Array.from(box.querySelectorAll('.badge'), (badge) => badge.textContent),
        ].join(' '),
      ),
    );

/** Each path row as its boxes' codes, and the row's confidence badge, if any. */
const pathRows = (page: Page) =>
  page
    .locator('li.path')
    .evaluateAll((items) =>
      items.map((item) => [
        ...Array.from(item.querySelectorAll('.box'), (box) => (box as HTMLElement).dataset.code),
        ...Array.from(
          item.querySelectorAll(':scope > .badge'),
          (badge) => `(${badge.textContent})`,
        ),
      ]),
    );

/** The GET requests the API answered for the portal's persisted query by its hash alone. */
const hashOnlyGets = () =>
  api.seen.filter(
    (r) =>
      r.method === 'GET' &&
      r.url.includes('persistedQuery') &&
      !r.url.includes('query=') &&
      r.url.includes('devops-engineer'),
  );

describe('from an allowed origin', () => {
  let context: BrowserContext;
  let page: Page;
  let outside: string[];
  beforeAll(async () => {
    ({ context, page, outside } = await openPortal(allowed, 'devops-engineer', SEED_DAY));
  });
  afterAll(() => context?.close());

  test('draws DevOps Engineer Expert as of 2021-06-01: two alternatives side by side, then AZ-400', async () => {
    expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#title').innerText()).toBe('DevOps Engineer Expert');
    expect(await page.locator('#as-of').inputValue()).toBe(SEED_DAY);
    expect(await page.locator('#legend-day').innerText()).toBe(SEED_DAY);
    // Nothing had retired, and every requirement is official.
    expect(await page.locator('#diagram .badge').count()).toBe(0);
    await page.screenshot({ path: artifactPath('example-portal-devops.png'), fullPage: true });

    const box = async (code: string) => (await boxOf(page, code).boundingBox())!;
    const [admin, az104, developer, az204, az400, devops] = await Promise.all(
      [
        'azure-administrator',
        'AZ-104',
        'azure-developer',
        'AZ-204',
        'AZ-400',
        'devops-engineer',
      ].map(box),
    );
    // The two ways in sit next to each other, each exam above the certification it earns...
    const alternatives = page.locator('.one-of .alternatives');
    expect(await alternatives.count()).toBe(1);
    expect(await alternatives.locator('.box.certification').count()).toBe(2);
    expect(Math.abs(admin.y - developer.y)).toBeLessThan(admin.height);
    expect(developer.x).toBeGreaterThan(admin.x + admin.width);
    expect(az104.y + az104.height).toBeLessThanOrEqual(admin.y);
    expect(az204.y + az204.height).toBeLessThanOrEqual(developer.y);
    // ...and both lead on to AZ-400, then to the expert certification.
    expect(az400.y).toBeGreaterThan(
      Math.max(admin.y + admin.height, developer.y + developer.height),
    );
    expect(devops.y).toBeGreaterThan(az400.y + az400.height);
    expect(await boxOf(page, 'AZ-400').getAttribute('data-kind')).toBe('EXAM');
    expect(await boxOf(page, 'devops-engineer').getAttribute('data-kind')).toBe('CERTIFICATION');

    // Below, each way as a row: an exam, the certification it completes, the next exam...
    expect(await page.locator('#paths-title').innerText()).toBe(
      '2 ways to earn it on 2021-06-01, fewest exams first',
    );
    expect(await pathRows(page)).toEqual([
      ['AZ-104', 'azure-administrator', 'AZ-400', 'devops-engineer'],
      ['AZ-204', 'azure-developer', 'AZ-400', 'devops-engineer'],
    ]);
    expect(await page.locator('#mermaid pre').textContent()).toMatch(/^flowchart TD/);
    expect(outside).toEqual([]);
  });

  test('drawing it again is answered by the browser cache, and a revalidation gets 304', async () => {
    // Drawing again sends the hash alone, which the API knows by now: a cacheable answer.
    await page.locator('button[type=submit]').click();
    await page.locator('#status[data-state="ready"]').waitFor();
    const afterSecond = hashOnlyGets().length;
    // The third: the same GET, within max-age, never reaches the API.
    await page.locator('button[type=submit]').click();
    await page.locator('#status[data-state="ready"]').waitFor();
    expect(await boxOf(page, 'AZ-400').count()).toBe(1);
    expect(hashOnlyGets().length).toBe(afterSecond);

    // A revalidation of that same URL (as the browser sends it once max-age is over).
    const url = new URL(api.endpoint);
    const cached = hashOnlyGets().at(-1)!;
    const status = await page.evaluate(
      async (href) =>
        (await fetch(href, { cache: 'no-cache', headers: { 'apollo-require-preflight': 'true' } }))
          .status,
      `${url.origin}${cached.url}`,
    );
    expect(status).toBe(200); // what the page sees: the cached answer, confirmed
    const revalidation = hashOnlyGets().at(-1)!;
    expect(revalidation.ifNoneMatch).toMatch(/^"[\w-]{32}"$/);
    expect(revalidation.status).toBe(304);
  });
});

describe('as of 2026-11-27', () => {
  test('DevOps Engineer Expert: Azure Developer Associate and AZ-204 marked retired on 2026-07-31, one way left', async () => {
    const { context, page, outside } = await openPortal(allowed, 'devops-engineer', TODAY);
    try {
      expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
      expect(await page.locator('#title').innerText()).toBe('DevOps Engineer Expert');
      // The choice is still drawn as Microsoft states it; the retired option says when it went.
      expect(await page.locator('.one-of .alternatives .box.certification').count()).toBe(2);
      expect(await marked(page, 'retired')).toEqual([
        'AZ-204 retired 2026-07-31',
        'azure-developer retired 2026-07-31',
      ]);
      expect(await page.locator('#paths-title').innerText()).toBe('1 way to earn it on 2026-11-27');
      expect(await pathRows(page)).toEqual([
        ['AZ-104', 'azure-administrator', 'AZ-400', 'devops-engineer'],
      ]);
      await page.screenshot({
        path: artifactPath('example-portal-devops-2026-11-27.png'),
        fullPage: true,
      });
      expect(outside).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('Power Platform Solution Architect Expert: retired on 2026-06-30, so no path, why, and its successor', async () => {
    const { context, page } = await openPortal(
      allowed,
      'power-platform-solution-architect-expert',
      TODAY,
    );
    try {
      expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
      expect(await page.locator('#title').innerText()).toBe(
        'Power Platform Solution Architect Expert retired 2026-06-30',
      );
      expect(await page.locator('#paths-title').innerText()).toBe(
        '0 ways to earn it on 2026-11-27',
      );
      expect(await page.locator('li.path').count()).toBe(0);
      expect(await page.locator('.no-path .reason').innerText()).toBe(
        'Power Platform Solution Architect Expert: certification power-platform-solution-architect-expert ' +
          'retired on 2026-06-30, so it cannot be earned on 2026-11-27. Microsoft points to Microsoft ' +
          'Certified: Agentic AI Business Solutions Architect Expert (agentic-ai-business-solutions-architect).',
      );
      const instead = page.locator('.no-path .instead a');
      expect(await instead.innerText()).toBe(
        'Draw Microsoft Certified: Agentic AI Business Solutions Architect Expert instead',
      );
      // Its requirements as they stood that day, the retired ones and the unconfirmed options marked.
      expect(await marked(page, 'retired')).toEqual([
        'PL-200 retired 2026-08-31',
        'power-platform-functional-consultant-associate retired 2026-08-31',
        'PL-400 retired 2026-10-30',
        'power-platform-developer-associate retired 2026-10-30',
        'MB-240 retired 2026-06-30 unconfirmed',
        'd365-functional-consultant-field-service retired 2026-06-30 unconfirmed',
        'MB-210 retired 2024-11-30 unconfirmed',
        'MB-220 retired 2024-11-30 unconfirmed',
        'PL-600 retired 2026-06-30',
        'power-platform-solution-architect-expert retired 2026-06-30',
      ]);
      await page.screenshot({
        path: artifactPath('example-portal-power-platform-retired.png'),
        fullPage: true,
      });

      // The link draws the successor, on the same day.
      await instead.click();
      await page.locator('#status[data-state="ready"]').waitFor();
      expect(await page.locator('#title').innerText()).toBe(
        'Microsoft Certified: Agentic AI Business Solutions Architect Expert',
      );
      expect(new URL(page.url()).searchParams.get('asOf')).toBe(TODAY);
    } finally {
      await context.close();
    }
  });
});

test('Power Platform Solution Architect Expert as of 2023-01-01: the four Dynamics 365 options and their paths marked unconfirmed', async () => {
  const { context, page } = await openPortal(
    allowed,
    'power-platform-solution-architect-expert',
    '2023-01-01',
  );
  try {
    expect(await page.locator('#title').innerText()).toBe(
      'Power Platform Solution Architect Expert',
    );
    expect(await marked(page, 'unconfirmed')).toEqual([
      'MB-230 unconfirmed',
      'd365-functional-consultant-customer-service-v3 unconfirmed',
      'MB-240 unconfirmed',
      'd365-functional-consultant-field-service unconfirmed',
      'MB-210 unconfirmed',
      'd365-functional-consultant-sales unconfirmed',
      'MB-220 unconfirmed',
      'd365-functional-consultant-marketing unconfirmed',
    ]);
    expect(await page.locator('#paths-title').innerText()).toBe(
      '6 ways to earn it on 2023-01-01, fewest exams first',
    );
    expect(await pathRows(page)).toEqual([
      [
        'PL-200',
        'power-platform-functional-consultant-associate',
        'PL-600',
        'power-platform-solution-architect-expert',
      ],
      [
        'PL-400',
        'power-platform-developer-associate',
        'PL-600',
        'power-platform-solution-architect-expert',
      ],
      [
        'MB-230',
        'd365-functional-consultant-customer-service-v3',
        'PL-600',
        'power-platform-solution-architect-expert',
        '(unconfirmed)',
      ],
      [
        'MB-240',
        'd365-functional-consultant-field-service',
        'PL-600',
        'power-platform-solution-architect-expert',
        '(unconfirmed)',
      ],
      [
        'MB-210',
        'd365-functional-consultant-sales',
        'PL-600',
        'power-platform-solution-architect-expert',
        '(unconfirmed)',
      ],
      [
        'MB-220',
        'd365-functional-consultant-marketing',
        'PL-600',
        'power-platform-solution-architect-expert',
        '(unconfirmed)',
      ],
    ]);
    await page.screenshot({
      path: artifactPath('example-portal-power-platform-2023-01-01.png'),
      fullPage: true,
    });
  } finally {
    await context.close();
  }
});

test('draws every certification of the catalog as of 2026-11-27 with a box for each exam and certification, the retired ones marked', async () => {
  const { context, page } = await openPortal(allowed, 'devops-engineer', TODAY);
  try {
    const codes = await db.database.read(async (tx) =>
      (await tx.run('MATCH (c:Certification) RETURN c.code AS code ORDER BY code')).records.map(
        (r) => r.get('code') as string,
      ),
    );
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) {
      await page.locator('#code').fill(code);
      await page.locator('button[type=submit]').click();
      await page.locator('#status[data-state="ready"]').waitFor();
      // What the certification needed that day: only requirements that applied then.
      const expected = await db.database.read(async (tx) =>
        (
          await tx.run(
            `MATCH (:Certification {code: $code})(()-[r:REQUIRES|ONE_OF]->() WHERE ${appliesOnCypher('r')})*(n:Exam|Certification)
             RETURN DISTINCT n.code AS code, n.retiredOn < date($asOf) AS retired ORDER BY code`,
            { code, asOf: TODAY },
          )
        ).records.map((r) => ({
          code: r.get('code') as string,
          retired: r.get('retired') === true,
        })),
      );
      const drawn = await page
        .locator('#diagram .box')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLElement).dataset.code));
      expect([...new Set(drawn)].sort()).toEqual(expected.map((item) => item.code));
      const retired = await page
        .locator('#diagram .box.retired')
        .evaluateAll((boxes) => boxes.map((box) => (box as HTMLElement).dataset.code));
      expect([...new Set(retired)].sort()).toEqual(
        expected.filter((item) => item.retired).map((item) => item.code),
      );
      // A certification with no way left says why.
      if ((await page.locator('li.path').count()) === 0) {
        expect(await page.locator('.no-path .reason').innerText()).not.toBe('');
      }
      await page.screenshot({ path: artifactPath(`example-portal-${code}.png`), fullPage: true });
    }
  } finally {
    await context.close();
  }
});

test('from an origin not in CORS_ORIGINS, the browser refuses the answer', async () => {
  const { context, page, outside } = await openPortal(refused, 'devops-engineer', TODAY);
  try {
    expect(await page.locator('#status').getAttribute('data-state')).toBe('error');
    expect(await page.locator('#status').innerText()).toContain(refused.origin);
    expect(await page.locator('.box').count()).toBe(0);
    expect(await page.locator('li.path').count()).toBe(0);
    // The preflight was refused, so the browser never sent the query itself.
    const fromRefused = api.seen.filter((r) => r.origin === refused.origin);
    expect(fromRefused.map((r) => r.method)).toEqual(['OPTIONS']);
    await page.screenshot({ path: artifactPath('example-portal-refused.png') });
    expect(outside).toEqual([]);
  } finally {
    await context.close();
  }
});
