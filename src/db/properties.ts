import { isDate } from 'neo4j-driver';

/**
 * Node or relationship properties as certgraph uses them: Neo4j `date` values become the
 * YYYY-MM-DD text the seeds and the API speak. (Integers already arrive as numbers: the driver
 * runs with disableLosslessIntegers.)
 */
export function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      isDate(value) ? value.toString() : value,
    ]),
  );
}
