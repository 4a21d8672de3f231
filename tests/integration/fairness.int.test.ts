import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer } from '../support/http-test-server';

/**
 * A lookup is not starved behind heavy requests: the path questions take turns on the event loop
 * (src/services/turns.ts), so a lookup that arrives while another request is planning hundreds
 * of certifications is answered between two of them, not after all of them. Compared as ratios
 * (lookup latency while heavy requests run, over alone), with a generous bound: the machine is
 * shared, but waiting for a heavy request would be hundreds of times slower.
 */
let db: TestDatabase;
let server: TestServer;

// The limits are raised so that one request can be heavy enough to measure (about a second).
const HEAVY_ALIASES = 600;
beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  server = await startTestServer(db.database, {
    maxQueryAliases: HEAVY_ALIASES,
    maxQueryTokens: 100_000,
    maxQueryComplexity: 10_000_000,
  });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

const post = async (query: string) => {
  const response = await fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  return body;
};

const HEAVY = `{ ${Array.from(
  { length: HEAVY_ALIASES },
  (_, i) =>
    `p${i}: plan(target: "cybersecurity-architect-expert") { optimal path { exams { code } steps { exam { code } courses { code } } } }`,
).join(' ')} }`;
const LOOKUP = '{ exam(code: "AZ-104") { code name } }';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function lookupLatencies(count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await post(LOOKUP);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

test('a lookup is answered between the steps of heavy requests, not after them', async () => {
  await post(HEAVY); // warm-up: the document is parsed and validated once
  await lookupLatencies(10);
  const alone = median(await lookupLatencies(20));

  const heavyStarted = performance.now();
  let heavyDone = 0;
  const heavy = Promise.all([post(HEAVY), post(HEAVY)]).then(() => {
    heavyDone = performance.now();
  });
  await new Promise((resolve) => setTimeout(resolve, 50)); // both are planning by now
  const during = await lookupLatencies(20);
  const lookupsDone = performance.now();
  await heavy;
  const heavyMs = heavyDone - heavyStarted;

  // The lookups finished while the heavy requests were still running…
  expect(lookupsDone).toBeLessThan(heavyDone);
  // …each far quicker than waiting for them would be, and not many times slower than alone.
  expect(median(during)).toBeLessThan(heavyMs / 10);
  expect(median(during) / alone).toBeLessThan(25);
  console.log(
    `lookup alone ${alone.toFixed(1)} ms, during two heavy requests ${median(during).toFixed(1)} ms (median of 20); the heavy pair took ${heavyMs.toFixed(0)} ms`,
  );
});
