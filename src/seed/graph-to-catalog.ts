import { Confidence } from '../domain/confidence';
import { CertificationLevel } from '../domain/vocabulary';
import {
  GraphNode,
  GraphRelationship,
  NodeRef,
  PropertyGraph,
  PropertyValue,
  nodeId,
} from '../graph/model';
import {
  Catalog,
  CertificationSeed,
  CourseSeed,
  ExamSeed,
  ItemKind,
  LifecycleSeed,
  Located,
  Provenance,
  RequirementSpec,
  ValidityPolicySeed,
} from './catalog';

/** Where items read back from the graph say they are: the graph, not a file. */
export const GRAPH_FILE = 'graph';

type Props = GraphNode['properties'];

const str = (props: Props, key: string): string | undefined =>
  typeof props[key] === 'string' ? props[key] : undefined;
const num = (props: Props, key: string): number | undefined =>
  typeof props[key] === 'number' ? props[key] : undefined;
const list = (value: PropertyValue | undefined): string[] =>
  Array.isArray(value) ? [...value] : [];
const bool = (props: Props, key: string): boolean | undefined =>
  typeof props[key] === 'boolean' ? props[key] : undefined;

/** Drops keys whose value is undefined, so that a read-back item equals a parsed one. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const provenanceOf = (props: Props, prefix = ''): Provenance => {
  const key = (name: string) =>
    prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name;
  return {
    confidence: props[key('confidence')] as Confidence,
    sources: list(props[key('sources')]),
    notes: list(props[key('notes')]),
  };
};

/**
 * The inverse of catalogToGraph: the curated catalog a graph stands for, so that
 * `catalogToGraph(graphToCatalog(g))` is `g` for every graph seeding or curation wrote. Every
 * requirement entry states its own provenance (catalogToGraph writes it on every edge); writing
 * it back to YAML leaves out what equals the parent's (src/seed/catalog-to-yaml.ts).
 */
export function graphToCatalog(graph: PropertyGraph): Catalog {
  const outgoing = new Map<string, GraphRelationship[]>();
  for (const rel of graph.relationships) {
    const id = nodeId(rel.from);
    outgoing.set(id, [...(outgoing.get(id) ?? []), rel]);
  }
  const out = (ref: NodeRef, type: GraphRelationship['type']) =>
    (outgoing.get(nodeId(ref)) ?? [])
      .filter((rel) => rel.type === type)
      .sort((a, b) => a.position - b.position);
  const groups = new Map(
    graph.nodes.filter((n) => n.label === 'RequirementGroup').map((n) => [n.key, n]),
  );

  const specsFrom = (ref: NodeRef, type: 'REQUIRES' | 'ONE_OF'): RequirementSpec[] =>
    out(ref, type).map((rel) => {
      const props = rel.properties ?? {};
      const dated = compact({
        from: str(props, 'validFrom'),
        until: str(props, 'validUntil'),
        provenance: provenanceOf(props),
      });
      if (rel.to.label === 'Exam') return { exam: rel.to.key, ...dated };
      if (rel.to.label === 'Certification') return { certification: rel.to.key, ...dated };
      const group = groups.get(rel.to.key);
      return group?.properties.mode === 'ONE_OF'
        ? { oneOf: specsFrom(rel.to, 'ONE_OF'), ...dated }
        : { allOf: specsFrom(rel.to, 'REQUIRES'), ...dated };
    });

  const lifecycleOf = (node: GraphNode): LifecycleSeed | undefined => {
    const p = node.properties;
    if (!('lifecycleConfidence' in p)) return undefined;
    return compact({
      availableFrom: str(p, 'availableFrom'),
      knownSince: str(p, 'knownSince'),
      betaUntil: str(p, 'betaUntil'),
      retirementAnnouncedOn: str(p, 'retirementAnnouncedOn'),
      retiredOn: str(p, 'retiredOn'),
      replacedBy: out(node, 'REPLACED_BY')[0]?.to.key,
      successor: out(node, 'SUCCEEDED_BY')[0]?.to.key,
      provenance: provenanceOf(p, 'lifecycle'),
    });
  };

  const base = (node: GraphNode, kind: ItemKind, index: number) => {
    const p = node.properties;
    return compact({
      code: node.key,
      name: str(p, 'name') ?? '',
      url: str(p, 'url'),
      ...provenanceOf(p),
      lifecycle: lifecycleOf(node),
      location: { file: GRAPH_FILE, kind, index, code: node.key },
    });
  };

  const byCode = (label: GraphNode['label']) =>
    graph.nodes.filter((n) => n.label === label).sort((a, b) => (a.key < b.key ? -1 : 1));

  const certifications = byCode('Certification').map((node, index): Located<CertificationSeed> =>
    compact({
      ...base(node, 'certifications', index),
      level: node.properties.level as CertificationLevel,
      description: str(node.properties, 'description'),
      requires: specsFrom(node, 'REQUIRES'),
    }),
  );
  const exams = byCode('Exam').map((node, index): Located<ExamSeed> => {
    const p = node.properties;
    const usd = num(p, 'priceUsd');
    return compact({
      ...base(node, 'exams', index),
      price: usd === undefined ? undefined : { usd, provenance: provenanceOf(p, 'price') },
    });
  });
  const courses = byCode('Course').map((node, index): Located<CourseSeed> => {
    const p = node.properties;
    const days = num(p, 'durationInDays');
    const hours = num(p, 'durationInHours');
    return compact({
      ...base(node, 'courses', index),
      exams: out(node, 'PREPARES_FOR').map((rel) => rel.to.key),
      duration: !('durationConfidence' in p)
        ? undefined
        : compact({ days, hours, provenance: provenanceOf(p, 'duration') }),
    });
  });
  const validityPolicies = graph.nodes
    .filter((n) => n.label === 'ValidityPolicy')
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((node, index) => policyOf(node, index));
  return {
    certifications,
    exams,
    courses,
    ...(validityPolicies.length > 0 && { validityPolicies }),
  };
}

/**
 * A validity policy from its node (catalogToGraph's addValidityPolicies, reversed). Its GOVERNS
 * edges are not read: catalogToGraph derives them again from the levels and codes it names.
 */
function policyOf(node: GraphNode, index: number): Located<ValidityPolicySeed> {
  const p = node.properties;
  const renewalMethod = str(p, 'renewalMethod');
  const expiryRule = str(p, 'expiryRule');
  return compact({
    id: node.key,
    name: str(p, 'name') ?? '',
    levels: list(p.levels) as CertificationLevel[],
    certifications: list(p.certifications),
    from: str(p, 'validFrom'),
    until: str(p, 'validUntil'),
    validity: compact({
      expires: bool(p, 'expires') ?? false,
      months: num(p, 'validityMonths'),
      provenance: provenanceOf(p, 'validity'),
    }),
    renewal:
      renewalMethod === undefined
        ? undefined
        : {
            method: renewalMethod,
            opensMonthsBeforeExpiry: num(p, 'renewalOpensMonthsBeforeExpiry') ?? 0,
            extendsMonths: num(p, 'renewalExtendsMonths') ?? 0,
            provenance: provenanceOf(p, 'renewal'),
          },
    onExpiry:
      expiryRule === undefined
        ? undefined
        : { rule: expiryRule, provenance: provenanceOf(p, 'expiry') },
    location: { file: GRAPH_FILE, kind: 'validityPolicies', index, code: node.key },
  });
}
