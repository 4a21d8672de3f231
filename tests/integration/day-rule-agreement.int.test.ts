/**
 * The day rules are defined once, in src/domain/; the Cypher that repeats them
 * (src/store/cypher/day-rule.ts, embedded verbatim in the Browser queries) must agree with that
 * definition. This runs one table of cases through both, in the real Neo4j, and compares.
 */
import { appliesOn, Validity } from '../../src/domain/day-rule';
import { isKnownOn, LifecycleDates, statusOn } from '../../src/domain/status';
import { appliesOnCypher, knownOnCypher, statusCypher } from '../../src/store/cypher/day-rule';
import { openTestDatabase, TestDatabase } from '../support/test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** Every combination of present and absent values, so no branch of a rule goes untried. */
function combinations<T extends object>(values: { [K in keyof T]: T[K][] }): T[] {
  return Object.entries(values).reduce<Record<string, unknown>[]>(
    (partial, [key, options]) =>
      partial.flatMap((row) => [
        row,
        ...(options as unknown[]).map((option) => ({ ...row, [key]: option })),
      ]),
    [{}],
  ) as T[];
}

const DAYS = [
  '2023-12-31',
  '2024-01-01',
  '2024-01-02',
  '2024-03-14',
  '2024-03-15',
  '2024-03-16',
  '2024-06-29',
  '2024-06-30',
  '2024-07-01',
  '2024-12-31',
  '2025-01-01',
];

test('appliesOn: domain and Cypher agree on every validity and day', async () => {
  const validities = combinations<Validity>({
    validFrom: ['2024-01-01', '2024-06-30'],
    validUntil: ['2024-06-30', '2024-12-31', '2024-01-01'],
  });
  const cases = validities.flatMap((validity) => DAYS.map((day) => ({ ...validity, day })));
  const records = await db.database.read(
    async (tx) =>
      (
        await tx.run(
          `UNWIND $cases AS c
           WITH c, {validFrom: date(c.validFrom), validUntil: date(c.validUntil)} AS r
           RETURN ${appliesOnCypher('r', 'date(c.day)')} AS applies`,
          { cases },
        )
      ).records,
  );
  const fromCypher = records.map((r) => r.get('applies') as boolean);
  const fromDomain = cases.map((c) => appliesOn(c, c.day));
  expect(fromCypher).toEqual(fromDomain);
  // The table reaches both answers, so agreement is not agreement on a constant.
  expect(new Set(fromDomain)).toEqual(new Set([true, false]));
});

test('statusOn: domain and Cypher agree on every lifecycle and day', async () => {
  const lifecycles = combinations<LifecycleDates>({
    availableFrom: ['2024-01-02'],
    knownSince: ['2024-03-14'],
    betaUntil: ['2024-03-15'],
    retirementAnnouncedOn: ['2024-06-30', '2024-01-01'],
    retiredOn: ['2024-12-31', '2024-03-15'],
  });
  const cases = lifecycles.flatMap((lifecycle) => DAYS.map((day) => ({ ...lifecycle, day })));
  const records = await db.database.read(
    async (tx) =>
      (
        await tx.run(
          `UNWIND $cases AS c
           WITH c, {availableFrom: date(c.availableFrom), knownSince: date(c.knownSince), betaUntil: date(c.betaUntil),
                    retirementAnnouncedOn: date(c.retirementAnnouncedOn), retiredOn: date(c.retiredOn)} AS n
           RETURN ${statusCypher('n', 'date(c.day)')} AS status, ${knownOnCypher('n', 'date(c.day)')} AS known`,
          { cases },
        )
      ).records,
  );
  const fromCypher = records.map((r) => r.get('status') as string);
  const fromDomain = cases.map((c) => statusOn(c, c.day));
  expect(fromCypher).toEqual(fromDomain);
  expect(records.map((r) => r.get('known') as boolean)).toEqual(
    cases.map((c) => isKnownOn(c, c.day)),
  );
  expect(new Set(fromDomain)).toEqual(
    new Set(['UNKNOWN', 'UPCOMING', 'BETA', 'ACTIVE', 'RETIRING', 'RETIRED']),
  );
});
