import {
  GraphNode,
  GraphRelationship,
  NodeRef,
  PropertyGraph,
  PropertyValue,
} from '../graph/model';
import { Catalog, Duration, LifecycleSeed, Price, Provenance, RequirementSpec } from './catalog';

/** Drops absent values: Neo4j stores no nulls, and an absent property reads back as null. */
function defined(
  properties: Record<string, PropertyValue | undefined>,
): Record<string, PropertyValue> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      (entry): entry is [string, PropertyValue] => entry[1] !== undefined,
    ),
  );
}

/**
 * Turns the curated catalog into the property graph it stands for. A certification REQUIRES each
 * entry of its list; a `oneOf` becomes a RequirementGroup (mode ONE_OF) with a ONE_OF edge to each
 * alternative, and an `allOf` a group (mode ALL_OF) that REQUIRES each member. Group ids are the
 * certification code plus the entry's 1-based position, e.g. `devops-engineer/1`, so that
 * reseeding the same catalog yields the same ids.
 */
export function catalogToGraph(catalog: Catalog): PropertyGraph {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];

  const item = (x: {
    code: string;
    name: string;
    url?: string;
    confidence: Provenance['confidence'];
    sources: string[];
    notes: string[];
    lifecycle?: LifecycleSeed;
  }) => ({
    code: x.code,
    name: x.name,
    url: x.url,
    confidence: x.confidence,
    sources: x.sources,
    notes: x.notes,
    ...lifecycleProperties(x.lifecycle),
  });

  /** `from` points at each spec with `type`; nested groups get ids under `idPrefix`. */
  const addRequirements = (
    from: NodeRef,
    type: 'REQUIRES' | 'ONE_OF',
    specs: RequirementSpec[],
    certCode: string,
    idPrefix: string,
    inherited: Provenance,
  ) => {
    specs.forEach((spec, position) => {
      const provenance = spec.provenance ?? inherited;
      let to: NodeRef;
      if ('exam' in spec) to = { label: 'Exam', key: spec.exam };
      else if ('certification' in spec) to = { label: 'Certification', key: spec.certification };
      else {
        const id = `${idPrefix}/${position + 1}`;
        const mode = 'oneOf' in spec ? 'ONE_OF' : 'ALL_OF';
        to = { label: 'RequirementGroup', key: id };
        nodes.push({ ...to, properties: { id, mode, certification: certCode } });
        const members = 'oneOf' in spec ? spec.oneOf : spec.allOf;
        addRequirements(
          to,
          mode === 'ONE_OF' ? 'ONE_OF' : 'REQUIRES',
          members,
          certCode,
          id,
          provenance,
        );
      }
      relationships.push({
        type,
        from,
        to,
        position,
        properties: defined({
          validFrom: spec.from,
          validUntil: spec.until,
          confidence: provenance.confidence,
          sources: provenance.sources,
          notes: provenance.notes,
        }),
      });
    });
  };

  for (const cert of catalog.certifications) {
    const ref: NodeRef = { label: 'Certification', key: cert.code };
    nodes.push({
      ...ref,
      properties: defined({ ...item(cert), level: cert.level, description: cert.description }),
    });
    addRequirements(ref, 'REQUIRES', cert.requires, cert.code, cert.code, {
      confidence: cert.confidence,
      sources: cert.sources,
      notes: [],
    });
  }
  for (const exam of catalog.exams) {
    nodes.push({
      label: 'Exam',
      key: exam.code,
      properties: defined({ ...item(exam), ...priceProperties(exam.price) }),
    });
  }
  for (const course of catalog.courses) {
    const ref: NodeRef = { label: 'Course', key: course.code };
    nodes.push({
      ...ref,
      properties: defined({ ...item(course), ...durationProperties(course.duration) }),
    });
    course.exams.forEach((exam, position) =>
      relationships.push({
        type: 'PREPARES_FOR',
        from: ref,
        to: { label: 'Exam', key: exam },
        position,
      }),
    );
  }
  relationships.push(...successionRelationships(catalog));
  addValidityPolicies(catalog, nodes, relationships);
  return { nodes, relationships };
}

/** An empty list stored in Neo4j reads back typeless; an absent property says the same. */
const nonEmpty = (list: string[]) => (list.length > 0 ? list : undefined);

/**
 * Each validity policy is a node (its parts' provenance prefixed `validity`, `renewal`,
 * `expiry`) that GOVERNS every certification it covers, by level or by code, so that Neo4j
 * Browser shows which rule keeps which certification.
 */
