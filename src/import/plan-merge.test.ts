import { LearnCatalog } from './learn-catalog';
import { ExistingItems, planMerge } from './plan-merge';

const API = 'https://learn.microsoft.com/api/catalog/';
const NOTE = 'Imported from the Microsoft Learn Catalog API (catalog.json, 2026-11-27).';
const FLAT =
  "Requirements from the Catalog API's flat exam list, read as all of them; the API has no ONE_OF information.";

/** A tiny seeds catalog: the AZ-400 exam and course, and two certifications. */
function seeds(): ExistingItems {
  const item = (value: Record<string, unknown>, anchored: string[] = []) => ({
    value: { sources: ['https://example.org/seed'], ...value },
    anchored,
  });
  return {
    certifications: new Map([
      [
        'devops-engineer',
        item({
          code: 'devops-engineer',
          name: 'DevOps Engineer Expert',
          level: 'EXPERT',
          requires: [
            {
              oneOf: [
                { certification: 'azure-administrator' },
                { certification: 'azure-developer' },
              ],
            },
            { exam: 'AZ-400' },
          ],
        }),
      ],
      [
        'azure-solutions-architect',
        item({
          code: 'azure-solutions-architect',
          name: 'Azure Solutions Architect Expert',
          level: 'EXPERT',
          requires: [
            { exam: 'AZ-303', until: '2022-03-31' },
            { exam: 'AZ-400', from: '2022-04-01' },
          ],
        }),
      ],
    ]),
    exams: new Map([
      [
        'AZ-400',
        item({ code: 'AZ-400', name: 'DevOps Solutions', url: 'https://example.org/az-400' }),
      ],
      ['AZ-303', item({ code: 'AZ-303', name: 'Architect Technologies' }, ['name'])],
    ]),
    courses: new Map([
      ['AZ-400T00', item({ code: 'AZ-400T00', name: 'DevOps course', exams: ['AZ-400'] })],
    ]),
  };
}

const learn = (parts: Partial<LearnCatalog>): LearnCatalog => ({
  certifications: [],
  exams: [],
  courses: [],
  skipped: [],
  ...parts,
});
const plan = (parts: Partial<LearnCatalog>) =>
  planMerge(learn(parts), seeds(), { fileName: 'catalog.json', date: '2026-11-27' });

const exam = (code: string, more: object = {}) => ({
  where: 'exams[0]',
  uid: `exam.${code.toLowerCase()}`,
  displayName: code,
  title: `Exam ${code}`,
  url: `https://learn.microsoft.com/exams/${code.toLowerCase()}/`,
  courses: [],
  ...more,
});
const cert = (slug: string, exams: string[] | undefined, more: object = {}) => ({
  where: 'certifications[0]',
  uid: `certification.${slug}`,
  title: `Microsoft Certified: ${slug}`,
  url: `https://learn.microsoft.com/certifications/${slug}/`,
  certificationType: 'role-based',
  levels: ['intermediate'],
  exams,
  ...more,
});

