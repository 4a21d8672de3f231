import { CatalogInputError, parseLearnCatalog } from './learn-catalog';

const problemsOf = (json: unknown) => {
  try {
    parseLearnCatalog('catalog.json', json);
  } catch (error) {
    if (error instanceof CatalogInputError) return error.problems;
    throw error;
  }
  return [];
};

test('reads the fields it imports and ignores the rest', () => {
  const catalog = parseLearnCatalog('catalog.json', {
    certifications: [
      {
        uid: 'certification.devops-engineer',
        title: 'Microsoft Certified: DevOps Engineer Expert',
        url: 'https://learn.microsoft.com/devops-engineer/',
        certification_type: 'role-based',
        levels: ['advanced'],
        exams: ['exam.az-400'],
        icon_url: 'https://learn.microsoft.com/icon.svg',
      },
    ],
    mergedCertifications: [
      { uid: 'certification.x', title: 'X', levels: null, certification_type: 'role-based' },
    ],
    exams: [{ uid: 'exam.az-400', display_name: 'AZ-400', title: 'DevOps', courses: null }],
    courses: [{ uid: 'course.az-400t00', title: 'DevOps', duration_in_hours: null, exam: null }],
  });
  expect(catalog).toEqual({
    certifications: [
      {
        where: 'certifications[0]',
        uid: 'certification.devops-engineer',
        title: 'Microsoft Certified: DevOps Engineer Expert',
        url: 'https://learn.microsoft.com/devops-engineer/',
        certificationType: 'role-based',
        levels: ['advanced'],
        exams: ['exam.az-400'],
      },
      // merged records have no exam list: undefined, not empty
      {
        where: 'mergedCertifications[0]',
        uid: 'certification.x',
        title: 'X',
        certificationType: 'role-based',
        levels: [],
      },
    ],
    exams: [
      {
        where: 'exams[0]',
        uid: 'exam.az-400',
        displayName: 'AZ-400',
        title: 'DevOps',
        courses: [],
      },
    ],
    courses: [{ where: 'courses[0]', uid: 'course.az-400t00', title: 'DevOps' }],
    skipped: [],
  });
});

test('every problem names the record and the field', () => {
  const course = { uid: 'course.a-1t00', title: 'A' };
  expect(
    problemsOf({
      courses: [
        course,
        course,
        { uid: 'course.c-1t00', title: ' ' },
        { uid: 'course.az-104t00', title: 'Admin', duration_in_hours: 0 },
        { uid: 'course.d-1t00', title: 'D', duration_in_hours: '32', url: 'ftp://x' },
        { title: 'no uid' },
      ],
      exams: { uid: 'exam.az-104' },
      certifications: [{ uid: 'certification.x', title: 'X', exams: 'exam.az-104' }],
    }),
  ).toEqual([
    'certifications[0] "certification.x": exams: must be a list of uids',
    'exams: must be an array',
    'courses[1] "course.a-1t00": uid: duplicate; already at courses[0]',
    'courses[2] "course.c-1t00": title: must not be empty',
    'courses[3] "course.az-104t00": duration_in_hours: must be a positive number',
    'courses[4] "course.d-1t00": url: must be an http(s) URL',
    'courses[4] "course.d-1t00": duration_in_hours: must be a positive number',
    'courses[5]: uid: is missing',
  ]);
});

test('a file with none of the arrays, or no object at all, is refused', () => {
  expect(problemsOf({ modules: [] })).toEqual([
    'has none of the arrays certifications, mergedCertifications, exams, courses',
  ]);
  expect(problemsOf([])).toEqual(['must be a JSON object such as {"exams": [...]}']);
});

test('records of other types are skipped, not refused', () => {
  const catalog = parseLearnCatalog('catalog.json', {
    exams: [{ uid: 'appliedskill.x', type: 'appliedSkill' }, { uid: 'learn.y' }],
    modules: [{ uid: 'learn.m1' }, { uid: 'learn.m2' }],
    levels: [],
  });
  expect(catalog.skipped).toEqual([
    { record: 'appliedskill.x', reason: 'unsupported type "appliedSkill" in exams[]' },
    { record: 'learn.y', reason: 'unsupported type (uid does not start with "exam.") in exams[]' },
    { record: 'modules[]', reason: '2 records of a type the importer does not read' },
  ]);
});
