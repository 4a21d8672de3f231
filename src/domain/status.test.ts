import { isAvailableOn, statusOn } from './status';

describe('statusOn', () => {
  const pl400 = { retirementAnnouncedOn: '2026-09-28', retiredOn: '2026-10-30' };
  const pl600 = { betaUntil: '2021-06-01', retiredOn: '2026-06-30' };

  test.each([
    [pl400, '2026-09-27', 'ACTIVE'],
    [pl400, '2026-09-28', 'RETIRING'],
    [pl400, '2026-10-30', 'RETIRING'], // the last day it can be taken
    [pl400, '2026-10-31', 'RETIRED'],
    [pl600, '2021-06-01', 'BETA'],
    [pl600, '2021-06-02', 'ACTIVE'],
    [pl600, '2026-07-01', 'RETIRED'],
    [{ availableFrom: '2026-01-15' }, '2026-01-14', 'UPCOMING'],
    [{ availableFrom: '2026-01-15' }, '2026-01-15', 'ACTIVE'],
    [{}, '1999-01-01', 'ACTIVE'],
    // Undated: before the earliest source that shows it, nothing is claimed.
    [{ knownSince: '2022-01-31' }, '2021-06-01', 'UNKNOWN'],
    [{ knownSince: '2022-01-31' }, '2022-01-31', 'ACTIVE'],
    [{ knownSince: '2022-01-31', retiredOn: '2024-11-30' }, '2024-12-01', 'RETIRED'],
    [{ knownSince: '2022-01-31', betaUntil: '2022-03-01' }, '2022-02-15', 'BETA'],
  ])('%j on %s is %s', (item, day, status) => {
    expect(statusOn(item, day)).toBe(status);
  });

  test('available while it can be newly taken: beta and retiring count, retired and upcoming do not', () => {
    expect(isAvailableOn(pl600, '2021-06-01')).toBe(true);
    expect(isAvailableOn(pl400, '2026-10-30')).toBe(true);
    expect(isAvailableOn(pl400, '2026-10-31')).toBe(false);
    expect(isAvailableOn({ availableFrom: '2026-01-15' }, '2026-01-01')).toBe(false);
    expect(isAvailableOn({ knownSince: '2022-01-31' }, '2021-06-01')).toBe(false);
  });
});
