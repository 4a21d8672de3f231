import { appliesOn } from '../../domain/day-rule';
import { addDays, Day } from '../../domain/days';
import { isKnownOn, statusOn } from '../../domain/status';
import { statusIn } from './status';
import { Certification } from '../../model/certification.type';
import { RequirementEdgeType, RequirementNodeKind } from '../../model/enums';
import { Exam } from '../../model/exam.type';
import {
  RequirementGraph,
  RequirementGraphEdge,
  RequirementGraphNode,
} from '../../model/requirement-graph.type';
import { RequirementGroup, RequirementRef } from '../../model/requirement.type';
import { CatalogSnapshot, RequirementEdge } from './catalog-snapshot';

/** What certifications require, on a day and over time, in both directions, from a snapshot. */

const certificationId = (code: string) => `Certification:${code}`;
const applies = (edge: RequirementEdge, day: Day) => appliesOn(edge.facts, day);

/**
 * A certification's requirements on `day`: its root ALL_OF group (id: the certification's code),
 * with nested groups, each listing the edges that applied that day in curated order.
 */
export function requirementsOn(catalog: CatalogSnapshot, code: string, day: Day): RequirementGroup {
  const known = requirementsKnownOn(catalog, code, day);
  const groupOf = (node: string, key: string, mode: RequirementGroup['mode']): RequirementGroup => {
    const id = `RequirementGroup:${key}@${day}`;
    if (!known) {
      return Object.assign(new RequirementGroup(), { id, key, mode, asOf: day, known, refs: [] });
    }
    const refs: RequirementRef[] = [];
    for (const edge of catalog.childrenOf(node)) {
      if (!applies(edge, day)) continue;
      const child = catalog.group(edge.to);
      if (child) {
        const group = groupOf(child.id, child.key, child.mode);
        refs.push({ kind: 'RequirementGroup', group, facts: edge.facts });
        continue;
      }
      const item = catalog.itemById(edge.to);
      if (item instanceof Certification) {
        refs.push({ kind: 'Certification', code: item.code, facts: edge.facts });
      } else if (item instanceof Exam) {
        refs.push({ kind: 'Exam', code: item.code, facts: edge.facts });
      }
    }
    return Object.assign(new RequirementGroup(), { id, key, mode, asOf: day, known, refs });
  };
  return groupOf(certificationId(code), code, 'ALL_OF');
}

/**
 * Whether the sources say what the certification required on `day`. Not before the earliest
 * source that shows the certification (status UNKNOWN), nor before its oldest requirement
 * version when every outermost entry has a start: what it required then is unknown, and is
 * never projected backwards from the first version we know.
 */
export function requirementsKnownOn(catalog: CatalogSnapshot, code: string, day: Day): boolean {
  const cert = catalog.item('Certification', code);
  if (cert && !isKnownOn(cert, day)) return false;
  const starts = catalog.childrenOf(certificationId(code)).map((edge) => edge.facts.validFrom);
  if (starts.length === 0 || starts.some((start) => start === undefined)) return true;
  return starts.some((start) => start! <= day);
}

/**
 * The days a certification's own requirement set changed: each `validFrom`, and the day after
 * each `validUntil`, sorted. Between two of them the set stays the same.
 */
export function requirementChanges(catalog: CatalogSnapshot, code: string): Day[] {
  const days = new Set<Day>();
  const visit = (id: string) => {
    for (const edge of catalog.childrenOf(id)) {
      if (edge.facts.validFrom) days.add(edge.facts.validFrom);
      if (edge.facts.validUntil) days.add(addDays(edge.facts.validUntil, 1));
      if (catalog.group(edge.to)) visit(edge.to);
    }
  };
  visit(certificationId(code));
  return [...days].sort();
}

/**
 * Certifications that counted the item among their requirements on `day`, directly or through
 * groups (not through other certifications), by code; one not available yet (or not yet shown by
 * any source) that day required nothing yet.
 */
export function requiredBy(
  catalog: CatalogSnapshot,
  label: 'Certification' | 'Exam',
  code: string,
  day: Day,
): Certification[] {
  const found = new Map<string, Certification>();
  const seen = new Set<string>();
  const climb = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const edge of catalog.parentsOf(id)) {
      if (!applies(edge, day)) continue;
      if (catalog.group(edge.from)) {
        climb(edge.from);
        continue;
      }
      const parent = catalog.itemById(edge.from);
      if (edge.type === 'REQUIRES' && parent instanceof Certification) {
        const status = statusOn(parent, day);
        if (status !== 'UPCOMING' && status !== 'UNKNOWN') found.set(parent.code, parent);
      }
    }
  };
  climb(`${label}:${code}`);
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * A certification's whole requirement structure on `day`, down to exams, as flat nodes and edges:
 * every node reachable over edges that applied that day, each with those edges.
 */
export function requirementGraph(
  catalog: CatalogSnapshot,
  code: string,
  day: Day,
): RequirementGraph {
  const nodes: RequirementGraphNode[] = [];
  const edges: RequirementGraphEdge[] = [];
  const seen = new Set<string>();
  // A node's status depends on the day, so its id does too: a cache keeps two days apart.
  const onDay = (node: string) => `${node}@${day}`;
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const group = catalog.group(id);
    const item = catalog.itemById(id);
    if (group) nodes.push({ id: onDay(id), kind: RequirementNodeKind.GROUP, mode: group.mode });
    else if (item instanceof Certification || item instanceof Exam) {
      nodes.push({
        id: onDay(id),
        kind:
          item instanceof Certification
            ? RequirementNodeKind.CERTIFICATION
            : RequirementNodeKind.EXAM,
        code: item.code,
        name: item.name,
        level: item instanceof Certification ? item.level : undefined,
        status: statusIn(catalog, item, day),
        confidence: item.confidence,
        retiredOn: item.retiredOn,
      });
    } else return;
    // What a certification required when no source says is unknown: no edges, not none.
    if (item instanceof Certification && !requirementsKnownOn(catalog, item.code, day)) return;
    for (const edge of catalog.childrenOf(id)) {
      if (!applies(edge, day)) continue;
      edges.push({
        from: onDay(id),
        to: onDay(edge.to),
        type: edge.type as RequirementEdgeType,
        position: edge.position,
        ...edge.facts,
      });
      visit(edge.to);
    }
  };
  visit(certificationId(code));
  nodes.sort((a, b) => a.id.localeCompare(b.id));
  edges.sort((a, b) => a.from.localeCompare(b.from) || a.position - b.position);
  return { root: onDay(certificationId(code)), asOf: day, nodes, edges };
}
