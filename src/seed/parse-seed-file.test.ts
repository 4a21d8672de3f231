import { formatProblem } from './catalog';
import { parseSeedFile } from './parse-seed-file';

const problemsOf = (yaml: string) =>
  parseSeedFile('seeds/test.yaml', yaml).problems.map(formatProblem);

const VALID = `
certifications:
  - code: devops-engineer
    name: DevOps Engineer Expert
    level: EXPERT
    confidence: official
    sources: [https://example.org/devops]
    requires:
      - oneOf:
          - certification: azure-administrator
          - allOf: [{ exam: AZ-104 }, { exam: AZ-204 }]
      - exam: AZ-400
exams:
  - code: AZ-400
    name: DevOps Solutions
    confidence: official
    sources: [https://example.org/az-400]
courses:
  - code: AZ-400T00
    name: DevOps course
    exams: [AZ-400]
    confidence: official
    sources: [https://example.org/az-400t00]
`;

describe('parseSeedFile', () => {
  test('reads certifications with nested choices, exams and courses', () => {
    const { catalog, problems } = parseSeedFile('seeds/test.yaml', VALID);
    expect(problems).toEqual([]);
    expect(catalog.certifications[0]).toMatchObject({
      code: 'devops-engineer',
      notes: [],
      requires: [
        {
          oneOf: [
            { certification: 'azure-administrator' },
            { allOf: [{ exam: 'AZ-104' }, { exam: 'AZ-204' }] },
          ],
        },
        { exam: 'AZ-400' },
      ],
      location: {
        file: 'seeds/test.yaml',
        kind: 'certifications',
        index: 0,
        code: 'devops-engineer',
      },
    });
    expect(catalog.courses[0].exams).toEqual(['AZ-400']);
  });

  test('names the file, item and field of an unknown field', () => {
    expect(
      problemsOf(VALID.replace('    level: EXPERT', '    level: EXPERT\n    levle: EXPERT')),
    ).toEqual([
      'seeds/test.yaml:6:5: certifications[0] "devops-engineer": unknown field(s) "levle"',
    ]);
  });

  test('names a missing field', () => {
    expect(problemsOf(VALID.replace('    name: DevOps Solutions\n', ''))).toEqual([
      'seeds/test.yaml:14:5: exams[0] "AZ-400": name: is missing',
    ]);
  });

  test('rejects a wrong level and a wrongly cased code', () => {
    expect(
      problemsOf(
        VALID.replace('level: EXPERT', 'level: GURU').replace('code: AZ-400\n', 'code: az-400\n'),
      ),
    ).toEqual([
      'seeds/test.yaml:5:5: certifications[0] "devops-engineer": level: must be one of FUNDAMENTALS, ASSOCIATE, EXPERT, SPECIALTY',
      'seeds/test.yaml:14:5: exams[0] "az-400": code: must be an upper-case code such as "AZ-400"',
    ]);
  });

  test('explains a malformed requirement with its path', () => {
    expect(
      problemsOf(
        VALID.replace('- certification: azure-administrator', '- certificate: azure-administrator'),
      ),
    ).toEqual([
      'seeds/test.yaml:10:13: certifications[0] "devops-engineer": requires[0].oneOf[0]: unknown key(s) "certificate"; an entry has one of exam, certification, oneOf, allOf, and optionally from, until, confidence, sources, notes',
    ]);
    expect(problemsOf(VALID.replace('      - exam: AZ-400\n', '      - oneOf: []\n'))).toEqual([
      'seeds/test.yaml:12:9: certifications[0] "devops-engineer": requires[1].oneOf: must be a non-empty list of requirements',
    ]);
  });

  test('requires a source URL for every item', () => {
    expect(
      problemsOf(VALID.replace('    sources: [https://example.org/az-400]\n', '    sources: []\n')),
    ).toEqual([
      'seeds/test.yaml:17:5: exams[0] "AZ-400": sources: must list at least one source URL',
    ]);
    expect(problemsOf(VALID.replace('https://example.org/az-400]', 'not a url]'))).toEqual([
      'seeds/test.yaml:17:15: exams[0] "AZ-400": sources[0]: must be an http(s) URL or the path of a document kept in seeds/ (seeds/…/NAME.md)',
    ]);
  });

  test('a source may be a document kept in seeds/, cited by its path; no other local path', () => {
    const cited = (source: string) =>
      problemsOf(VALID.replace('https://example.org/az-400]', `${source}]`));
    expect(cited('seeds/microsoft/seed-2021/SOURCE.md')).toEqual([]);
    for (const path of ['docs/catalog-history.md', 'seeds/../README.md', 'seeds/notes.txt']) {
      expect(cited(path)).toEqual([
        'seeds/test.yaml:17:15: exams[0] "AZ-400": sources[0]: must be an http(s) URL or the path of a document kept in seeds/ (seeds/…/NAME.md)',
      ]);
    }
  });

  test('reports YAML syntax errors with line and column', () => {
    expect(problemsOf('exams:\n  - code: [AZ-400\n')[0]).toMatch(
      /^seeds\/test\.yaml:\d+:\d+: not valid YAML: /,
    );
  });

  test('rejects unknown top-level keys', () => {
    expect(problemsOf('exam:\n  - code: AZ-400\n')).toEqual([
      'seeds/test.yaml:1:1: unknown top-level key(s) "exam"; expected certifications, exams, courses or validityPolicies',
    ]);
  });
});

