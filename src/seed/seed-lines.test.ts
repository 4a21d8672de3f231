import { Catalog, formatProblem, SeedProblem } from './catalog';
import { parseSeedFile, SEED_LIMITS } from './parse-seed-file';
import { validateCatalog } from './validate-catalog';

/**
 * Every problem with the seeds names its file, line and column, as `file:line:column:` so that
 * editors and terminals jump there: YAML syntax, resource limits, a field of an item, and the
 * checks across items and files (unknown references, cycles, duplicates).
 */

/** Parses each file and, when they all parse, checks them together, as loadSeeds does. */
function problemsOf(files: Record<string, string>): string[] {
  const catalog: Catalog = { certifications: [], exams: [], courses: [] };
  const problems: SeedProblem[] = [];
  for (const [file, text] of Object.entries(files)) {
    const parsed = parseSeedFile(file, text);
    problems.push(...parsed.problems);
    catalog.certifications.push(...parsed.catalog.certifications);
    catalog.exams.push(...parsed.catalog.exams);
    catalog.courses.push(...parsed.catalog.courses);
  }
  if (problems.length === 0) problems.push(...validateCatalog(catalog));
  return problems.map(formatProblem);
}

const source = (url: string) => `    confidence: official\n    sources: [${url}]\n`;

const EXAMS = `exams:
  - code: AZ-104
    name: Administrator
${source('https://example.org/az-104')}  - code: AZ-400
    name: DevOps
${source('https://example.org/az-400')}`;
// exams.yaml: AZ-104 starts on line 2, AZ-400 on line 6

const certifications = (requires: string) => `certifications:
  - code: azure-administrator
    name: Azure Administrator Associate
    level: ASSOCIATE
${source('https://example.org/admin')}    requires:
      - exam: AZ-104
  - code: devops-engineer
    name: DevOps Engineer Expert
    level: EXPERT
${source('https://example.org/devops')}    requires:
${requires}`;
// certifications.yaml: azure-administrator on line 2, its requires on 7; devops-engineer on 9,
// its requires on 14 and their entries from 15 on.

describe('seed problems name file, line and column', () => {
  test('the seeds as written have none', () => {
    expect(
      problemsOf({
        'exams.yaml': EXAMS,
        'certifications.yaml': certifications(
          '      - certification: azure-administrator\n      - exam: AZ-400\n',
        ),
      }),
    ).toEqual([]);
  });

  test('an unknown reference: the line of the entry that names it', () => {
    expect(
      problemsOf({
        'exams.yaml': EXAMS,
        'certifications.yaml': certifications(
          '      - oneOf:\n          - certification: azure-admin\n          - exam: AZ-400\n',
        ),
      }),
    ).toEqual([
      'certifications.yaml:16:13: certifications[1] "devops-engineer": requires[0].oneOf[0]: unknown certification "azure-admin"',
    ]);
  });

  test('a cycle: the requirements of the certification where it is found', () => {
    const cycle = certifications('      - certification: azure-administrator\n').replace(
      '      - exam: AZ-104\n',
      '      - certification: devops-engineer\n',
    );
    expect(problemsOf({ 'exams.yaml': EXAMS, 'certifications.yaml': cycle })).toEqual([
      expect.stringMatching(
        /^certifications\.yaml:(7:5: certifications\[0\] "azure-administrator"|14:5: certifications\[1\] "devops-engineer"): requires: certifications require each other in a cycle: /,
      ),
    ]);
  });

  test('a duplicate code: its own line, and the line of the first use, across files', () => {
    const again = `exams:\n  - code: AZ-900\n    name: Fundamentals\n${source('https://example.org/az-900')}  - code: AZ-104\n    name: Again\n${source('https://example.org/again')}`;
    expect(
      problemsOf({
        'exams.yaml': EXAMS,
        'more-exams.yaml': again,
        'certifications.yaml': certifications('      - exam: AZ-400\n'),
      }),
    ).toEqual([
      'more-exams.yaml:6:5: exams[1] "AZ-104": code: duplicate code "AZ-104"; already used by exams.yaml:2:5: exams[0] "AZ-104"',
    ]);
  });

  test('an unknown field: the line of that field; a missing one: its item', () => {
    expect(
      problemsOf({
        'exams.yaml': EXAMS.replace('    name: DevOps\n', '    name: DevOps\n    nmae: DevOps\n'),
      }),
    ).toEqual(['exams.yaml:8:5: exams[1] "AZ-400": unknown field(s) "nmae"']);
    expect(problemsOf({ 'exams.yaml': EXAMS.replace('    name: DevOps\n', '') })).toEqual([
      'exams.yaml:6:5: exams[1] "AZ-400": name: is missing',
    ]);
  });

  test('YAML syntax: where the parser stopped', () => {
    const problems = problemsOf({
      'exams.yaml': EXAMS.replace('name: DevOps', 'name: [DevOps'),
    });
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^exams\.yaml:8:\d+: not valid YAML: /);
  });

  test('an alias bomb: at its heaviest alias, past a harmless one, with the limit', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    // A name reused through an anchor (line 7) is no bomb; the bomb's last level (line 13) is.
    const reused = EXAMS.replace(
      '    name: Administrator\n',
      '    name: &n Administrator\n',
    ).replace('    name: DevOps\n', '    name: *n\n');
    expect(problemsOf({ 'bomb.yaml': `${reused}${bomb}\n` })).toEqual([
      `bomb.yaml:13:8: YAML aliases here expand to more than ${SEED_LIMITS.maxAliasCount} nodes (maxAliasCount ${SEED_LIMITS.maxAliasCount}); write the repeated text out or reuse it less`,
    ]);
  });

  test('a reused note (a few aliases) is fine', () => {
    const reused = EXAMS.replace(
      '    name: Administrator\n',
      '    name: &n Administrator\n',
    ).replace('    name: DevOps\n', '    name: *n\n');
    expect(problemsOf({ 'exams.yaml': reused })).toEqual([]);
  });

  test('a file over the size limit: the line where it crosses the limit', () => {
    const line = `# ${'x'.repeat(1000)}\n`; // 1003 bytes
    const big = EXAMS + line.repeat(Math.ceil(SEED_LIMITS.maxFileBytes / line.length));
    const bytes = Buffer.byteLength(big);
    const crossing =
      EXAMS.split('\n').length +
      Math.floor((SEED_LIMITS.maxFileBytes - EXAMS.length) / line.length);
    expect(problemsOf({ 'big.yaml': big })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^big\\.yaml:${crossing}:\\d+: the file is ${bytes} bytes, over the limit of ${SEED_LIMITS.maxFileBytes} bytes`,
        ),
      ),
    ]);
  });
});
