/**
 * certgraph for embedding: mount the GraphQL API in a portal's own Express app.
 *
 *   const { database } = await openDatabase(loadConfig().neo4j);
 *   const certgraph = await createCertgraphServer(database, { corsOrigins: ['https://portal.example'] });
 *   portal.use('/certgraph/graphql', certgraph.router);
 *
 * See docs/embedding.md.
 */
import 'reflect-metadata';

export {
  createApp,
  createCertgraphServer,
  DEFAULT_OPTIONS,
  formatError,
  type CertgraphOptions,
  type CertgraphServer,
} from './app';
export {
  loadConfig,
  loadHttpConfig,
  DEFAULT_CACHE_MAX_AGE,
  DEFAULT_MAX_QUERY_COMPLEXITY,
  type Config,
  type HttpConfig,
  type Neo4jTarget,
} from './config';
export { type Context, createContext } from './api/context';
export { connect, type ConnectionTarget } from './db/connect';
export { Database } from './db/database';
export { openDatabase, type OpenDatabase } from './db/open-database';
export { applySchema } from './db/schema-setup';
export { ConfigError } from './errors';
export { Health } from './http/health';
export { createLogger, type Logger } from './http/logger';
export { PLAYGROUND_EXAMPLES, type PlaygroundExample } from './http/playground-examples';
export { COMPLEXITY_ESTIMATORS } from './http/query-complexity';
export { buildCertgraphSchema, printSortedSchema } from './schema/build-schema';
export { isCatalogEmpty, seedDatabase } from './seed/seed-database';
