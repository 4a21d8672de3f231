import {
  certificationCode,
  certificationLevel,
  certificationName,
  cleanUrl,
  examOrCourseCode,
} from './map-records';

describe('codes', () => {
  test.each([
    ['certification.devops-engineer', 'devops-engineer'],
    ['certification.Azure-Administrator', undefined],
    ['certification.', undefined],
  ])('certification %s → %s', (uid, code) => {
    expect(certificationCode(uid)).toBe(code);
  });

  test.each([
    ['exam.az-305', 'AZ-305', 'AZ-305'],
    ['exam.az-305', undefined, 'AZ-305'],
    ['exam.az-305', 'Exam AZ-305', 'AZ-305'], // not a code: the uid decides
    ['course.az-104t00', 'AZ-104T00', 'AZ-104T00'],
    ['course.ab-100t00-a', undefined, 'AB-100T00-A'],
    ['exam.weird_one', undefined, undefined],
  ])('%s with own code %s → %s', (uid, own, code) => {
    expect(examOrCourseCode(uid, own)).toBe(code);
  });
});

describe('certification levels: only what the record makes unambiguous', () => {
  test.each([
    ['specialty', ['advanced'], { level: 'SPECIALTY' }],
    ['fundamentals', ['beginner'], { level: 'FUNDAMENTALS' }],
    ['role-based', ['beginner'], { level: 'FUNDAMENTALS' }],
    ['role-based', ['intermediate'], { level: 'ASSOCIATE' }],
    ['role-based', ['Advanced', 'advanced'], { level: 'EXPERT' }],
    [
      'role-based',
      ['intermediate', 'advanced'],
      {
        reason:
          "the role-based record's levels [intermediate, advanced] do not name exactly one of beginner, intermediate, advanced",
      },
    ],
    ['role-based', [], { reason: 'the role-based record lists no levels' }],
    ['mcsa', ['intermediate'], { reason: 'certification_type "mcsa" has no certgraph level' }],
    [undefined, ['advanced'], { reason: 'the record has no certification_type' }],
  ])('%s %j → %j', (type, levels, expected) => {
    expect(certificationLevel(type, levels)).toEqual(expected);
  });
});

test('urls lose the Catalog API tracking parameter, and nothing else', () => {
  expect(
    cleanUrl(
      'https://learn.microsoft.com/en-us/credentials/certifications/az-104/?WT.mc_id=api_CatalogApi',
    ),
  ).toBe('https://learn.microsoft.com/en-us/credentials/certifications/az-104/');
  expect(cleanUrl('https://learn.microsoft.com/x/?tabs=a&WT.mc_id=api_CatalogApi')).toBe(
    'https://learn.microsoft.com/x/?tabs=a',
  );
  expect(cleanUrl('https://docs.microsoft.com/en-gb/learn/certifications/exams/az-104')).toBe(
    'https://docs.microsoft.com/en-gb/learn/certifications/exams/az-104',
  );
});

test('certification names drop the "Microsoft Certified:" prefix the seeds do not use', () => {
  expect(certificationName('Microsoft Certified: DevOps Engineer Expert')).toBe(
    'DevOps Engineer Expert',
  );
  expect(certificationName('MCSA: Windows Server 2016')).toBe('MCSA: Windows Server 2016');
});
