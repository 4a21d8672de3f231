import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { unwrapResolverError } from '@apollo/server/errors';
import express, { RequestHandler, Router } from 'express';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import {
  DEFAULT_CACHE_MAX_AGE,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_QUERY_ALIASES,
  DEFAULT_MAX_QUERY_COMPLEXITY,
  DEFAULT_MAX_QUERY_DEPTH,
  DEFAULT_MAX_QUERY_TOKENS,
  CuratorConfig,
  HttpConfig,
  schemaDetailsShownByDefault,
} from './config';
import { CuratorAuth } from './curation/auth';
import { Context, createContext } from './api/context';
import { Database } from './db/database';
import { corsAllowlist } from './http/cors';
import { Health } from './http/health';
import { learnerCalendarRouter } from './http/learner-calendar';
import { cacheDefaults, httpCachePlugin } from './http/http-cache';
import { jsonBodiesOnly, jsonClientErrors, jsonErrors, unknownPath } from './http/json-errors';
import { knownOperationTypesRule } from './http/known-operation-types';
import { defaultLogger, Logger, requestLog, requestLogging } from './http/logger';
import {
  assertPlaygroundBuilt,
  DEFAULT_PLAYGROUND_ASSETS_DIR,
  PLAYGROUND_ASSETS_PATH,
  playgroundAssets,
  playgroundPage,
  wantsPlayground,
} from './http/playground';
import { PLAYGROUND_EXAMPLES } from './http/playground-examples';
import { operationLimitOptions, tokenLimitPlugin } from './http/operation-limits';
import { queryComplexityPlugin } from './http/query-complexity';
import { securityHeaders } from './http/security-headers';
import { sourceDocuments } from './http/source-documents';
import { buildCertgraphSchema } from './schema/build-schema';
import { CatalogProjection, DEFAULT_REFRESH_MS } from './store/catalog-projection';

/** Codes that explain themselves to a client; anything else is an unexpected failure. */
const CLIENT_FACING_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DATABASE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  // Curation (src/curation/): who may write, and a stale expectedVersion.
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
]);

/** Refusals of a bad request that Apollo or graphql make without a code of their own. */
const UNCODED_CLIENT_ERRORS = new Map([
  ['provided sha does not match query', 'BAD_REQUEST'],
  // graphql stops after 50 bad variable values (e.g. 60 nulls in `holding`) with this one.
  [
    'Too many errors processing variables, error limit reached. Execution aborted.',
    'BAD_USER_INPUT',
  ],
  [
    'Too many validation errors, error limit reached. Validation aborted.',
    'GRAPHQL_VALIDATION_FAILED',
  ],
]);

/**
 * An error Apollo raised for a bad request with an HTTP status of 4xx but no code of its own
 * (e.g. an unsupported persisted-query version): the client's mistake, not the server's.
 */
const isApolloRequestError = (error: unknown): boolean => {
  const original = unwrapResolverError(error);
  const http = original instanceof GraphQLError ? original.extensions.http : undefined;
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
};

/**
 * Hides unexpected errors' details (Cypher, stack traces, driver text) from clients and logs
 * them, with the request's id, to the request's logger (src/http/logger.ts).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (CLIENT_FACING_CODES.has(String(formatted.extensions?.code))) return formatted;
  const code = UNCODED_CLIENT_ERRORS.get(formatted.message);
  if (code !== undefined || isApolloRequestError(error)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: code ?? 'BAD_REQUEST' } };
  }
  requestLog().error({ err: unwrapResolverError(error), path: formatted.path }, 'Unexpected error');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** How the API meets browsers; anything left out takes the default below. */
export interface CertgraphOptions extends Partial<HttpConfig> {
  /** Drained when Apollo stops, so requests under way finish first. */
  httpServer?: Server;
  /** Where the bundled playground lives; `npm run build` puts it in dist/playground. */
  playgroundAssetsDir?: string;
  /**
   * How often, in milliseconds, to check Neo4j for catalog changes made elsewhere; 0 checks
   * before every request (default: DEFAULT_REFRESH_MS). See src/store/catalog-projection.ts.
   */
  catalogRefreshMs?: number;
  /**
   * Where request lines and unexpected errors go (pino); default: stdout at LOG_LEVEL (info).
   * `createLogger('silent')` from src/http/logger.ts writes nothing.
   */
  logger?: Logger;
  /** Who may curate through mutations (docs/curation.md); default: nobody. */
  curators?: CuratorConfig;
}

/** Embedders opt in to CORS and the playground; the standalone app reads them from the env. */
export const DEFAULT_OPTIONS: HttpConfig = {
  corsOrigins: [],
  playground: false,
  cacheMaxAge: DEFAULT_CACHE_MAX_AGE,
  maxQueryComplexity: DEFAULT_MAX_QUERY_COMPLEXITY,
  maxQueryDepth: DEFAULT_MAX_QUERY_DEPTH,
  maxQueryAliases: DEFAULT_MAX_QUERY_ALIASES,
  maxQueryTokens: DEFAULT_MAX_QUERY_TOKENS,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  introspection: schemaDetailsShownByDefault(),
  fieldSuggestions: schemaDetailsShownByDefault(),
};

