import { runFuzz } from '../../bench/fuzz-cases';
import { useSeededServer } from '../support/seeded-api';
import { snapshotGraph } from '../support/test-database';

/**
 * `npm run fuzz` in small (bench/fuzz-cases.ts): schema-driven operations, bad bodies, odd
 * headers, methods and paths against the standalone app over the seeded Neo4j. No 5xx, no
 * INTERNAL_SERVER_ERROR, no leak, every error answer GraphQL JSON, and the graph unchanged.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const seeded = useSeededServer({ playground: true });

test(`${RUNS} fuzzed requests: no 5xx, no leak, JSON errors, the graph intact`, async () => {
  const before = await snapshotGraph(seeded.db.database);
  // A new seed each run, printed on failure, so CI explores more than one sample over time.
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const tally = await runFuzz(seeded.server.origin, { count: RUNS, seed, concurrency: 4 });
  const problems = {
    seed,
    serverErrors: tally.serverErrors,
    internalServerErrorCodes: tally.internalServerErrorCodes,
    leaks: tally.leaks,
    notJson: tally.notJson,
    transportErrors: tally.transportErrors,
  };
  expect({ problems, examples: tally.examples }).toEqual({
    problems: {
      seed,
      serverErrors: 0,
      internalServerErrorCodes: 0,
      leaks: 0,
      notJson: 0,
      transportErrors: 0,
    },
    examples: [],
  });
  expect(tally.requests).toBeGreaterThan(RUNS * 0.95);
  // Some operations got past validation and really ran.
  expect(tally.byStatus['200']).toBeGreaterThan(0);
  expect(await snapshotGraph(seeded.db.database)).toEqual(before);
}, 180_000);
