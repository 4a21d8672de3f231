import { GraphQLError, OperationTypeNode, ValidationRule } from 'graphql';

/**
 * Refuses a mutation or subscription when the schema has none, as a validation error (400,
 * GRAPHQL_VALIDATION_FAILED). graphql 16 only notices while executing, and its error came out as
 * INTERNAL_SERVER_ERROR; graphql 17 has this rule built in (KnownOperationTypesRule).
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === OperationTypeNode.QUERY
        ? schema.getQueryType()
        : node.operation === OperationTypeNode.MUTATION
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations: it answers queries only.`, {
          nodes: node,
        }),
      );
    }
  },
});
