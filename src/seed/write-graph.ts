import { isDeepStrictEqual } from 'node:util';
import { Date as Neo4jDate, int, ManagedTransaction } from 'neo4j-driver';
import { Database } from '../db/database';
import { readGraph } from '../db/read-graph';
import {
  DATE_PROPERTIES,
  GROUP_MODE_LABEL,
  GraphNode,
  GraphRelationship,
  KEY_PROPERTY,
  NodeLabel,
  PropertyGraph,
  nodeId,
  relationshipId,
} from '../graph/model';

export interface SeedReport {
  nodesCreated: number;
  nodesUpdated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  relationshipsDeleted: number;
}

export const isNoChange = (report: SeedReport): boolean =>
  Object.values(report).every((n) => n === 0);

/** A YYYY-MM-DD day as a Neo4j date, without passing through a time zone. */
function neo4jDate(day: string): Neo4jDate<number> {
  const [year, month, date] = day.split('-').map(Number);
  return new Neo4jDate(year, month, date);
}

/**
 * Dates become Neo4j dates. JavaScript numbers reach Neo4j as floats; whole numbers (positions,
 * hours) are stored as integers so that they read as `1`, not `1.0`, in Neo4j Browser and Cypher.
 */
function storable(properties: GraphNode['properties']): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      DATE_PROPERTIES.has(key) && typeof value === 'string'
        ? neo4jDate(value)
        : Number.isInteger(value)
          ? int(value as number)
          : value,
    ]),
  );
}

/** Groups rows by a key so that each group runs as one UNWIND statement. */
function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return groups;
}

const match = (variable: string, label: NodeLabel, param: string) =>
  `MATCH (${variable}:${label} {${KEY_PROPERTY[label]}: ${param}})`;

async function deleteRelationships(tx: ManagedTransaction, rels: GraphRelationship[]) {
  for (const group of groupBy(rels, (r) => `${r.type} ${r.from.label} ${r.to.label}`).values()) {
    const { type, from, to } = group[0];
    await tx.run(
      `UNWIND $rows AS row\n${match('a', from.label, 'row.from')}\n${match('b', to.label, 'row.to')}\n` +
        `MATCH (a)-[r:${type}]->(b)\nDELETE r`,
      { rows: group.map((r) => ({ from: r.from.key, to: r.to.key })) },
    );
  }
}

async function deleteNodes(tx: ManagedTransaction, nodes: GraphNode[]) {
  for (const group of groupBy(nodes, (n) => n.label).values()) {
    await tx.run(`UNWIND $keys AS key\n${match('n', group[0].label, 'key')}\nDETACH DELETE n`, {
      keys: group.map((n) => n.key),
    });
  }
}

async function upsertNodes(tx: ManagedTransaction, nodes: GraphNode[]) {
  for (const group of groupBy(nodes, (n) => n.label).values()) {
    const label = group[0].label;
    const key = KEY_PROPERTY[label];
    // `SET n = ...` replaces every property, so a field removed from the seeds goes too.
    let cypher = `UNWIND $rows AS row\nMERGE (n:${label} {${key}: row.key})\nSET n = row.properties`;
    if (label === 'RequirementGroup') {
      const { ALL_OF, ONE_OF } = GROUP_MODE_LABEL;
      cypher +=
        `\nREMOVE n:${ALL_OF}:${ONE_OF}` +
        `\nFOREACH (_ IN CASE WHEN row.properties.mode = 'ONE_OF' THEN [1] ELSE [] END | SET n:${ONE_OF})` +
        `\nFOREACH (_ IN CASE WHEN row.properties.mode = 'ALL_OF' THEN [1] ELSE [] END | SET n:${ALL_OF})`;
    }
    await tx.run(cypher, {
      rows: group.map((n) => ({ key: n.key, properties: storable(n.properties) })),
    });
  }
}

async function upsertRelationships(tx: ManagedTransaction, rels: GraphRelationship[]) {
  for (const group of groupBy(rels, (r) => `${r.type} ${r.from.label} ${r.to.label}`).values()) {
    const { type, from, to } = group[0];
    await tx.run(
      `UNWIND $rows AS row\n${match('a', from.label, 'row.from')}\n${match('b', to.label, 'row.to')}\n` +
        `MERGE (a)-[r:${type}]->(b)\nSET r = row.properties`,
      {
        rows: group.map((r) => ({
          from: r.from.key,
          to: r.to.key,
          properties: storable({ ...r.properties, position: r.position }),
        })),
      },
    );
  }
}

/**
 * Makes the catalog part of the database equal `desired`, in one transaction: it reads what is
 * there, then writes only the difference. So a second run with the same seeds writes nothing, an
 * item removed from the seeds is deleted, and a failure anywhere leaves the graph as it was.
 */
export async function writeGraph(database: Database, desired: PropertyGraph): Promise<SeedReport> {
  return database.write(async (tx) => {
    const report = await writeGraphIn(tx, desired);
    // Curators' expected versions go stale when seeding changes the catalog (src/curation/).
    if (!isNoChange(report)) await tx.run(BUMP_CATALOG_VERSION);
    return report;
  });
}

/** The catalog version curation keeps, when it keeps one (src/curation/catalog-version.ts). */
const BUMP_CATALOG_VERSION = `
MATCH (s:CatalogState {id: 'catalog'})
SET s.version = s.version + 1`;

/** writeGraph's diff and writes, inside a transaction someone else runs (curation's). */
export async function writeGraphIn(
  tx: ManagedTransaction,
  desired: PropertyGraph,
): Promise<SeedReport> {
  {
    const current = await readGraph(tx);
    const currentNodes = new Map(current.nodes.map((n) => [nodeId(n), n]));
    const desiredNodes = new Map(desired.nodes.map((n) => [nodeId(n), n]));
    const currentRels = new Map(current.relationships.map((r) => [relationshipId(r), r]));
    const desiredRels = new Map(desired.relationships.map((r) => [relationshipId(r), r]));

    const staleNodes = current.nodes.filter((n) => !desiredNodes.has(nodeId(n)));
    const newNodes = desired.nodes.filter((n) => !currentNodes.has(nodeId(n)));
    const changedNodes = desired.nodes.filter((n) => {
      const existing = currentNodes.get(nodeId(n));
      return existing !== undefined && !isDeepStrictEqual(existing.properties, n.properties);
    });
    const staleRels = current.relationships.filter((r) => !desiredRels.has(relationshipId(r)));
    const newRels = desired.relationships.filter((r) => !currentRels.has(relationshipId(r)));
    const changedRels = desired.relationships.filter((r) => {
      const existing = currentRels.get(relationshipId(r));
      return (
        existing !== undefined &&
        (existing.position !== r.position ||
          !isDeepStrictEqual(existing.properties, r.properties ?? {}))
      );
    });

    await deleteRelationships(tx, staleRels);
    await deleteNodes(tx, staleNodes);
    await upsertNodes(tx, [...newNodes, ...changedNodes]);
    await upsertRelationships(tx, [...newRels, ...changedRels]);

    return {
      nodesCreated: newNodes.length,
      nodesUpdated: changedNodes.length,
      nodesDeleted: staleNodes.length,
      relationshipsCreated: newRels.length,
      relationshipsUpdated: changedRels.length,
      relationshipsDeleted: staleRels.length,
    };
  }
}