describe('dates, lifecycle and provenance', () => {
  const DATED = `
certifications:
  - code: architect
    name: Architect
    level: EXPERT
    confidence: official
    sources: [https://example.org/architect]
    requires:
      - exam: OLD-1
        until: 2022-03-31
      - exam: NEW-1
        from: 2022-04-01
        confidence: secondary
        sources: [https://blog.example/new]
        notes: [The start date is inferred.]
      - oneOf:
          - certification: admin
          - certification: dev
            confidence: unconfirmed
        from: 2022-04-01
    lifecycle:
      retirementAnnouncedOn: 2026-09-28
      retiredOn: 2026-11-30
      successor: other
      confidence: official
      sources: [https://example.org/retired]
`;

  test('reads dated entries; an entry without provenance inherits its parent group', () => {
    const { catalog, problems } = parseSeedFile('seeds/test.yaml', DATED);
    expect(problems).toEqual([]);
    const [old, fresh, choice] = catalog.certifications[0].requires;
    const official = {
      confidence: 'OFFICIAL',
      sources: ['https://example.org/architect'],
      notes: [],
    };
    expect(old).toEqual({ exam: 'OLD-1', until: '2022-03-31', provenance: official });
    expect(fresh).toEqual({
      exam: 'NEW-1',
      from: '2022-04-01',
      provenance: {
        confidence: 'SECONDARY',
        sources: ['https://blog.example/new'],
        notes: ['The start date is inferred.'],
      },
    });
    expect(choice).toMatchObject({
      from: '2022-04-01',
      oneOf: [
        { certification: 'admin', provenance: official },
        { certification: 'dev', provenance: { ...official, confidence: 'UNCONFIRMED' } },
      ],
    });
    expect(catalog.certifications[0].lifecycle).toEqual({
      retirementAnnouncedOn: '2026-09-28',
      retiredOn: '2026-11-30',
      successor: 'other',
      provenance: { confidence: 'OFFICIAL', sources: ['https://example.org/retired'], notes: [] },
    });
  });

  test('names a malformed date, a reversed period and an unknown grade with their paths', () => {
    expect(
      problemsOf(
        DATED.replace('until: 2022-03-31', 'until: 2022-02-30')
          .replace(
            '        from: 2022-04-01\n        confidence: secondary',
            '        from: 2022-04-01\n        until: 2021-01-01\n        confidence: secondary',
          )
          .replace('confidence: unconfirmed', 'confidence: rumoured'),
      ),
    ).toEqual([
      'seeds/test.yaml:10:9: certifications[0] "architect": requires[0].until: is not a calendar date',
      'seeds/test.yaml:13:9: certifications[0] "architect": requires[1].until: 2021-01-01 is before from (2022-04-01)',
      'seeds/test.yaml:20:13: certifications[0] "architect": requires[2].oneOf[1].confidence: must be one of official, secondary, unconfirmed',
    ]);
  });

  test('a month that does not exist is a seed problem with its place, not a RangeError', () => {
    expect(problemsOf(DATED.replace('until: 2022-03-31', 'until: 2021-13-01'))).toEqual([
      'seeds/test.yaml:10:9: certifications[0] "architect": requires[0].until: is not a calendar date',
    ]);
  });

  test('a lifecycle needs its own provenance and takes only known fields', () => {
    expect(
      problemsOf(
        DATED.replace(
          '      confidence: official\n      sources: [https://example.org/retired]\n',
          '      retiredAt: 2026-11-30\n',
        ),
      ),
    ).toEqual([
      'seeds/test.yaml:21:5: certifications[0] "architect": lifecycle.confidence: is missing',
      'seeds/test.yaml:21:5: certifications[0] "architect": lifecycle.sources: is missing',
      'seeds/test.yaml:25:7: certifications[0] "architect": lifecycle: unknown field(s) "retiredAt"',
    ]);
  });
});

