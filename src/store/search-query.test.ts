import { toFullTextQuery } from './search-query';

describe('toFullTextQuery', () => {
  test.each([
    ['AZ-400', 'az* AND 400*'],
    ['devops eng', 'devops* AND eng*'],
    ['  Power   Platform ', 'power* AND platform*'],
    ['title:(x OR y)~ "z"', 'title* AND x* AND or* AND y* AND z*'],
  ])('%s', (text, query) => {
    expect(toFullTextQuery(text)).toBe(query);
  });

  test.each([
    ['', 'text must not be empty'],
    ['   ', 'text must not be empty'],
    ['--', 'text must contain a letter or digit; got "--"'],
    ['x'.repeat(201), 'text must be at most 200 characters; got 201'],
  ])('rejects %j', (text, message) => {
    expect(() => toFullTextQuery(text)).toThrow(message);
  });
});
