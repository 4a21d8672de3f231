import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../api/pagination';

/**
 * A field with a `first` argument returns up to `first` items, so what is asked of each item
 * counts `first` times (the argument's default, or the API's default page size, when omitted).
 */
export const pagedFieldEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(first, 1) * childComplexity;
};

export const COMPLEXITY_ESTIMATORS: ComplexityEstimator[] = [
  fieldExtensionsEstimator(),
  pagedFieldEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/**
 * Refuses, before any resolver runs, an operation whose estimated cost is over `max`: every
 * field costs 1, multiplied by the page size of paged lists it sits in.
 */
export function queryComplexityPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables,
              operationName: request.operationName,
              estimators: COMPLEXITY_ESTIMATORS,
            });
          } catch {
            // Variables that don't fit the operation: execution refuses them before any
            // resolver runs, with a BAD_USER_INPUT error that names the variable.
            return;
          }
          if (complexity > max) {
            throw new GraphQLError(
              `Query complexity ${complexity} is over the limit of ${max}: ask for fewer fields or smaller pages (first).`,
              {
                extensions: {
                  code: 'QUERY_TOO_COMPLEX',
                  complexity,
                  maxComplexity: max,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