describe('knownSince, prices and course lengths', () => {
  const COSTED = `
exams:
  - code: AZ-400
    name: DevOps Solutions
    confidence: official
    sources: [https://example.org/az-400]
    price:
      usd: 165
      confidence: secondary
      sources: [https://blog.example/prices]
      notes: [A US list price.]
    lifecycle:
      knownSince: 2019-07-14
      confidence: secondary
      sources: [https://blog.example/2019]
courses:
  - code: AZ-400T00
    name: DevOps course
    exams: [AZ-400]
    confidence: official
    sources: [https://example.org/az-400t00]
    duration:
      days: 4
      confidence: official
      sources: [https://example.org/az-400t00]
  - code: AZ-400T01
    name: DevOps course, by the hour
    exams: [AZ-400]
    confidence: official
    sources: [https://example.org/az-400t01]
    duration: { hours: 32, confidence: official, sources: [https://example.org/api] }
`;

  test('reads knownSince as a lifecycle date, and prices and lengths with their own provenance', () => {
    const { catalog, problems } = parseSeedFile('seeds/test.yaml', COSTED);
    expect(problems).toEqual([]);
    const [exam] = catalog.exams;
    expect(exam.lifecycle).toMatchObject({ knownSince: '2019-07-14' });
    expect(exam.price).toEqual({
      usd: 165,
      provenance: {
        confidence: 'SECONDARY',
        sources: ['https://blog.example/prices'],
        notes: ['A US list price.'],
      },
    });
    const official = (url: string) => ({ confidence: 'OFFICIAL', sources: [url], notes: [] });
    expect(catalog.courses.map((course) => course.duration)).toEqual([
      { days: 4, provenance: official('https://example.org/az-400t00') },
      { hours: 32, provenance: official('https://example.org/api') },
    ]);
  });

  test('refuses a malformed knownSince', () => {
    expect(problemsOf(COSTED.replace('knownSince: 2019-07-14', 'knownSince: July 2019'))).toEqual([
      'seeds/test.yaml:13:7: exams[0] "AZ-400": lifecycle.knownSince: must be a date written YYYY-MM-DD',
    ]);
  });

  test('refuses a price without provenance, a negative one and the old bare field', () => {
    expect(
      problemsOf(
        COSTED.replace(
          '      usd: 165\n      confidence: secondary\n      sources: [https://blog.example/prices]\n',
          '      usd: -1\n',
        ),
      ),
    ).toEqual([
      'seeds/test.yaml:8:7: exams[0] "AZ-400": price.usd: must not be negative',
      'seeds/test.yaml:7:5: exams[0] "AZ-400": price.confidence: is missing',
      'seeds/test.yaml:7:5: exams[0] "AZ-400": price.sources: is missing',
    ]);
    expect(problemsOf(COSTED.replace('    price:\n', '    priceUsd: 165\n    price:\n'))).toEqual([
      'seeds/test.yaml:7:5: exams[0] "AZ-400": unknown field(s) "priceUsd"',
    ]);
  });

  test('refuses a length with neither days nor hours, a zero one and unknown units', () => {
    expect(problemsOf(COSTED.replace('      days: 4\n', ''))).toEqual([
      'seeds/test.yaml:22:5: courses[0] "AZ-400T00": duration: must give days, hours or both',
    ]);
    expect(problemsOf(COSTED.replace('{ hours: 32,', '{ hours: 0,'))).toEqual([
      'seeds/test.yaml:31:17: courses[1] "AZ-400T01": duration.hours: must be more than 0',
    ]);
    expect(problemsOf(COSTED.replace('      days: 4\n', '      weeks: 1\n'))).toEqual([
      'seeds/test.yaml:23:7: courses[0] "AZ-400T00": duration: unknown field(s) "weeks"',
      'seeds/test.yaml:22:5: courses[0] "AZ-400T00": duration: must give days, hours or both',
    ]);
  });
});