function addValidityPolicies(
  catalog: Catalog,
  nodes: GraphNode[],
  relationships: GraphRelationship[],
): void {
  for (const policy of catalog.validityPolicies ?? []) {
    const ref: NodeRef = { label: 'ValidityPolicy', key: policy.id };
    const { validity, renewal, onExpiry } = policy;
    nodes.push({
      ...ref,
      properties: defined({
        id: policy.id,
        name: policy.name,
        levels: nonEmpty(policy.levels),
        certifications: nonEmpty(policy.certifications),
        validFrom: policy.from,
        validUntil: policy.until,
        expires: validity.expires,
        validityMonths: validity.months,
        validityConfidence: validity.provenance.confidence,
        validitySources: validity.provenance.sources,
        validityNotes: nonEmpty(validity.provenance.notes),
        renewalMethod: renewal?.method,
        renewalOpensMonthsBeforeExpiry: renewal?.opensMonthsBeforeExpiry,
        renewalExtendsMonths: renewal?.extendsMonths,
        renewalConfidence: renewal?.provenance.confidence,
        renewalSources: renewal?.provenance.sources,
        renewalNotes: renewal && nonEmpty(renewal.provenance.notes),
        expiryRule: onExpiry?.rule,
        expiryConfidence: onExpiry?.provenance.confidence,
        expirySources: onExpiry?.provenance.sources,
        expiryNotes: onExpiry && nonEmpty(onExpiry.provenance.notes),
      }),
    });
    const governed = catalog.certifications.filter(
      (cert) =>
        policy.certifications.includes(cert.code) ||
        (policy.levels.includes(cert.level) &&
          // A certification a policy names itself is governed by that one alone.
          !(catalog.validityPolicies ?? []).some(
            (other) => other !== policy && other.certifications.includes(cert.code),
          )),
    );
    // By code, not by file order: the same catalog read back from the graph (curation's
    // graphToCatalog lists items by code) must give the same edges.
    [...governed]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .forEach((cert, position) =>
        relationships.push({
          type: 'GOVERNS',
          from: ref,
          to: { label: 'Certification', key: cert.code },
          position,
        }),
      );
  }
}

/** The lifecycle as node properties; its provenance gets a `lifecycle` prefix. */
function lifecycleProperties(lifecycle: LifecycleSeed | undefined) {
  if (!lifecycle) return {};
  const { availableFrom, knownSince, betaUntil, retirementAnnouncedOn, retiredOn, provenance } =
    lifecycle;
  return {
    availableFrom,
    knownSince,
    betaUntil,
    retirementAnnouncedOn,
    retiredOn,
    lifecycleConfidence: provenance.confidence,
    lifecycleSources: provenance.sources,
    lifecycleNotes: provenance.notes,
  };
}

/** An exam's price as node properties: `priceUsd` and its provenance with a `price` prefix. */
function priceProperties(price: Price | undefined) {
  if (!price) return {};
  return {
    priceUsd: price.usd,
    priceConfidence: price.provenance.confidence,
    priceSources: price.provenance.sources,
    priceNotes: price.provenance.notes,
  };
}

/** A course's length as node properties; hours only when the seeds give them. */
function durationProperties(duration: Duration | undefined) {
  if (!duration) return {};
  return {
    durationInDays: duration.days,
    durationInHours: duration.hours,
    durationConfidence: duration.provenance.confidence,
    durationSources: duration.provenance.sources,
    durationNotes: duration.provenance.notes,
  };
}

const LABEL_OF_KIND = {
  certifications: 'Certification',
  exams: 'Exam',
  courses: 'Course',
} as const;

/** REPLACED_BY and SUCCEEDED_BY edges; the validator has checked that their targets exist. */
function successionRelationships(catalog: Catalog): GraphRelationship[] {
  const refOf = new Map<string, NodeRef>();
  for (const kind of ['certifications', 'exams', 'courses'] as const) {
    for (const x of catalog[kind]) refOf.set(x.code, { label: LABEL_OF_KIND[kind], key: x.code });
  }
  const relationships: GraphRelationship[] = [];
  for (const x of [...catalog.certifications, ...catalog.exams, ...catalog.courses]) {
    const from = refOf.get(x.code)!;
    const { replacedBy, successor } = x.lifecycle ?? {};
    if (replacedBy) {
      relationships.push({ type: 'REPLACED_BY', from, to: refOf.get(replacedBy)!, position: 0 });
    }
    if (successor) {
      relationships.push({ type: 'SUCCEEDED_BY', from, to: refOf.get(successor)!, position: 0 });
    }
  }
  return relationships;
}
