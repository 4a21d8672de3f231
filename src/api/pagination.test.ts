import { decodeCursor, encodeCursor, pageRequest } from './pagination';

describe('pagination', () => {
  test('cursors round-trip and are opaque', () => {
    const cursor = encodeCursor('Certification', 'devops-engineer');
    expect(cursor).not.toContain('devops');
    expect(decodeCursor(cursor, 'Certification')).toBe('devops-engineer');
  });

  test.each(['', 'abc', encodeCursor('Exam', 'x').slice(0, -1) + '!', 'Q29kZQ'])(
    'rejects the foreign cursor %j',
    (cursor) => {
      expect(() => decodeCursor(cursor, 'Exam')).toThrow(
        `after: "${cursor}" is not a cursor returned by this API`,
      );
    },
  );

  test("rejects another list's cursor, naming both lists", () => {
    const cursor = encodeCursor('Exam', 'AZ-104');
    expect(() => decodeCursor(cursor, 'Certification')).toThrow(
      `after: "${cursor}" continues the exam list, not this certification list`,
    );
  });

  test('checks page sizes', () => {
    expect(pageRequest('Exam', undefined, undefined)).toEqual({ first: 20, after: undefined });
    expect(pageRequest('Exam', 0, null)).toEqual({ first: 0, after: undefined });
    expect(() => pageRequest('Exam', 101, undefined)).toThrow(
      'first must be between 0 and 100; got 101',
    );
    expect(() => pageRequest('Exam', -1, undefined)).toThrow(
      'first must be between 0 and 100; got -1',
    );
  });
});
