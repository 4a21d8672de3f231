import { Catalog, CertificationSeed, formatProblem, RequirementSpec } from './catalog';
import { validateCatalog } from './validate-catalog';

const cert = (code: string, requires: RequirementSpec[], index = 0) => ({
  code,
  name: code,
  level: 'EXPERT' as CertificationSeed['level'],
  requires,
  confidence: 'OFFICIAL' as const,
  sources: ['https://example.org'],
  notes: [],
  location: { file: 'c.yaml', kind: 'certifications' as const, index, code },
});
const exam = (code: string, index = 0) => ({
  code,
  name: code,
  confidence: 'OFFICIAL' as const,
  sources: ['https://example.org'],
  notes: [],
  location: { file: 'e.yaml', kind: 'exams' as const, index, code },
});

const problems = (catalog: Partial<Catalog>) =>
  validateCatalog({ certifications: [], exams: [], courses: [], ...catalog }).map(formatProblem);

describe('validateCatalog', () => {
  test('accepts a consistent catalog with a shared prerequisite', () => {
    expect(
      problems({
        certifications: [
          cert('a', [{ certification: 'shared' }], 0),
          cert('b', [{ oneOf: [{ certification: 'shared' }, { exam: 'X-1' }] }], 1),
          cert('shared', [{ exam: 'X-1' }], 2),
        ],
        exams: [exam('X-1')],
      }),
    ).toEqual([]);
  });

  test('names unknown references with their path', () => {
    expect(
      problems({
        certifications: [
          cert('a', [{ oneOf: [{ certification: 'nope' }, { allOf: [{ exam: 'X-9' }] }] }]),
        ],
        courses: [
          {
            code: 'X-1T00',
            name: 'c',
            exams: ['X-2'],
            confidence: 'OFFICIAL' as const,
            sources: ['https://e.org'],
            notes: [],
            location: { file: 'k.yaml', kind: 'courses', index: 3, code: 'X-1T00' },
          },
        ],
      }),
    ).toEqual([
      'c.yaml: certifications[0] "a": requires[0].oneOf[0]: unknown certification "nope"',
      'c.yaml: certifications[0] "a": requires[0].oneOf[1].allOf[0]: unknown exam "X-9"',
      'k.yaml: courses[3] "X-1T00": exams[0]: unknown exam "X-2"',
    ]);
  });

  test('finds duplicate codes, also across kinds and letter case', () => {
    expect(problems({ exams: [exam('X-1', 0), exam('X-1', 1)] })).toEqual([
      'e.yaml: exams[1] "X-1": code: duplicate code "X-1"; already used by e.yaml: exams[0] "X-1"',
    ]);
    expect(
      problems({ certifications: [cert('x-1', [{ exam: 'X-1' }])], exams: [exam('X-1')] }),
    ).toEqual([
      'e.yaml: exams[0] "X-1": code: duplicate code "X-1"; already used by c.yaml: certifications[0] "x-1"',
    ]);
  });

  test('names the whole cycle', () => {
    expect(
      problems({
        certifications: [
          cert('a', [{ certification: 'b' }], 0),
          cert('b', [{ oneOf: [{ exam: 'X-1' }, { certification: 'c' }] }], 1),
          cert('c', [{ allOf: [{ certification: 'a' }] }], 2),
        ],
        exams: [exam('X-1')],
      }),
    ).toEqual([
      'c.yaml: certifications[0] "a": requires: certifications require each other in a cycle: a → b → c → a',
    ]);
  });

  test('refuses a certification that requires itself', () => {
    expect(problems({ certifications: [cert('a', [{ certification: 'a' }])] })).toEqual([
      'c.yaml: certifications[0] "a": requires[0]: a certification cannot require itself',
    ]);
  });
});

