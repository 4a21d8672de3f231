import {
  addMonths,
  isCalendarDay,
  ruleFor,
  stateOn,
  ValidityInputError,
  validityDates,
  ValidityRule,
} from './validity';

// As seeds/microsoft/validity-policies.yaml states them (two years before 2021-06-30, then one).
const twoYears: ValidityRule = {
  id: 'two-years',
  validUntil: '2021-06-29',
  levels: ['ASSOCIATE', 'EXPERT', 'SPECIALTY'],
  certifications: [],
  expires: true,
  validityMonths: 24,
  renewal: { opensMonthsBeforeExpiry: 6, extendsMonths: 12 },
};
const oneYear: ValidityRule = {
  ...twoYears,
  id: 'one-year',
  validFrom: '2021-06-30',
  validUntil: undefined,
  validityMonths: 12,
};
const fundamentals: ValidityRule = {
  id: 'fundamentals',
  levels: ['FUNDAMENTALS'],
  certifications: [],
  expires: false,
};
const rules = [twoYears, oneYear, fundamentals];
const associate = { code: 'azure-administrator', level: 'ASSOCIATE' };

describe('addMonths', () => {
  test.each([
    ['2024-02-29', 12, '2025-02-28'], // earned on a leap day: the last day of next February
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', -6, '2025-02-28'],
    ['2026-03-01', -6, '2025-09-01'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-01-31', -1, '2025-12-31'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

test.each([
  ['2024-02-29', true],
  ['2023-02-29', false],
  ['2021-13-01', false],
  ['2021-00-10', false],
  ['2021-04-31', false],
  ['2021-4-01', false],
])('isCalendarDay(%s) is %s', (day, expected) => {
  expect(isCalendarDay(day)).toBe(expected);
});

describe('ruleFor: the policy of the day the credential was earned', () => {
  test.each([
    ['2021-06-29', 'two-years'], // the last day of the old policy
    ['2021-06-30', 'one-year'],
    ['2026-01-01', 'one-year'],
  ])('earned on %s: %s', (day, id) => {
    expect(ruleFor(associate, day, rules)?.id).toBe(id);
  });

  test('a policy naming the certification wins over its level', () => {
    const own: ValidityRule = { ...fundamentals, id: 'own', levels: [], certifications: ['x'] };
    expect(ruleFor({ code: 'x', level: 'ASSOCIATE' }, '2026-01-01', [...rules, own])?.id).toBe(
      'own',
    );
  });

  test('no policy for a level nobody covered', () => {
    expect(ruleFor({ code: 'y', level: 'OTHER' }, '2026-01-01', rules)).toBeUndefined();
  });
});

describe('validityDates and stateOn on edge days', () => {
  const at = (held: { earnedOn?: string; renewedOn?: string }, day: string) => {
    const rule = ruleFor(associate, held.earnedOn ?? day, rules);
    const dates = validityDates(held, rule);
    return { ...dates, state: stateOn(dates, rule?.expires ?? false, day) };
  };

  test.each([
    // earned, renewed, asked, validUntil, renewalOpensOn, state
    ['2025-03-01', undefined, '2025-09-01', '2026-03-01', '2025-09-01', 'RENEWAL_OPEN'],
    ['2025-03-01', undefined, '2025-08-31', '2026-03-01', '2025-09-01', 'ACTIVE'],
    ['2025-03-01', undefined, '2026-03-01', '2026-03-01', '2025-09-01', 'RENEWAL_OPEN'], // last day
    ['2025-03-01', undefined, '2026-03-02', '2026-03-01', '2025-09-01', 'EXPIRED'],
    // earned on Feb 29: valid to the last day of next February, window from Aug 28
    ['2024-02-29', undefined, '2024-08-28', '2025-02-28', '2024-08-28', 'RENEWAL_OPEN'],
    ['2024-02-29', undefined, '2025-03-01', '2025-02-28', '2024-08-28', 'EXPIRED'],
    // renewed on the last day of the window: one more year from the old expiry
    ['2025-03-01', '2026-03-01', '2026-06-01', '2027-03-01', '2026-09-01', 'ACTIVE'],
    // renewed on the first day of the window
    ['2025-03-01', '2025-09-01', '2026-03-02', '2027-03-01', '2026-09-01', 'ACTIVE'],
    // the latest of yearly renewals: the second window
    ['2025-03-01', '2026-12-01', '2027-06-01', '2028-03-01', '2027-09-01', 'ACTIVE'],
    // policy changed between earning and asking: earned under the two-year policy
    ['2021-06-29', undefined, '2022-06-29', '2023-06-29', '2022-12-29', 'ACTIVE'],
    ['2021-06-30', undefined, '2022-06-30', '2022-06-30', '2021-12-30', 'RENEWAL_OPEN'],
    ['2021-06-30', undefined, '2022-07-01', '2022-06-30', '2021-12-30', 'EXPIRED'],
  ])(
    'earned %s, renewed %s, asked %s: valid until %s, renewal from %s, %s',
    (earnedOn, renewedOn, day, validUntil, renewalOpensOn, state) => {
      expect(at({ earnedOn, renewedOn }, day)).toEqual({
        validUntil,
        renewalOpensOn,
        renewable: true,
        state,
      });
    },
  );

  test.each([
    ['2026-03-02', /not inside a renewal window.*must be earned again/], // a day after expiry
    ['2025-08-31', /not inside a renewal window/], // a day before the window opens
    ['2026-05-01', /not inside a renewal window/], // expired, before the next window would open
    ['2025-02-01', /before earnedOn/],
  ])('renewal on %s is refused', (renewedOn, message) => {
    const attempt = () => at({ earnedOn: '2025-03-01', renewedOn }, '2026-06-01');
    expect(attempt).toThrow(ValidityInputError);
    expect(attempt).toThrow(message);
  });

  test('fundamentals do not expire and are never renewed', () => {
    const dates = validityDates({ earnedOn: '2019-05-02' }, fundamentals);
    expect(dates).toEqual({ renewable: false });
    expect(stateOn(dates, false, '2040-01-01')).toBe('DOES_NOT_EXPIRE');
    expect(() =>
      validityDates({ earnedOn: '2019-05-02', renewedOn: '2020-01-01' }, fundamentals),
    ).toThrow(/does not expire/);
  });

  test('a retired certification still counts until it expires, then expires', () => {
    const dates = validityDates({ earnedOn: '2026-01-10' }, oneYear);
    expect(stateOn(dates, true, '2026-07-01', '2026-06-30')).toBe('RETIRED_BUT_HELD');
    expect(stateOn(dates, true, '2027-01-11', '2026-06-30')).toBe('EXPIRED');
  });

  test('a bare code is held and valid: no dates, ACTIVE', () => {
    const dates = validityDates({}, oneYear);
    expect(dates).toEqual({ renewable: false });
    expect(stateOn(dates, true, '2030-01-01')).toBe('ACTIVE');
  });
});
