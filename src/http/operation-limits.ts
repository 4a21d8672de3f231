import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import {
  DEFAULT_MAX_QUERY_ALIASES,
  DEFAULT_MAX_QUERY_DEPTH,
  DEFAULT_MAX_QUERY_TOKENS,
  HttpConfig,
} from '../config';
import { boundedDocumentStore, boundedQueryCache } from './bounded-caches';

/**
 * Limits on the shape of an operation, checked before anything runs (docs/limits.md): how deep
 * its selections nest, how many aliases it has, and how many tokens its text has. With the
 * complexity limit (query-complexity.ts) they bound the work one request can ask for.
 */
export interface OperationLimits {
  /** Selections nested deeper than this are refused (MAX_QUERY_DEPTH). */
  maxDepth: number;
  /** More aliases than this in one operation are refused (MAX_QUERY_ALIASES). */
  maxAliases: number;
  /** A query text of more lexical tokens than this is refused unparsed (MAX_QUERY_TOKENS). */
  maxTokens: number;
}

/**
 * The deepest playground example asks 7 levels, the longest has 137 tokens (a test holds every
 * example to these defaults); 12 levels, 30 aliases (a page asking 30 certifications at once)
 * and 3000 tokens leave room for a portal's own operations.
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: DEFAULT_MAX_QUERY_DEPTH,
  maxAliases: DEFAULT_MAX_QUERY_ALIASES,
  maxTokens: DEFAULT_MAX_QUERY_TOKENS,
};

export const operationLimitsOf = (http: HttpConfig): OperationLimits => ({
  maxDepth: http.maxQueryDepth,
  maxAliases: http.maxQueryAliases,
  maxTokens: http.maxQueryTokens,
});

/**
 * What ApolloServer takes to enforce the limits and keep its caches bounded
 * (bounded-caches.ts): spread into its options, beside the schema.
 */
export function operationLimitOptions(http: HttpConfig) {
  const limits = operationLimitsOf(http);
  return {
    validationRules: operationLimitRules(limits),
    parseOptions: parseOptionsFor(limits),
    documentStore: boundedDocumentStore(),
    cache: boundedQueryCache(),
  };
}

/** The refusal a client gets: which limit, its value, and what the operation had. */
function limitError(
  what: string,
  variable: string,
  max: number,
  found: number | undefined,
  code: string,
): GraphQLError {
  return new GraphQLError(
    `${what}${found === undefined ? '' : ` ${found}`} is over the limit of ${max} (${variable}).`,
    {
      extensions: {
        code,
        limit: variable,
        max,
        ...(found === undefined ? {} : { found }),
        http: { status: 400 },
      },
    },
  );
}

const foundIn = (message: string): number | undefined => {
  const found = /found (\d+)/.exec(message)?.[1];
  return found === undefined ? undefined : Number(found);
};

/** graphql-armor's depth and alias rules, reporting our error instead of throwing theirs. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const report =
    (what: string, variable: string, max: number) =>
    (context: ValidationContext | null, error: Error) =>
      context?.reportError(
        limitError(what, variable, max, foundIn(error.message), 'GRAPHQL_VALIDATION_FAILED'),
      );
  return [
    maxDepthRule({
      n: limits.maxDepth,
      // `... on Exam { code }` reads fields of the same object: no level of its own.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [report('Query depth', 'MAX_QUERY_DEPTH', limits.maxDepth)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('Aliases', 'MAX_QUERY_ALIASES', limits.maxAliases)],
    }),
  ];
}

/** graphql's parser stops after this many tokens (the option graphql-armor's max-tokens sets). */
export const parseOptionsFor = (limits: OperationLimits) => ({ maxTokens: limits.maxTokens });

const TOKENS_REFUSED = /^Syntax Error: Document contains more that (\d+) tokens/;

/**
 * graphql's parser refuses a text of too many tokens with a syntax error of its own words; the
 * client gets one that names the limit like the others (still GRAPHQL_PARSE_FAILED: it was not
 * parsed).
 */
export function tokenLimitPlugin(http: HttpConfig): ApolloServerPlugin {
  const limits = operationLimitsOf(http);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!errors?.some((error) => TOKENS_REFUSED.test(error.message))) return;
          response.body.singleResult.errors = errors.map((error) => {
            if (!TOKENS_REFUSED.test(error.message)) return error;
            return {
              message: `The query text has more than ${limits.maxTokens} tokens, the limit (MAX_QUERY_TOKENS).`,
              locations: error.locations,
              extensions: {
                code: 'GRAPHQL_PARSE_FAILED',
                limit: 'MAX_QUERY_TOKENS',
                max: limits.maxTokens,
              },
            };
          });
        },
      };
    },
  };
}
