import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router } from 'express';
import { GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import { Context, createContext } from './context';
import { Database } from './db/database';
import { buildCertgraphSchema } from './schema/build-schema';

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
]);

/** Logs unexpected errors and hides their details (Cypher, stack traces) from clients. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (CLIENT_FACING_CODES.has(String(formatted.extensions?.code))) return formatted;
  console.error('Unexpected error while resolving', formatted.path ?? '', error);
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export interface CertgraphServer {
  apollo: ApolloServer<Context>;
  /** Serves POST and GET GraphQL requests; mount it wherever the host app wants the endpoint. */
  router: Router;
}

/** The GraphQL API as an Express router, for an app of its own or a portal's existing one. */
export async function createCertgraphServer(
  database: Database,
  httpServer?: Server,
): Promise<CertgraphServer> {
  const apollo = new ApolloServer<Context>({
    schema: await buildCertgraphSchema(),
    introspection: true,
    formatError,
    plugins: httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer })] : [],
  });
  await apollo.start();
  const router = Router();
  router.use(
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(database) }),
  );
  return { apollo, router };
}

/** A standalone Express app serving the API at /graphql; `listen` is left to the caller. */
export async function createApp(database: Database, httpServer?: Server) {
  const server = await createCertgraphServer(database, httpServer);
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', server.router);
  return { app, apollo: server.apollo };
}