describe('existing items', () => {
  test('a changed value is updated and the record url joins the sources; equal values are not listed', () => {
    const result = plan({
      exams: [exam('AZ-400', { title: 'DevOps Solutions', url: 'https://example.org/az-400' })],
      courses: [
        {
          where: 'courses[0]',
          uid: 'course.az-400t00',
          title: 'DevOps course, renamed',
          durationInHours: 32,
          exam: 'exam.az-400',
          url: 'https://learn.microsoft.com/courses/az-400t00/',
        },
      ],
    });
    expect(result.changed).toEqual([
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'name',
        from: 'DevOps course',
        to: 'DevOps course, renamed',
      },
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'url',
        to: 'https://learn.microsoft.com/courses/az-400t00/',
      },
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'duration',
        to: { hours: 32, confidence: 'official', sources: [API] },
      },
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'sources',
        from: ['https://example.org/seed'],
        to: ['https://example.org/seed', 'https://learn.microsoft.com/courses/az-400t00/'],
      },
    ]);
    expect(result.added).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  test("a course's curated length is kept: a different figure from the file is reported, not written", () => {
    const existing = seeds();
    existing.courses.get('AZ-400T00')!.value.duration = {
      days: 4,
      confidence: 'official',
      sources: ['https://example.org/az-400t00'],
    };
    const course = (hours: number) => ({
      where: 'courses[0]',
      uid: 'course.az-400t00',
      title: 'DevOps course',
      durationInHours: hours,
      exam: 'exam.az-400',
    });
    const result = planMerge(learn({ courses: [course(32)] }), existing, {
      fileName: 'catalog.json',
      date: '2026-11-27',
    });
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual([
      {
        record: 'course.az-400t00',
        reason: 'duration not changed: the seeds give a curated length; the file says 32 hours',
      },
    ]);
  });

  test('a curated certification name with or without the "Microsoft Certified: " prefix is not renamed', () => {
    const titled = (title: string) => cert('devops-engineer', undefined, { title });
    const renames = (existing: ExistingItems, title: string) =>
      planMerge(learn({ certifications: [titled(title)] }), existing, {
        fileName: 'catalog.json',
        date: '2026-11-27',
      }).changed.filter((change) => change.field === 'name');
    const prefixed = seeds();
    prefixed.certifications.get('devops-engineer')!.value.name =
      'Microsoft Certified: DevOps Engineer Expert';
    expect(renames(seeds(), 'Microsoft Certified: DevOps Engineer Expert')).toEqual([]);
    expect(renames(prefixed, 'Microsoft Certified: DevOps Engineer Expert')).toEqual([]);
    expect(renames(prefixed, 'Microsoft Certified: DevOps Engineer')).toEqual([
      {
        kind: 'certifications',
        code: 'devops-engineer',
        field: 'name',
        from: 'Microsoft Certified: DevOps Engineer Expert',
        to: 'DevOps Engineer',
      },
    ]);
  });

  test('a value that is a YAML anchor is not edited, and that is reported', () => {
    const result = plan({ exams: [exam('AZ-303', { url: undefined })] });
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual([
      {
        record: 'exam.az-303',
        reason:
          'name not changed: its YAML value is an anchor that other items alias; edit it by hand',
      },
    ]);
  });

  test("a certification's requires is never changed; a disagreeing flat list is reported", () => {
    const result = plan({
      certifications: [cert('devops-engineer', ['exam.az-400'], { levels: ['advanced'] })],
    });
    expect(result.changed.map((c) => c.field)).toEqual(['name', 'url', 'sources']);
    expect(result.skipped).toEqual([
      {
        record: 'certification.devops-engineer',
        reason:
          "requires kept: curated structure differs from the Catalog API's flat exam list (AZ-400); the seeds require one of (certification azure-administrator, certification azure-developer), exam AZ-400 as of 2026-11-27",
      },
    ]);
  });

  test('requirements are compared as of the import date: past and future entries do not count', () => {
    const agree = plan({
      certifications: [
        cert('azure-solutions-architect', ['exam.az-400'], {
          title: 'Microsoft Certified: Azure Solutions Architect Expert',
          url: undefined,
          levels: ['advanced'],
        }),
      ],
    });
    expect(agree).toEqual({ added: [], changed: [], skipped: [] });
    const before = planMerge(
      learn({
        certifications: [
          cert('azure-solutions-architect', ['exam.az-400'], {
            url: undefined,
            levels: ['advanced'],
          }),
        ],
      }),
      seeds(),
      { fileName: 'catalog.json', date: '2021-06-01' },
    );
    expect(before.skipped[0].reason).toMatch(/the seeds require exam AZ-303 as of 2021-06-01$/);
  });

  test('a level that cannot be determined is left as curated, with the reason', () => {
    const result = plan({
      certifications: [
        cert('devops-engineer', undefined, {
          title: 'Microsoft Certified: DevOps Engineer Expert',
          url: undefined,
          levels: ['intermediate', 'advanced'],
        }),
      ],
    });
    expect(result.changed).toEqual([]);
    expect(result.skipped).toEqual([
      {
        record: 'certification.devops-engineer',
        reason:
          "level not set: the role-based record's levels [intermediate, advanced] do not name exactly one of beginner, intermediate, advanced",
      },
    ]);
  });
});

