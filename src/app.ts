import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { RequestHandler, Router } from 'express';
import { GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import {
  DEFAULT_CACHE_MAX_AGE,
  DEFAULT_MAX_QUERY_ALIASES,
  DEFAULT_MAX_QUERY_COMPLEXITY,
  DEFAULT_MAX_QUERY_DEPTH,
  DEFAULT_MAX_QUERY_TOKENS,
  CuratorConfig,
  HttpConfig,
} from './config';
import { CuratorAuth } from './curation/auth';
import { Context, createContext } from './api/context';
import { Database } from './db/database';
import { corsAllowlist } from './http/cors';
import { Health } from './http/health';
import { cacheDefaults, httpCachePlugin } from './http/http-cache';
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

/** Apollo's own refusals of a bad request that come without a code of their own. */
const APOLLO_UNCODED_CLIENT_ERRORS = new Set(['provided sha does not match query']);

/** Logs unexpected errors and hides their details (Cypher, stack traces) from clients. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (CLIENT_FACING_CODES.has(String(formatted.extensions?.code))) return formatted;
  if (APOLLO_UNCODED_CLIENT_ERRORS.has(formatted.message)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  }
  console.error('Unexpected error while resolving', formatted.path ?? '', error);
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
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    formatError,
    // Clients get messages and codes; stack traces stay on the server, whatever NODE_ENV says.
    includeStacktraceInErrorResponses: false,
    // Depth, alias and token limits; bounded document and persisted-query caches (docs/limits.md).
    ...operationLimitOptions(http),
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
    express.json({ limit: '100kb' }),
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
  return { apollo, catalog, router, playground };
}

/** The standalone app: the API at /graphql and, with the playground on, the IDE at /. */
export async function createApp(database: Database, options: CertgraphOptions = {}) {
  const server = await createCertgraphServer(database, options);
  const app = express();
  app.disable('x-powered-by');
  // Only answers that may be cached carry an ETag, and it is ours (src/http/http-cache.ts).
  app.set('etag', false);
  if (server.playground) app.get('/', server.playground('/graphql'));
  const health = new Health(database.availability);
  app.use('/health', health.router);
  app.use('/graphql', server.router);
  return { app, apollo: server.apollo, catalog: server.catalog, health };
}

const definedOnly = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
