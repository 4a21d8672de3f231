import { appliesOnCypher, knownOnCypher, statusCypher } from '../store/cypher/day-rule';
import { ExplorationQuery, loadExplorationQueries } from './exploration-queries';

/**
 * The Browser queries must stay pasteable, so they spell the day rules out instead of calling the
 * API's code. This holds every such spelling to the one text in store/cypher/day-rule.ts, which
 * tests/integration/day-rule-agreement.int.test.ts holds to src/domain/.
 */
const squash = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

let queries: ExplorationQuery[];
beforeAll(async () => {
  queries = await loadExplorationQueries();
});

test('every query file is read', () => {
  expect(queries.length).toBeGreaterThanOrEqual(7);
});

describe.each([
  'alternatives.cypher',
  'certifications-by-validity.cypher',
  'exam-unlocks.cypher',
  'requirement-tree.cypher',
  'retired-items.cypher',
  'shortest-chain.cypher',
])('%s', (file) => {
  const cypherOf = () => squash(queries.find((query) => query.file === file)!.cypher);

  test('compares validFrom and validUntil with the day only as appliesOn does', () => {
    const cypher = cypherOf();
    const variables = [...cypher.matchAll(/\((\w+)\.validFrom IS NULL OR/g)].map((m) => m[1]);
    for (const variable of variables) expect(cypher).toContain(appliesOnCypher(variable, 'asOf'));
    // Every comparison of a validity date belongs to one of those fragments (two each).
    expect(
      count(cypher, /\.valid(From|Until) (<=|>=|<|>)|(<=|>=|<|>) \w+\.valid(From|Until)/g),
    ).toBe(2 * variables.length);
  });

  test('judges a status only as statusOn does', () => {
    const cypher = cypherOf();
    const variables = [...cypher.matchAll(/WHEN (\w+)\.retiredOn < asOf THEN 'RETIRED'/g)].map(
      (m) => m[1],
    );
    for (const variable of variables) {
      const rule = squash(statusCypher(variable, 'asOf')).replace(/^CASE /, '');
      expect(cypher).toContain(rule);
    }
    const known = [...cypher.matchAll(/NOT coalesce\((\w+)\.knownSince > asOf, false\)/g)];
    for (const [fragment, variable] of known) {
      expect(fragment).toBe(knownOnCypher(variable, 'asOf'));
    }
    // Every comparison of a lifecycle date belongs to one of those rules.
    const lifecycleComparisons =
      /\.(retiredOn|availableFrom|knownSince|betaUntil|retirementAnnouncedOn) (<=|>=|<|>)/g;
    expect(count(cypher, lifecycleComparisons)).toBe(5 * variables.length + known.length);
  });
});

test('the queries that judge a day use both rules somewhere', () => {
  const all = queries.map((query) => squash(query.cypher)).join('\n');
  expect(all).toContain(appliesOnCypher('r', 'asOf'));
  expect(all).toContain(squash(statusCypher('item', 'asOf')).replace(/^CASE /, ''));
});
