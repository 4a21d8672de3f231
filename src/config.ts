import { z } from 'zod';
import { ConfigError } from './errors';

/** Where the catalog lives: a Neo4j the product starts itself, or one named by NEO4J_URI. */
export type Neo4jTarget =
  | { kind: 'local'; boltPort: number; httpPort: number; dataDir: string }
  | {
      kind: 'remote';
      uri: string;
      /** Both or neither: without them the driver connects to a Neo4j with authentication off. */
      username?: string;
      password?: string;
      database?: string;
    };

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jTarget;
  /** How often (ms) to look in Neo4j for catalog changes made by others; 0: before every request. */
  catalogRefreshMs: number;
  /** How long (ms) a start waits for Neo4j to answer or be able to start; 0: one try. */
  neo4jStartupWaitMs: number;
  /** The least severe log lines written (pino's levels; `silent` writes none). */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (any free port) to 65535')
    .max(65535, 'must be 0 (any free port) to 65535')
    .default(fallback);

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(4000),
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s/]+/,
      'must be a neo4j:// or bolt:// URI (optionally +s or +ssc), e.g. neo4j://localhost:7687',
    )
    .optional(),
  NEO4J_USERNAME: z.string().min(1).optional(),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a database name')
    .optional(),
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_HTTP_PORT: port(7474),
  NEO4J_DATA_DIR: z.string().min(1).default('.neo4j'),
  CATALOG_REFRESH_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 (check before every request) or more')
    .default(1000),
  NEO4J_STARTUP_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(0, 'must be 0 (one try) or more')
    .default(60_000),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

/** Validates the environment; the error lists every wrong variable with its value. */
function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  // Empty strings (e.g. `NEO4J_URI=` in a .env file) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** Reads and validates the environment; the error lists every wrong variable with its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env);
  if (!e.NEO4J_URI) {
    return {
      host: e.HOST,
      port: e.PORT,
      catalogRefreshMs: e.CATALOG_REFRESH_MS,
      neo4jStartupWaitMs: e.NEO4J_STARTUP_TIMEOUT_MS,
      logLevel: e.LOG_LEVEL,
      neo4j: {
        kind: 'local',
        boltPort: e.NEO4J_BOLT_PORT,
        httpPort: e.NEO4J_HTTP_PORT,
        dataDir: e.NEO4J_DATA_DIR,
      },
    };
  }
  // Both credentials, or neither for a Neo4j with authentication off; one alone is a slip.
  const given = (['NEO4J_USERNAME', 'NEO4J_PASSWORD'] as const).filter((name) => e[name]);
  if (given.length === 1) {
    const [set] = given;
    const other = set === 'NEO4J_USERNAME' ? 'NEO4J_PASSWORD' : 'NEO4J_USERNAME';
    throw new ConfigError(
      `Invalid configuration:\n  ${set} is set, so ${other} must be set too (leave both unset for a Neo4j without authentication).`,
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    catalogRefreshMs: e.CATALOG_REFRESH_MS,
    neo4jStartupWaitMs: e.NEO4J_STARTUP_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    neo4j: {
      kind: 'remote',
      uri: e.NEO4J_URI,
      ...(e.NEO4J_USERNAME && { username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD }),
      database: e.NEO4J_DATABASE,
    },
  };
}

/** How the API meets browsers and caches: read apart from loadConfig, for embedders too. */
export interface HttpConfig {
  /** Origins (scheme://host[:port]) whose pages may call the API from the browser. */
  corsOrigins: string[];
  /** Serve the bundled GraphiQL IDE at / and to browsers opening the endpoint. */
  playground: boolean;
  /** Seconds a browser or CDN may reuse the answer to a GET query. */
  cacheMaxAge: number;
  /** Operations whose estimated cost exceeds this are refused before they run. */
  maxQueryComplexity: number;
  /** Selections nested deeper than this, more aliases, more tokens: refused (docs/limits.md). */
  maxQueryDepth: number;
  maxQueryAliases: number;
  maxQueryTokens: number;
  /** A request body (JSON) larger than this many bytes is refused with 413 (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Answer `__schema`/`__type` queries; the playground needs it for its docs and completion. */
  introspection: boolean;
  /** "Did you mean …?" in validation errors, which name fields and types of the schema. */
  fieldSuggestions: boolean;
}

export const DEFAULT_CACHE_MAX_AGE = 300;
export const DEFAULT_MAX_QUERY_COMPLEXITY = 2000;
export const DEFAULT_MAX_QUERY_DEPTH = 12;
export const DEFAULT_MAX_QUERY_ALIASES = 30;
export const DEFAULT_MAX_QUERY_TOKENS = 3000;
/** 100 kB: the longest playground example is under 1 kB, a page's 30-alias query a few kB. */
export const DEFAULT_MAX_BODY_BYTES = 102_400;
/** Introspection and field suggestions: on, except with NODE_ENV=production. */
export const schemaDetailsShownByDefault = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.NODE_ENV !== 'production';

