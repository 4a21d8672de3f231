import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import {
  ComplexityEstimator,
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
} from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../api/pagination';
import { FIELD_WEIGHTS } from './field-costs';

const pageSizeOf = (args: Record<string, unknown>): number =>
  Math.max(typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE, 1);

/**
 * A field with a `first` argument returns up to `first` items, so what is asked of each item
 * counts `first` times (the argument's default, or the API's default page size, when omitted).
 */
export const pagedFieldEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  return 1 + pageSizeOf(args) * childComplexity;
};

/**
 * The fields that compute (plans, paths, unlocks, graphs, search) cost their measured weight
 * (field-costs.ts) instead of 1; a paged one's selection still counts once per item of the page.
 */
export const measuredFieldEstimator: ComplexityEstimator = ({
  type,
  field,
  args,
  childComplexity,
}) => {
  const measured = FIELD_WEIGHTS[`${type.name}.${field.name}`];
  if (!measured) return undefined;
  const paged = field.args.some((arg) => arg.name === 'first');
  return measured.weight + (paged ? pageSizeOf(args) : 1) * childComplexity;
};

export const COMPLEXITY_ESTIMATORS: ComplexityEstimator[] = [
  fieldExtensionsEstimator(),
  measuredFieldEstimator,
  pagedFieldEstimator,
  simpleEstimator({ defaultComplexity: 1 }),
];

/** How many variable sets to remember per parsed document; a portal sends few per query. */
const VARIABLE_SETS_PER_DOCUMENT = 16;

/**
 * The complexity of one operation with one set of variables, remembered per parsed document:
 * Apollo hands the same DocumentNode to every request with the same text (its document store),
 * so a repeated question costs a map lookup instead of a walk over the whole query.
 */
function memoizedComplexity() {
  const byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): number => {
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
    let known = byDocument.get(document);
    const remembered = known?.get(key);
    if (remembered !== undefined) return remembered;
    const complexity = getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: COMPLEXITY_ESTIMATORS,
    });
    if (!known) byDocument.set(document, (known = new Map<string, number>()));
    if (known.size >= VARIABLE_SETS_PER_DOCUMENT) known.clear();
    known.set(key, complexity);
    return complexity;
  };
}

/**
 * Refuses, before any resolver runs, an operation whose estimated cost is over `max`: every
 * field costs 1 or its measured weight (field-costs.ts), multiplied by the page size of paged
 * lists it sits in.
 */
export function queryComplexityPlugin(max: number): ApolloServerPlugin {
  const complexityOf = memoizedComplexity();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = complexityOf(schema, document, request.variables, request.operationName);
          } catch {
            // Variables that don't fit the operation: execution refuses them before any
            // resolver runs, with a BAD_USER_INPUT error that names the variable.
            return;
          }
          if (complexity > max) {
            throw new GraphQLError(
              `Query complexity ${complexity} is over the limit of ${max} (MAX_QUERY_COMPLEXITY): ask for fewer fields or smaller pages (first).`,
              {
                extensions: {
                  code: 'QUERY_TOO_COMPLEX',
                  limit: 'MAX_QUERY_COMPLEXITY',
                  max,
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
