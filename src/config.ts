import { z } from 'zod';
import { ConfigError } from './errors';

/** Where the catalog lives: a Neo4j the product starts itself, or one named by NEO4J_URI. */
export type Neo4jTarget =
  | { kind: 'local'; boltPort: number; httpPort: number; dataDir: string }
  | { kind: 'remote'; uri: string; username: string; password: string; database?: string };

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jTarget;
}

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
  NEO4J_DATA_DIR: z.string().min(1).default('.neo4j/data'),
});

/** Reads and validates the environment; the error lists every wrong variable with its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (e.g. `NEO4J_URI=` in a .env file) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (!e.NEO4J_URI) {
    return {
      host: e.HOST,
      port: e.PORT,
      neo4j: {
        kind: 'local',
        boltPort: e.NEO4J_BOLT_PORT,
        httpPort: e.NEO4J_HTTP_PORT,
        dataDir: e.NEO4J_DATA_DIR,
      },
    };
  }
  const missing = (['NEO4J_USERNAME', 'NEO4J_PASSWORD'] as const).filter((name) => !e[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  NEO4J_URI is set, so ${missing.join(' and ')} must be set too.`,
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    neo4j: {
      kind: 'remote',
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME!,
      password: e.NEO4J_PASSWORD!,
      database: e.NEO4J_DATABASE,
    },
  };
}
