import { loadConfig } from './config';

describe('loadConfig', () => {
  test('defaults to a local Neo4j on the standard ports', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 4000,
      catalogRefreshMs: 1000,
      neo4jStartupWaitMs: 60_000,
      logLevel: 'info',
      neo4j: { kind: 'local', boltPort: 7687, httpPort: 7474, dataDir: '.neo4j' },
    });
  });

  test('reads LOG_LEVEL, one of pino’s levels or silent', () => {
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  test('uses NEO4J_URI, with credentials, instead of starting Neo4j', () => {
    expect(
      loadConfig({
        NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
        NEO4J_USERNAME: 'neo4j',
        NEO4J_PASSWORD: 'pw',
        NEO4J_DATABASE: 'catalog',
      }).neo4j,
    ).toEqual({
      kind: 'remote',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      username: 'neo4j',
      password: 'pw',
      database: 'catalog',
    });
  });

  test('names every wrong variable and its value', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', NEO4J_BOLT_PORT: '70000', NEO4J_URI: 'http://x' }),
    ).toThrow(
      /PORT="eighty": must be a number[\s\S]*NEO4J_URI="http:\/\/x": must be a neo4j:\/\/ or bolt:\/\/ URI[\s\S]*NEO4J_BOLT_PORT="70000": must be 0/,
    );
  });

  test('connects without credentials to a Neo4j with authentication off', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://db:7687' }).neo4j).toEqual({
      kind: 'remote',
      uri: 'bolt://db:7687',
    });
  });

  test('refuses one credential without the other, naming both', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_USERNAME: 'neo4j' })).toThrow(
      'NEO4J_USERNAME is set, so NEO4J_PASSWORD must be set too (leave both unset for a Neo4j without authentication).',
    );
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'pw' })).toThrow(
      'NEO4J_PASSWORD is set, so NEO4J_USERNAME must be set too',
    );
  });

  test('NEO4J_STARTUP_TIMEOUT_MS bounds the wait for Neo4j at start; 0 is one try', () => {
    expect(loadConfig({ NEO4J_STARTUP_TIMEOUT_MS: '0' }).neo4jStartupWaitMs).toBe(0);
    expect(() => loadConfig({ NEO4J_STARTUP_TIMEOUT_MS: '-1' })).toThrow(
      'NEO4J_STARTUP_TIMEOUT_MS="-1": must be 0 (one try) or more',
    );
  });

  test('treats empty values as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.kind).toBe('local');
  });
});
