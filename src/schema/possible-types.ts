import { GraphQLSchema, isAbstractType } from 'graphql';

/**
 * For each interface and union, the object types that can stand for it: what a normalizing
 * client needs to match fragments on abstract types (Apollo Client's `possibleTypes`). Sorted,
 * so the committed schema/possible-types.json diffs cleanly.
 */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || type.name.startsWith('__')) continue;
    result[type.name] = schema
      .getPossibleTypes(type)
      .map((possible) => possible.name)
      .sort();
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}