describe('dates and succession', () => {
  test('a member cannot apply outside its group, nor be listed twice in one list', () => {
    expect(
      problems({
        certifications: [
          cert('a', [
            {
              oneOf: [{ exam: 'X-1', from: '2019-01-01' }, { exam: 'X-2' }, { exam: 'X-1' }],
              from: '2020-01-01',
              until: '2024-12-31',
            },
          ]),
        ],
        exams: [exam('X-1'), exam('X-2')],
      }),
    ).toEqual([
      'c.yaml: certifications[0] "a": requires[0].oneOf[0].from: must not be before its group\'s from (2020-01-01)',
      'c.yaml: certifications[0] "a": requires[0].oneOf[2]: exam X-1 is listed twice in the same list; give one entry the whole period',
    ]);
  });

  test('replacements must exist and be of the same kind; lifecycle dates must be in order', () => {
    const provenance = {
      confidence: 'OFFICIAL' as const,
      sources: ['https://example.org'],
      notes: [],
    };
    expect(
      problems({
        certifications: [
          { ...cert('a', [{ exam: 'X-1' }]), lifecycle: { replacedBy: 'X-2', provenance } },
        ],
        exams: [
          {
            ...exam('X-1'),
            lifecycle: {
              retiredOn: '2022-03-31',
              retirementAnnouncedOn: '2022-06-01',
              successor: 'nope',
              provenance,
            },
          },
          exam('X-2', 1),
        ],
      }),
    ).toEqual([
      'c.yaml: certifications[0] "a": lifecycle.replacedBy: "X-2" is one of the exams, not the certifications; a different kind of item is a successor',
      'e.yaml: exams[0] "X-1": lifecycle.retiredOn: 2022-03-31 is before retirementAnnouncedOn (2022-06-01)',
      'e.yaml: exams[0] "X-1": lifecycle.successor: unknown code "nope"',
    ]);
  });

  test('knownSince must not be after what the sources show, and goes only without availableFrom', () => {
    const provenance = {
      confidence: 'SECONDARY' as const,
      sources: ['https://example.org'],
      notes: [],
    };
    const known = (lifecycle: object, index: number) => ({
      ...exam(`X-${index + 1}`, index),
      lifecycle: { ...lifecycle, provenance },
    });
    expect(
      problems({
        exams: [
          known({ knownSince: '2019-07-14', betaUntil: '2019-09-30', retiredOn: '2023-09-30' }, 0),
          known({ knownSince: '2023-10-01', retiredOn: '2023-09-30' }, 1),
          known({ knownSince: '2026-09-28', retirementAnnouncedOn: '2026-03-01' }, 2),
          known({ knownSince: '2021-01-01', betaUntil: '2020-12-31' }, 3),
          known({ availableFrom: '2020-01-01', knownSince: '2021-01-01' }, 4),
        ],
      }),
    ).toEqual([
      'e.yaml: exams[1] "X-2": lifecycle.retiredOn: 2023-09-30 is before knownSince (2023-10-01)',
      'e.yaml: exams[2] "X-3": lifecycle.retirementAnnouncedOn: 2026-03-01 is before knownSince (2026-09-28)',
      'e.yaml: exams[3] "X-4": lifecycle.betaUntil: 2020-12-31 is before knownSince (2021-01-01)',
      'e.yaml: exams[4] "X-5": lifecycle.knownSince: give knownSince only when the first day is not known; this item has availableFrom',
    ]);
  });
});