const atLeastOne = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(fallback);

const ONE_YEAR = 31_536_000;

/** A comma-separated list of exact origins, each as a browser sends it in the Origin header. */
const originList = z.string().transform((value, ctx) => {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    let canonical: string | undefined;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') canonical = url.origin;
    } catch {
      // reported below
    }
    if (canonical !== origin) {
      ctx.addIssue({
        code: 'custom',
        message:
          `"${origin}" is not an origin: write scheme://host[:port] with no path or trailing slash` +
          (canonical ? `, i.e. "${canonical}"` : ', e.g. https://portal.example'),
      });
    }
  }
  return [...new Set(origins)];
});

const booleanFlag = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true');

const httpEnvSchema = z.object({
  CORS_ORIGINS: originList.default([]),
  PLAYGROUND: booleanFlag.optional(),
  NODE_ENV: z.string().optional(),
  CACHE_MAX_AGE: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(0, `must be 0 (always revalidate) to ${ONE_YEAR} seconds`)
    .max(ONE_YEAR, `must be 0 (always revalidate) to ${ONE_YEAR} seconds`)
    .default(DEFAULT_CACHE_MAX_AGE),
  MAX_QUERY_COMPLEXITY: atLeastOne(DEFAULT_MAX_QUERY_COMPLEXITY),
  MAX_QUERY_DEPTH: atLeastOne(DEFAULT_MAX_QUERY_DEPTH),
  MAX_QUERY_ALIASES: atLeastOne(DEFAULT_MAX_QUERY_ALIASES),
  MAX_QUERY_TOKENS: atLeastOne(DEFAULT_MAX_QUERY_TOKENS),
  MAX_BODY_BYTES: z.coerce
    .number({ error: 'must be a number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .default(DEFAULT_MAX_BODY_BYTES),
  INTROSPECTION: booleanFlag.optional(),
  FIELD_SUGGESTIONS: booleanFlag.optional(),
});

/**
 * CORS_ORIGINS, PLAYGROUND, INTROSPECTION, FIELD_SUGGESTIONS (each on unless NODE_ENV=production),
 * CACHE_MAX_AGE, MAX_QUERY_*, MAX_BODY_BYTES.
 */
export function loadHttpConfig(env: NodeJS.ProcessEnv = process.env): HttpConfig {
  const e = parseEnv(httpEnvSchema, env);
  return {
    corsOrigins: e.CORS_ORIGINS,
    playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
    cacheMaxAge: e.CACHE_MAX_AGE,
    maxQueryComplexity: e.MAX_QUERY_COMPLEXITY,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    maxQueryAliases: e.MAX_QUERY_ALIASES,
    maxQueryTokens: e.MAX_QUERY_TOKENS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    introspection: e.INTROSPECTION ?? schemaDetailsShownByDefault(env),
    fieldSuggestions: e.FIELD_SUGGESTIONS ?? schemaDetailsShownByDefault(env),
  };
}

/** Who may curate the catalog through the API (docs/curation.md); all unset: nobody. */
export interface CuratorConfig {
  /** A shared bearer token that makes its holder a curator. */
  token?: string;
  /** JWTs signed with this HMAC secret (HS256/384/512)… */
  jwtSecret?: string;
  /** …or by a key of this JWKS (RS*, ES*, EdDSA). */
  jwksUrl?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  /** The role (in `roles`/`role`) or scope (in `scope`/`scp`) that makes a JWT a curator's. */
  curatorRole: string;
}

export const DEFAULT_CURATOR_ROLE = 'curator';

const curatorEnvSchema = z.object({
  CURATOR_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (a guessable token is no lock)')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (256 bits for HS256)').optional(),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_CURATOR_ROLE: z.string().min(1).default(DEFAULT_CURATOR_ROLE),
});

/** CURATOR_TOKEN, JWT_SECRET or JWT_JWKS_URL (not both), JWT_ISSUER, JWT_AUDIENCE, JWT_CURATOR_ROLE. */
export function loadCuratorConfig(env: NodeJS.ProcessEnv = process.env): CuratorConfig {
  const e = parseEnv(curatorEnvSchema, env);
  if (e.JWT_SECRET && e.JWT_JWKS_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET and JWT_JWKS_URL are both set; JWTs are verified against one of them.',
    );
  }
  return {
    token: e.CURATOR_TOKEN,
    jwtSecret: e.JWT_SECRET,
    jwksUrl: e.JWT_JWKS_URL,
    jwtIssuer: e.JWT_ISSUER,
    jwtAudience: e.JWT_AUDIENCE,
    curatorRole: e.JWT_CURATOR_ROLE,
  };
}
