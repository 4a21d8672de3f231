import { RequirementMode } from '../domain/vocabulary';

/**
 * The property graph in Neo4j (docs/graph-model.md draws it). Labels and relationship types are
 * a closed set, so Cypher may be templated from them; user input only ever goes in parameters.
 */
export const NODE_LABELS = [
  'Certification',
  'Exam',
  'Course',
  'RequirementGroup',
  'ValidityPolicy',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'REQUIRES',
  'ONE_OF',
  'PREPARES_FOR',
  'REPLACED_BY',
  'SUCCEEDED_BY',
  'GOVERNS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Catalog items are keyed by `code`; requirement groups and validity policies by `id`. */
export const KEY_PROPERTY: Record<NodeLabel, 'code' | 'id'> = {
  Certification: 'code',
  Exam: 'code',
  Course: 'code',
  RequirementGroup: 'id',
  ValidityPolicy: 'id',
};

/** Extra label that makes a group's mode visible at a glance in Neo4j Browser. */
export const GROUP_MODE_LABEL = { ALL_OF: 'AllOf', ONE_OF: 'OneOf' } as const satisfies Record<
  RequirementMode,
  string
>;

export type PropertyValue = string | number | boolean | string[];

/**
 * Properties that hold calendar days. The seeds and this model write them as YYYY-MM-DD text;
 * Neo4j stores them as `date` values, so that Cypher compares them and Browser shows dates.
 */
export const DATE_PROPERTIES: ReadonlySet<string> = new Set([
  'validFrom',
  'validUntil',
  'availableFrom',
  'knownSince',
  'betaUntil',
  'retirementAnnouncedOn',
  'retiredOn',
]);

export interface NodeRef {
  label: NodeLabel;
  key: string;
}

export interface GraphNode extends NodeRef {
  properties: Record<string, PropertyValue>;
}

export interface GraphRelationship {
  type: RelationshipType;
  from: NodeRef;
  to: NodeRef;
  /** Order among the relationships of one kind leaving `from`, as the curator wrote it. */
  position: number;
  /** Everything else the relationship says: dates it applied, provenance. */
  properties?: Record<string, PropertyValue>;
}

export interface PropertyGraph {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
}

export const nodeId = (ref: NodeRef): string => `${ref.label}:${ref.key}`;
export const relationshipId = (rel: Pick<GraphRelationship, 'type' | 'from' | 'to'>): string =>
  `${nodeId(rel.from)}-${rel.type}->${nodeId(rel.to)}`;