export interface CertgraphServer {
  apollo: ApolloServer<Context>;
  /** The in-memory catalog the API answers from; `reload()` it after writing to Neo4j. */
  catalog: CatalogProjection;
  /**
   * Serves GraphQL over POST and GET at the path it is mounted on, with CORS and cache headers;
   * with the playground on, also the IDE to browsers that open that path.
   */
  router: Router;
  /** With the playground on: the IDE page for an API mounted at `endpoint`, to serve elsewhere. */
  playground?: (endpoint: string) => RequestHandler;
  logger: Logger;
}

/** The GraphQL API as an Express router, for an app of its own or a portal's existing one. */
export async function createCertgraphServer(
  database: Database,
  options: CertgraphOptions = {},
): Promise<CertgraphServer> {
  const {
    httpServer,
    playgroundAssetsDir = DEFAULT_PLAYGROUND_ASSETS_DIR,
    catalogRefreshMs = DEFAULT_REFRESH_MS,
    logger = defaultLogger(),
    curators,
    ...given
  } = options;
  const http: HttpConfig = { ...DEFAULT_OPTIONS, ...definedOnly(given) };
  if (http.playground) assertPlaygroundBuilt(playgroundAssetsDir);

  const schema = await buildCertgraphSchema();
  const auth = new CuratorAuth(curators);
  const catalog = await CatalogProjection.load(database, {
    refreshMs: catalogRefreshMs,
    log: (line) => console.error(`[catalog] ${line}`),
  });
  const limits = operationLimitOptions(http);
  const apollo = new ApolloServer<Context>({
    schema,
    // Both on unless NODE_ENV=production (INTROSPECTION, FIELD_SUGGESTIONS; docs/operations.md).
    introspection: http.introspection,
    hideSchemaDetailsFromClientErrors: !http.fieldSuggestions,
    formatError,
    // Clients get messages and codes; stack traces stay on the server, whatever NODE_ENV says.
    includeStacktraceInErrorResponses: false,
    // Depth, alias and token limits; bounded document and persisted-query caches (docs/limits.md).
    ...limits,
    validationRules: [...limits.validationRules, knownOperationTypesRule],
    // The process owns SIGTERM/SIGINT and stops in order (src/http/shutdown.ts, docs/operations.md).
    stopOnTerminationSignals: false,
    plugins: [
      ...(httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : []),
      // Apollo's landing pages load from a CDN; ours is bundled (src/http/playground.ts).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      httpCachePlugin(http.cacheMaxAge),
      queryComplexityPlugin(http.maxQueryComplexity),
      tokenLimitPlugin(http),
      {
        async serverWillStart() {
          return { serverWillStop: async () => catalog.stop() };
        },
      },
    ],
  });
  await apollo.start();

  const router = Router();
  // A request id and a log line per request, security headers (src/http/security-headers.ts).
  router.use(requestLogging(logger), securityHeaders());
  // Also with no origins listed: a preflight from any origin then gets a plain CORS refusal (no
  // Allow-* headers) instead of reaching Apollo and its CSRF error.
  router.use(corsAllowlist(http.corsOrigins));
  let playground: CertgraphServer['playground'];
  if (http.playground) {
    const examples = PLAYGROUND_EXAMPLES;
    playground = (endpoint) =>
      playgroundPage(examples, () => ({
        endpoint,
        assetsPath: `${endpoint.replace(/\/$/, '')}${PLAYGROUND_ASSETS_PATH}`,
      }));
    const page = playgroundPage(examples, (req) => ({
      endpoint: req.baseUrl || '/',
      assetsPath: `${req.baseUrl}${PLAYGROUND_ASSETS_PATH}`,
    }));
    router.use(PLAYGROUND_ASSETS_PATH, playgroundAssets(playgroundAssetsDir));
    router.get('/', (req, res, next) => (wantsPlayground(req) ? page(req, res, next) : next()));
  }
  router.use(sourceDocuments());
  router.use(
    cacheDefaults,
    jsonBodiesOnly,
    express.json({ limit: http.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(await catalog.read(), {
          auth,
          database,
          projection: catalog,
          authorization: req.headers.authorization,
        }),
    }),
  );
  // Body-parser and static-file errors as GraphQL error bodies (src/http/json-errors.ts).
  router.use(jsonErrors({ maxBodyBytes: http.maxBodyBytes, logger }));
  return { apollo, catalog, router, playground, logger };
}

/** The standalone app: the API at /graphql and, with the playground on, the IDE at /. */
export async function createApp(database: Database, options: CertgraphOptions = {}) {
  const server = await createCertgraphServer(database, options);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(server.logger), securityHeaders());
  // Node's HTTP parser refusals (headers too large, not HTTP) as JSON too.
  if (options.httpServer) jsonClientErrors(options.httpServer);
  // Only answers that may be cached carry an ETag, and it is ours (src/http/http-cache.ts).
  app.set('etag', false);
  if (server.playground) app.get('/', server.playground('/graphql'));
  const health = new Health(database.availability);
  app.use('/health', health.router);
  app.use(
    '/learner',
    learnerCalendarRouter(() => server.catalog.read()),
  );
  app.use('/graphql', server.router);
  app.use(unknownPath('/graphql'));
  app.use(
    jsonErrors({
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      logger: server.logger,
    }),
  );
  return { app, apollo: server.apollo, catalog: server.catalog, health };
}

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
