/**
 * Neo4j Browser as a user meets it: headless Chromium opens the Browser that the test Neo4j serves,
 * connects without authentication, gets certgraph's style sheet from the server's post-connect
 * command, and runs the named queries of schema/queries/ with the `:param` lines their headers
 * show. Only loopback is reachable; every other request is aborted and recorded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  ExplorationQuery,
  loadExplorationQueries,
  QUERIES_DIR,
} from '../../src/browser/exploration-queries';
import { GRASS_FILE, GraphStyle, parseGrass } from '../../src/browser/grass';
import { artifactPath, launchBrowser } from '../support/browser';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

const httpUrl = process.env.TEST_NEO4J_HTTP_URL;
if (!httpUrl) {
  console.warn(
    'Skipping the Neo4j Browser tests: TEST_NEO4J_HTTP_URL is not set because TEST_NEO4J_URI points at a ' +
      'Neo4j these tests did not start, so neither its Browser address nor its settings are known.',
  );
}
const describeWithBrowser = httpUrl ? describe : describe.skip;

/** "Today" in pinned drawings: the day the seeds' facts were last checked. */
const TODAY = '2026-11-27';

const isLoopback = (url: string) =>
  ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

describeWithBrowser('Neo4j Browser on the local Neo4j', () => {
  let db: TestDatabase;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let style: GraphStyle;
  let queries: ExplorationQuery[];
  const outgoing: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await resetAndSeed(db.database);
    style = parseGrass(await readFile(GRASS_FILE, 'utf8'));
    queries = await loadExplorationQueries();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || isLoopback(url)) return route.continue();
      outgoing.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    await page.goto(`${httpUrl}/browser/`);
    // Browser finds the Bolt address through the server's discovery document and asks how to log in.
    await page.getByTestId('authenticationMethod').selectOption('NO_AUTH');
    await page.getByTestId('connect').click();
    await frameFor(':server connect').getByText('server auth is disabled').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.close();
  });

  /** The newest frame of the stream whose command starts with `command`. */
  const frameFor = (command: string) =>
    page
      .getByTestId('frame')
      .filter({ has: page.getByTestId('frameCommand').filter({ hasText: command }) })
      .first();

  /**
   * Types into Browser's editor and runs it, as a user does; returns the frame it produced. New
   * frames go on top of the stream, which keeps at most 15, so the newest is told apart by a mark.
   */
  async function run(command: string): Promise<Locator> {
    const newest = page.getByTestId('frame').first();
    await newest.evaluate((frame) => frame.setAttribute('data-seen', ''));
    await page.getByTestId('activeEditor').click();
    await page.keyboard.insertText(command);
    await page.getByTestId('editor-Run').click();
    await page.locator('[data-testid="frame"]:not([data-seen])').first().waitFor();
    return newest;
  }

  /**
   * Runs the header's `:param` lines, then a `:param` line for each of `pinned` (e.g. `asOf` to
   * a fixed day, so that what is drawn does not depend on the day the test runs), then the file.
   */
  async function runNamedQuery(
    query: ExplorationQuery,
    pinned: Record<string, string> = {},
  ): Promise<Locator> {
    const lines = [
      ...query.exampleParams.map(({ line }) => line),
      ...Object.entries(pinned).map(([name, expression]) => `:param ${name} => ${expression}`),
    ];
    for (const line of lines) {
      const frame = await run(line);
      await frame.getByText('Successfully set your parameters').waitFor();
    }
    return run(await readFile(path.join(QUERIES_DIR, query.file), 'utf8'));
  }

  /** The caption and fill colour of every node the frame's graph view draws, by caption. */
  const drawnNodes = async (frame: Locator) =>
    (
      await frame.locator('svg.neod3viz g.node').evaluateAll((groups) =>
        groups.map((g) => ({
          caption: Array.from(g.querySelectorAll('text.caption'), (text) =>
            text.textContent.trim(),
          ).join(' '),
          fill: g.querySelector('circle.b-outline')!.getAttribute('fill'),
        })),
      )
    ).sort((a, b) => a.caption.localeCompare(b.caption));
  const relationshipCaptions = async (frame: Locator) =>
    (await frame.locator('svg.neod3viz g.relationship text').allTextContents()).sort();
  /**
   * The type of every relationship drawn, from the data the graph view binds to each of them:
   * a caption is cut short ("REQUI…") when its arrow is. Browser also draws the relationships
   * between the nodes of a result that the result does not contain ("Connect result nodes").
   */
  const relationshipTypes = async (frame: Locator) =>
    (
      await frame
        .locator('svg.neod3viz g.relationship')
        .evaluateAll((groups) =>
          groups.map((g) =>
            String((g as unknown as { __data__?: { type?: string } }).__data__?.type),
          ),
        )
    ).sort();

  test('the server hands Browser certgraph.grass as its post-connect command, telemetry and outgoing connections off', async () => {
    const settings = await db.database.read(async (tx) => {
      const result = await tx.run('CALL dbms.clientConfig() YIELD name, value');
      return Object.fromEntries(result.records.map((r) => [r.get('name'), r.get('value')]));
    });
    expect(settings['client.allow_telemetry']).toBe('false');
    expect(settings['browser.allow_outgoing_connections']).toBe('false');
    const command: string = settings['browser.post_connect_cmd'];
    expect(command).toMatch(/^style \{/);
    // Browser applies rules in order (node before node.OneOf), so the order must survive too.
    const applied = JSON.parse(command.slice('style '.length));
    expect(applied).toEqual(style);
    expect(Object.keys(applied)).toEqual(Object.keys(style));
  });

  test('after connecting, Browser has run the post-connect :style command', async () => {
    const frame = frameFor(':style');
    await expect(frame.textContent()).resolves.toContain('node.OneOf');
    await expect(frame.textContent()).resolves.toContain(`color: ${style['node.OneOf'].color}`);
  });

  test('the requirement tree of DevOps Engineer Expert, drawn with the certgraph style', async () => {
    const query = queries.find((q) => q.file === 'requirement-tree.cypher')!;
    expect(query.exampleParams.map((p) => p.line)).toEqual([
      ":param code => 'devops-engineer'",
      ':param asOf => date()',
    ]);
    const frame = await runNamedQuery(query, { asOf: `date('${TODAY}')` });
    const nodes = frame.locator('svg.neod3viz g.node');
    await nodes.nth(6).waitFor();

    const color = (label: string) => style[`node.${label}`].color;
    expect(await drawnNodes(frame)).toEqual([
      { caption: 'AZ-104', fill: color('Exam') },
      { caption: 'AZ-204', fill: color('Exam') },
      { caption: 'AZ-400', fill: color('Exam') },
      { caption: 'Azure Administrator Associate', fill: color('Certification') },
      { caption: 'Azure Developer Associate', fill: color('Certification') },
      { caption: 'DevOps Engineer Expert', fill: color('Certification') },
      { caption: 'one of', fill: color('OneOf') },
    ]);
    expect(await relationshipCaptions(frame)).toEqual([
      'ONE_OF',
      'ONE_OF',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
    ]);

    await waitForLayoutToSettle(nodes);
    await frame.screenshot({ path: artifactPath('neo4j-browser-devops-tree.png') });
  });

  test('the requirement history of Azure Solutions Architect Expert: all three versions drawn, their days in the table', async () => {
    const query = queries.find((q) => q.file === 'requirement-history.cypher')!;
    const frame = await runNamedQuery(query);
    const nodes = frame.locator('svg.neod3viz g.node');
    await nodes.nth(6).waitFor();
    const color = (label: string) => style[`node.${label}`].color;
    expect(await drawnNodes(frame)).toEqual([
      { caption: 'AZ-300', fill: color('Exam') },
      { caption: 'AZ-301', fill: color('Exam') },
      { caption: 'AZ-303', fill: color('Exam') },
      { caption: 'AZ-304', fill: color('Exam') },
      { caption: 'AZ-305', fill: color('Exam') },
      { caption: 'Azure Administrator Associate', fill: color('Certification') },
      { caption: 'Azure Solutions Architect Expert', fill: color('Certification') },
    ]);
    // The six requirements, and what Browser connects by itself: AZ-300 and AZ-301 were
    // replaced by AZ-303 and AZ-304, and those by AZ-305.
    expect(await relationshipTypes(frame)).toEqual([
      'REPLACED_BY',
      'REPLACED_BY',
      'REPLACED_BY',
      'REPLACED_BY',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
      'REQUIRES',
    ]);
    await waitForLayoutToSettle(nodes);
    await frame.screenshot({ path: artifactPath('neo4j-browser-architect-history.png') });

    await frame.getByTestId('cypherFrameSidebarTable').click();
    const table = (await frame.getByTestId('frameContents').textContent())!;
    for (const day of ['2020-09-30', '2020-10-01', '2022-03-31', '2022-04-01']) {
      expect(table).toContain(day);
    }
  });

  test('retired and retiring items as of 2026-11-27, drawn with their REPLACED_BY and SUCCEEDED_BY edges', async () => {
    const query = queries.find((q) => q.file === 'retired-items.cypher')!;
    const frame = await runNamedQuery(query, { asOf: `date('${TODAY}')` });
    // A new frame opens in the view chosen last, which was the table.
    await frame.getByTestId('cypherFrameSidebarVisualization').click();
    const relationships = frame.locator('svg.neod3viz g.relationship');
    await relationships.nth(19).waitFor();
    const types = await relationshipTypes(frame);
    // AZ-303T00 and AZ-304T00 are not retired (no source dates it), so their replacement is not
    // drawn; AZ-300, AZ-301, MD-100 and MD-101 are, with theirs.
    expect(types.filter((type) => type === 'REPLACED_BY')).toHaveLength(17);
    expect(types.filter((type) => type === 'SUCCEEDED_BY')).toHaveLength(5);
    const drawn = (await drawnNodes(frame)).map((node) => node.caption);
    for (const caption of ['AZ-204', 'AI-200', 'Azure Developer Associate', 'PL-600', 'AB-100']) {
      expect(drawn).toContain(caption);
    }
    await waitForLayoutToSettle(frame.locator('svg.neod3viz g.node'));
    await frame.screenshot({ path: artifactPath('neo4j-browser-retired-items.png') });
  });

  test('every named query runs in Browser with the :param lines of its header', async () => {
    for (const query of queries) {
      const params = await evaluateExampleParams(query);
      const rows = await db.database.read(
        async (tx) => (await tx.run(query.cypher, params)).records,
      );
      expect(rows.length).toBeGreaterThan(0); // the example shows something

      const frame = await runNamedQuery(query);
      await frame.getByTestId('cypherFrameSidebarTable').click();
      await frame
        .getByTestId('frameStatusbar')
        .getByText(`Started streaming ${rows.length} record`)
        .waitFor();
      // The table shows every value of every scalar column the driver got (strings in quotes,
      // as they are: Browser does not escape quotes inside them).
      const shown = (await frame.getByTestId('frameContents').textContent())!;
      for (const record of rows) {
        for (const value of Object.values(record.toObject()).flat()) {
          if (typeof value === 'string') expect(shown).toContain(`"${value}"`);
          else if (typeof value === 'number') expect(shown).toContain(String(value));
        }
      }
    }
  });

  test('Browser reached nothing but loopback: no fonts, analytics, feedback or crash reports', async () => {
    await writeFile(artifactPath('neo4j-browser-blocked-requests.txt'), outgoing.join('\n'));
    expect(outgoing).toEqual([]);
  });

  test('the Browser served has no Sentry address: its performance traces, 1 page load in 5, ignore the crash-report setting', async () => {
    const page = await (await fetch(`${httpUrl}/browser/`)).text();
    const scripts = [...page.matchAll(/src="([^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const served = await Promise.all(
      scripts.map(async (src) => (await fetch(new URL(src, `${httpUrl}/browser/`))).text()),
    );
    expect(served.join('\n')).toContain('setupSentry');
    expect(served.filter((text) => /ingest\.sentry\.io/.test(text))).toEqual([]);
  });

  /** `:param name => expression` gives the expression's value; the same through the driver. */
  async function evaluateExampleParams(query: ExplorationQuery) {
    const params: Record<string, unknown> = {};
    for (const { name, expression } of query.exampleParams) {
      params[name] = await db.database.read(async (tx) =>
        (await tx.run(`RETURN ${expression} AS value`)).records[0].get('value'),
      );
    }
    return params;
  }
});

/** The force layout keeps moving nodes for a while; a screenshot waits until it has stopped. */
async function waitForLayoutToSettle(nodes: Locator): Promise<void> {
  const positions = () =>
    nodes.evaluateAll((gs) => gs.map((g) => g.getAttribute('transform')).join());
  let previous = await positions();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await positions();
    if (current === previous) return;
    previous = current;
  }
}
