import { ManagedTransaction } from 'neo4j-driver';
import {
  GraphNode,
  KEY_PROPERTY,
  NODE_LABELS,
  NodeLabel,
  PropertyGraph,
  RELATIONSHIP_TYPES,
  RelationshipType,
} from '../graph/model';
import { plainProperties } from './properties';

const READ_NODES = `
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN [label IN labels(n) WHERE label IN $labels][0] AS label,
       properties(n) AS properties`;

const READ_RELATIONSHIPS = `
MATCH (a)-[r]->(b)
WHERE type(r) IN $types
  AND any(label IN labels(a) WHERE label IN $labels)
  AND any(label IN labels(b) WHERE label IN $labels)
RETURN type(r) AS type,
       [label IN labels(a) WHERE label IN $labels][0] AS fromLabel, coalesce(a.code, a.id) AS fromKey,
       [label IN labels(b) WHERE label IN $labels][0] AS toLabel, coalesce(b.code, b.id) AS toKey,
       properties(r) AS properties`;

interface RelationshipRow {
  type: RelationshipType;
  fromLabel: NodeLabel;
  fromKey: string;
  toLabel: NodeLabel;
  toKey: string;
  properties: Record<string, unknown>;
}

/** Properties as read, with dates back in the YYYY-MM-DD text the model writes. */
const comparable = (properties: Record<string, unknown>) =>
  plainProperties(properties) as GraphNode['properties'];

/**
 * The whole catalog graph as the model describes it (src/graph/model.ts), in two queries of one
 * transaction: what seeding diffs against, and what the API's in-memory projection is built from.
 */
export async function readGraph(tx: ManagedTransaction): Promise<PropertyGraph> {
  const params = { labels: [...NODE_LABELS], types: [...RELATIONSHIP_TYPES] };
  const nodes = (
    await tx.run<{ label: NodeLabel; properties: Record<string, unknown> }>(READ_NODES, params)
  ).records.map((record) => {
    const label = record.get('label');
    const properties = comparable(record.get('properties'));
    return { label, key: properties[KEY_PROPERTY[label]] as string, properties };
  });
  const relationships = (await tx.run<RelationshipRow>(READ_RELATIONSHIPS, params)).records.map(
    (record) => {
      const { position, ...properties } = comparable(record.get('properties'));
      return {
        type: record.get('type'),
        from: { label: record.get('fromLabel'), key: record.get('fromKey') },
        to: { label: record.get('toLabel'), key: record.get('toKey') },
        position: typeof position === 'number' ? position : 0, // 0 when edited away by hand
        properties,
      };
    },
  );
  return { nodes, relationships };
}
