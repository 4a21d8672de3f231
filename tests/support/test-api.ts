import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import assert from 'node:assert';
import { formatError } from '../../src/app';
import { Context, createContext } from '../../src/api/context';
import { Database } from '../../src/db/database';
import { buildCertgraphSchema } from '../../src/schema/build-schema';
import { CatalogProjection } from '../../src/store/catalog-projection';

export interface GraphQLResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * The real schema and resolvers over the real database, without HTTP: each call is one request,
 * exactly as the server builds it. The catalog is checked for changes before every request, so
 * a test may write to Neo4j between two calls.
 */
export async function createTestApi(database: Database) {
  const apollo = new ApolloServer<Context>({ schema: await buildCertgraphSchema(), formatError });
  await apollo.start();
  const catalog = await CatalogProjection.load(database, { refreshMs: 0 });

  async function execute<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ) {
    const response = await apollo.executeOperation<T>(
      { query, variables },
      { contextValue: createContext(await catalog.read()) },
    );
    assert(response.body.kind === 'single');
    return response.body.singleResult as GraphQLResult<T>;
  }

  return {
    execute,
    /** Runs a query that must succeed and returns its data. */
    async query<T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<T> {
      const result = await execute<T>(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    stop: async () => {
      catalog.stop();
      await apollo.stop();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;