describe('a requirement applies only once its item is known', () => {
  const provenance = {
    confidence: 'SECONDARY' as const,
    sources: ['https://example.org'],
    notes: [],
  };
  const firstDay = (day: { knownSince?: string; availableFrom?: string }) => ({
    lifecycle: { ...day, provenance },
  });
  const tail = 'date the item earlier or the requirement later';
  const cases: [string, Partial<Catalog>, string[]][] = [
    [
      'an entry with `from` before its exam is known is refused',
      {
        certifications: [cert('a', [{ exam: 'X-1', from: '2022-04-01' }])],
        exams: [{ ...exam('X-1'), ...firstDay({ knownSince: '2022-04-03' }) }],
      },
      [
        `c.yaml: certifications[0] "a": requires[0]: exam X-1 is known only from 2022-04-03, but this requirement applies from 2022-04-01; ${tail}`,
      ],
    ],
    [
      'and so is one before its certification is available',
      {
        certifications: [
          cert('a', [{ certification: 'b', from: '2019-01-01' }], 0),
          { ...cert('b', [], 1), ...firstDay({ availableFrom: '2019-06-01' }) },
        ],
      },
      [
        `c.yaml: certifications[0] "a": requires[0]: certification b is known only from 2019-06-01, but this requirement applies from 2019-01-01; ${tail}`,
      ],
    ],
    [
      'an entry without `from` starts with its group, nested groups included',
      {
        certifications: [
          cert('a', [
            {
              oneOf: [{ exam: 'X-1' }, { allOf: [{ exam: 'X-2' }, { exam: 'X-3' }] }],
              from: '2022-01-01',
            },
          ]),
        ],
        exams: [
          { ...exam('X-1', 0), ...firstDay({ knownSince: '2022-10-09' }) },
          { ...exam('X-2', 1), ...firstDay({ knownSince: '2021-01-01' }) },
          { ...exam('X-3', 2), ...firstDay({ availableFrom: '2022-02-01' }) },
        ],
      },
      [
        `c.yaml: certifications[0] "a": requires[0].oneOf[0]: exam X-1 is known only from 2022-10-09, but this requirement applies from 2022-01-01 (its group's from); ${tail}`,
        `c.yaml: certifications[0] "a": requires[0].oneOf[1].allOf[1]: exam X-3 is known only from 2022-02-01, but this requirement applies from 2022-01-01 (its group's from); ${tail}`,
      ],
    ],
    [
      "the outermost entries start with the certification's own first known day",
      {
        certifications: [
          {
            ...cert('a', [{ exam: 'X-1' }, { oneOf: [{ exam: 'X-2' }, { exam: 'X-1' }] }]),
            ...firstDay({ knownSince: '2019-07-13' }),
          },
        ],
        exams: [
          { ...exam('X-1', 0), ...firstDay({ availableFrom: '2020-04-02' }) },
          { ...exam('X-2', 1), ...firstDay({ knownSince: '2019-07-13' }) },
        ],
      },
      [
        `c.yaml: certifications[0] "a": requires[0]: exam X-1 is known only from 2020-04-02, but this requirement applies from 2019-07-13 (the certification's own first day); ${tail}`,
        `c.yaml: certifications[0] "a": requires[1].oneOf[1]: exam X-1 is known only from 2020-04-02, but this requirement applies from 2019-07-13 (the certification's own first day); ${tail}`,
      ],
    ],
    [
      'an item with no first day passes, and so does a certification with none',
      {
        certifications: [
          { ...cert('a', [{ exam: 'X-1' }], 0), ...firstDay({ knownSince: '2019-07-13' }) },
          cert('b', [{ exam: 'X-2' }], 1),
        ],
        exams: [exam('X-1', 0), { ...exam('X-2', 1), ...firstDay({ knownSince: '2026-09-28' }) }],
      },
      [],
    ],
    [
      'an entry whose item is known earlier, or that same day, passes',
      {
        certifications: [
          {
            ...cert('a', [
              { exam: 'X-1', from: '2022-04-01' },
              { exam: 'X-2', from: '2020-04-02', until: '2022-03-31' },
              { oneOf: [{ exam: 'X-3' }], from: '2023-10-01' },
            ]),
            ...firstDay({ knownSince: '2019-07-13' }),
          },
        ],
        exams: [
          { ...exam('X-1', 0), ...firstDay({ knownSince: '2022-04-01' }) },
          { ...exam('X-2', 1), ...firstDay({ availableFrom: '2020-04-02' }) },
          { ...exam('X-3', 2), ...firstDay({ knownSince: '2023-02-14' }) },
        ],
      },
      [],
    ],
  ];

  test.each(cases)('%s', (_name, catalog, expected) => {
    expect(problems(catalog)).toEqual(expected);
  });
});
