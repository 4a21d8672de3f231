import { decodeCursor, encodeCursor, pageRequest } from './pagination';

describe('pagination', () => {
  test('cursors round-trip and are opaque', () => {
    const cursor = encodeCursor('devops-engineer');
    expect(cursor).not.toContain('devops');
    expect(decodeCursor(cursor)).toBe('devops-engineer');
  });

  test.each(['', 'abc', encodeCursor('x').slice(0, -1) + '!'])(
    'rejects the foreign cursor %j',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(
        `after: "${cursor}" is not a cursor returned by this API`,
      );
    },
  );

  test('checks page sizes', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ first: 20, after: undefined });
    expect(pageRequest(0, null)).toEqual({ first: 0, after: undefined });
    expect(() => pageRequest(101, undefined)).toThrow('first must be between 0 and 100; got 101');
    expect(() => pageRequest(-1, undefined)).toThrow('first must be between 0 and 100; got -1');
  });
});
