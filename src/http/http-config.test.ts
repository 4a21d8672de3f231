import { loadHttpConfig } from '../config';

describe('loadHttpConfig', () => {
  test('defaults: no CORS, playground on, five-minute cache, complexity 2000, shape limits', () => {
    expect(loadHttpConfig({})).toEqual({
      corsOrigins: [],
      playground: true,
      cacheMaxAge: 300,
      maxQueryComplexity: 2000,
      maxQueryDepth: 12,
      maxQueryAliases: 30,
      maxQueryTokens: 3000,
      maxBodyBytes: 102_400,
      introspection: true,
      fieldSuggestions: true,
    });
  });

  test('reads the body limit, and refuses one too small to hold a request', () => {
    expect(loadHttpConfig({ MAX_BODY_BYTES: '2048' }).maxBodyBytes).toBe(2048);
    expect(() => loadHttpConfig({ MAX_BODY_BYTES: '10' })).toThrow(
      'MAX_BODY_BYTES="10": must be at least 1024 bytes',
    );
  });

  test('turns the playground off in production unless PLAYGROUND says otherwise', () => {
    expect(loadHttpConfig({ NODE_ENV: 'production' }).playground).toBe(false);
    expect(loadHttpConfig({ NODE_ENV: 'production', PLAYGROUND: 'true' }).playground).toBe(true);
    expect(loadHttpConfig({ PLAYGROUND: 'false' }).playground).toBe(false);
  });

  test('reads a comma-separated origin allowlist, trimmed and without duplicates', () => {
    expect(
      loadHttpConfig({
        CORS_ORIGINS: 'https://portal.example, http://localhost:5173,,https://portal.example',
      }).corsOrigins,
    ).toEqual(['https://portal.example', 'http://localhost:5173']);
  });

  test('reads the cache max-age and the limits', () => {
    expect(
      loadHttpConfig({
        CACHE_MAX_AGE: '0',
        MAX_QUERY_COMPLEXITY: '50',
        MAX_QUERY_DEPTH: '4',
        MAX_QUERY_ALIASES: '2',
        MAX_QUERY_TOKENS: '100',
      }),
    ).toMatchObject({
      cacheMaxAge: 0,
      maxQueryComplexity: 50,
      maxQueryDepth: 4,
      maxQueryAliases: 2,
      maxQueryTokens: 100,
    });
  });

  test.each([
    ['CORS_ORIGINS', 'https://portal.example/', 'i.e. "https://portal.example"'],
    ['CORS_ORIGINS', 'portal.example', 'e.g. https://portal.example'],
    ['CORS_ORIGINS', 'http://LOCALHOST:5173', 'i.e. "http://localhost:5173"'],
    ['CORS_ORIGINS', '*', 'is not an origin'],
    ['PLAYGROUND', 'yes', 'must be true or false'],
    ['CACHE_MAX_AGE', '5m', 'must be a number of seconds'],
    ['CACHE_MAX_AGE', '-1', 'must be 0 (always revalidate) to 31536000 seconds'],
    ['MAX_QUERY_COMPLEXITY', '0', 'must be at least 1'],
    ['MAX_QUERY_COMPLEXITY', '1.5', 'must be a whole number'],
    ['MAX_QUERY_DEPTH', '0', 'must be at least 1'],
    ['MAX_QUERY_ALIASES', 'many', 'must be a number'],
    ['MAX_QUERY_TOKENS', '2.5', 'must be a whole number'],
  ])('names %s=%j and says what is wrong', (name, value, message) => {
    expect(() => loadHttpConfig({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}: `);
    expect(() => loadHttpConfig({ [name]: value })).toThrow(message);
  });

  test('lists every wrong variable at once', () => {
    expect(() => loadHttpConfig({ PLAYGROUND: 'on', CACHE_MAX_AGE: 'x' })).toThrow(
      /PLAYGROUND="on": must be true or false[\s\S]*CACHE_MAX_AGE="x"/,
    );
  });
});
