import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from './catalog';
import { loadSeeds, SEEDS_DIR } from './load-seeds';
import { parseSeedFile } from './parse-seed-file';
import { validateCatalog } from './validate-catalog';

const POLICY = `validityPolicies:
  - id: one-year
    name: One year
    levels: [ASSOCIATE]
    from: 2021-06-30
    validity:
      expires: true
      months: 12
      confidence: official
      sources: [https://example.org/policy]
    renewal:
      method: An online assessment
      opensMonthsBeforeExpiry: 6
      extendsMonths: 12
      confidence: official
      sources: [https://example.org/renew]
`;

const problemsOf = (yaml: string) =>
  parseSeedFile('seeds/p.yaml', yaml).problems.map(formatProblem);

describe('validity policies in seeds', () => {
  test('the policies of seeds/microsoft parse: two role-based periods and fundamentals', async () => {
    const catalog = await loadSeeds(SEEDS_DIR);
    expect(
      catalog.validityPolicies?.map((p) => [p.id, p.from, p.until, p.validity.months ?? null]),
    ).toEqual([
      ['microsoft-role-based-two-years', undefined, '2021-06-29', 24],
      ['microsoft-role-based-one-year', '2021-06-30', undefined, 12],
      ['microsoft-fundamentals', undefined, undefined, null],
    ]);
    // Every part is sourced; Microsoft's own pages make the grades official.
    for (const policy of catalog.validityPolicies ?? []) {
      expect(policy.validity.provenance.sources.length).toBeGreaterThan(0);
      expect(policy.validity.provenance.confidence).toBe('OFFICIAL');
    }
  });

  test('a parsed policy keeps each part with its own provenance', () => {
    const { catalog, problems } = parseSeedFile('seeds/p.yaml', POLICY);
    expect(problems).toEqual([]);
    expect(catalog.validityPolicies?.[0]).toMatchObject({
      id: 'one-year',
      levels: ['ASSOCIATE'],
      certifications: [],
      validity: { expires: true, months: 12, provenance: { confidence: 'OFFICIAL' } },
      renewal: { opensMonthsBeforeExpiry: 6, extendsMonths: 12 },
      location: { file: 'seeds/p.yaml', kind: 'validityPolicies', index: 0, line: 2 },
    });
  });

  test('problems name file:line:column and the field: a month 13, an unknown field, a bad grade', () => {
    const bad = POLICY.replace('from: 2021-06-30', 'from: 2021-13-01')
      .replace('      extendsMonths: 12\n', '      extendsMonths: 12\n      window: 180\n')
      .replace(
        '      confidence: official\n      sources: [https://example.org/renew]',
        '      confidence: likely\n      sources: [https://example.org/renew]',
      );
    expect(problemsOf(bad)).toEqual([
      'seeds/p.yaml:5:5: validityPolicies[0] "one-year": from: is not a calendar date',
      'seeds/p.yaml:16:7: validityPolicies[0] "one-year": renewal.confidence: must be one of official, secondary, unconfirmed',
      'seeds/p.yaml:15:7: validityPolicies[0] "one-year": renewal: unknown field(s) "window"',
    ]);
  });

  test('an expiring policy needs months, and one that does not expire has no renewal', () => {
    expect(
      problemsOf(
        POLICY.replace('expires: true', 'expires: false').replace('      months: 12\n', ''),
      ),
    ).toEqual([
      'seeds/p.yaml:10:5: validityPolicies[0] "one-year": renewal: a policy whose certifications do not expire has no renewal',
    ]);
    expect(problemsOf(POLICY.replace('      months: 12\n', ''))).toEqual([
      'seeds/p.yaml:6:5: validityPolicies[0] "one-year": validity: give months exactly when expires is true',
    ]);
  });

  test('two policies for one level on the same days, and an unknown certification, are refused', () => {
    const second = POLICY.replace('validityPolicies:\n', '')
      .replace('id: one-year', 'id: overlapping')
      .replace('from: 2021-06-30', 'from: 2024-01-01\n    certifications: [no-such-cert]');
    const { catalog } = parseSeedFile('seeds/p.yaml', POLICY + second);
    expect(validateCatalog(catalog).map(formatProblem)).toEqual([
      'seeds/p.yaml:21:22: validityPolicies[1] "overlapping": certifications[0]: unknown certification "no-such-cert"',
      'seeds/p.yaml:20:5: validityPolicies[1] "overlapping": from: covers ASSOCIATE on days that seeds/p.yaml:2:5: validityPolicies[0] "one-year" also covers; date them apart (from/until)',
    ]);
  });

  test('the seed file is the one the docs name', async () => {
    const text = await readFile(
      path.join(SEEDS_DIR, 'microsoft', 'validity-policies.yaml'),
      'utf8',
    );
    expect(text).toContain('validityPolicies:');
  });
});