describe('new items', () => {
  test('a new certification requires all of its exams, known or imported, with provenance', () => {
    const result = plan({
      exams: [exam('AZ-700')],
      certifications: [cert('azure-network-engineer', ['exam.az-700', 'exam.az-400'])],
    });
    expect(result.added).toEqual([
      {
        kind: 'certifications',
        code: 'azure-network-engineer',
        value: {
          code: 'azure-network-engineer',
          name: 'azure-network-engineer',
          level: 'ASSOCIATE',
          url: 'https://learn.microsoft.com/certifications/azure-network-engineer/',
          requires: [{ exam: 'AZ-700' }, { exam: 'AZ-400' }],
          confidence: 'official',
          sources: ['https://learn.microsoft.com/certifications/azure-network-engineer/', API],
          notes: [NOTE, FLAT],
        },
      },
      {
        kind: 'exams',
        code: 'AZ-700',
        value: {
          code: 'AZ-700',
          name: 'Exam AZ-700',
          url: 'https://learn.microsoft.com/exams/az-700/',
          confidence: 'official',
          sources: ['https://learn.microsoft.com/exams/az-700/', API],
          notes: [NOTE],
        },
      },
    ]);
  });

  test.each([
    [
      'an unknown exam',
      cert('x', ['exam.az-400', 'exam.dp-300']),
      'not added: references an unknown exam "exam.dp-300"',
    ],
    [
      'no exam list (a merged record)',
      cert('x', undefined),
      'not added: mergedCertifications records have no exam list, so its requirements are unknown',
    ],
    [
      'an empty exam list',
      cert('x', []),
      'not added: the record lists no exams, so its requirements are unknown',
    ],
    [
      'an unclear level',
      cert('x', ['exam.az-400'], { certificationType: 'mos' }),
      'not added: level cannot be determined: certification_type "mos" has no certgraph level',
    ],
  ])('a certification with %s is not added', (_name, record, reason) => {
    const result = plan({ certifications: [record] });
    expect(result.added).toEqual([]);
    expect(result.skipped).toEqual([{ record: 'certification.x', reason }]);
  });

  test('course–exam links come from both sides; unknown exams are skipped', () => {
    const result = plan({
      exams: [
        exam('AZ-700', { courses: ['course.az-700t00', 'course.az-400t00', 'course.zz-1t00'] }),
      ],
      courses: [
        { where: 'courses[0]', uid: 'course.az-700t00', title: 'Networking', exam: 'exam.dp-300' },
        { where: 'courses[1]', uid: 'course.dp-300t00', title: 'SQL', exam: 'exam.dp-300' },
      ],
    });
    expect(result.added.map((item) => [item.code, item.value.exams])).toEqual([
      ['AZ-700', undefined],
      ['AZ-700T00', ['AZ-700']],
    ]);
    // AZ-400T00 is not in the file: the exam's record links it, and is its source.
    expect(result.changed).toEqual([
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'exams',
        from: ['AZ-400'],
        to: ['AZ-400', 'AZ-700'],
      },
      {
        kind: 'courses',
        code: 'AZ-400T00',
        field: 'sources',
        from: ['https://example.org/seed'],
        to: ['https://example.org/seed', 'https://learn.microsoft.com/exams/az-700/'],
      },
    ]);
    expect(result.skipped).toEqual([
      {
        record: 'exam.az-700',
        reason:
          'link to course "course.zz-1t00" not imported: the course is neither in the seeds nor in the file',
      },
      {
        record: 'course.az-700t00',
        reason: 'link to exam "exam.dp-300" not imported: references an unknown exam',
      },
      { record: 'course.dp-300t00', reason: 'not added: references an unknown exam "exam.dp-300"' },
    ]);
  });
});
