import { int } from 'neo4j-driver';
import { Database } from '../db/database';
import { plainProperties } from '../db/properties';
import { addDays, appliesOn, Day } from '../history/as-of';
import { Confidence } from '../history/confidence';
import { datedRequirementOf } from '../history/dated-requirement.type';
import { ItemStatus, STATUS_CYPHER, statusOn } from '../history/item-status';
import { CertificationLevel, Certification } from './certification.type';
import { Course } from './course.type';
import { Exam } from './exam.type';
import { PageRequest, Page } from './pagination';
import { RequirementGroup, RequirementMode, RequirementRef } from './requirement.type';
import {
  RequirementGraph,
  RequirementGraphNode,
  RequirementNodeKind,
  RequirementEdgeType,
} from './requirement-graph.type';

export type CatalogItemLabel = 'Certification' | 'Exam' | 'Course';
type Properties = Record<string, unknown>;
type AnyItem = Certification | Exam | Course;

/** What came after an item, and what it came after. */
export interface Succession {
  replacedBy: AnyItem | null;
  successor: AnyItem | null;
  replaces: AnyItem[];
}

const CLASS_OF = { Certification, Exam, Course } as const;

/** Class instances, because type-graphql resolves unions and interfaces by class. */
function toItem<L extends CatalogItemLabel>(
  label: L,
  properties: Properties,
): InstanceType<(typeof CLASS_OF)[L]> {
  return Object.assign(new CLASS_OF[label](), {
    sources: [],
    notes: [],
    confidence: 'UNCONFIRMED', // only a node edited by hand lacks a grade
    ...plainProperties(properties),
  }) as InstanceType<(typeof CLASS_OF)[L]>;
}

const ITEM_LABEL = (n: string) =>
  `[label IN labels(${n}) WHERE label IN ['Certification', 'Exam', 'Course']][0]`;

const itemsByCode = (label: CatalogItemLabel) => `
UNWIND $codes AS code
MATCH (n:${label} {code: code})
RETURN properties(n) AS properties`;

/**
 * The edges from a certification down through its groups, stopping at the first non-group node,
 * as they applied on $asOf.
 */
const REQUIREMENT_STRUCTURES = `
UNWIND $codes AS code
MATCH (root:Certification {code: code})
  ((:Certification|RequirementGroup)-[q:REQUIRES|ONE_OF]->(:RequirementGroup) WHERE ${appliesOn('q')})*
  (parent)-[r:REQUIRES|ONE_OF]->(child)
WHERE ${appliesOn('r')}
RETURN root.code AS root,
       coalesce(parent.id, parent.code) AS parent,
       parent.mode AS parentMode,
       properties(r) AS facts,
       [label IN labels(child) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0] AS childLabel,
       coalesce(child.id, child.code) AS child,
       child.mode AS childMode`;

/**
 * Certifications that counted the item among their requirements on $asOf, directly or through
 * groups; one not available yet that day required nothing yet.
 */
const REQUIRED_BY = (label: 'Certification' | 'Exam') => `
UNWIND $codes AS code
MATCH (item:${label} {code: code})
  ((:RequirementGroup|${label})<-[q:REQUIRES|ONE_OF]-(:RequirementGroup) WHERE ${appliesOn('q')}){0,}
  (first)<-[r:REQUIRES]-(cert:Certification)
WHERE ${appliesOn('r')} AND NOT coalesce(cert.availableFrom > date($asOf), false)
RETURN DISTINCT code, properties(cert) AS properties
ORDER BY properties.code`;

/** Certifications and exams by code, whichever kind each is (codes are unique across kinds). */
const REQUIREMENT_ITEMS = `
UNWIND $codes AS code
CALL (code) {
  MATCH (n:Certification {code: code}) RETURN n
  UNION
  MATCH (n:Exam {code: code}) RETURN n
}
RETURN ${ITEM_LABEL('n')} AS label, properties(n) AS properties`;

/** For each item: what replaced it, where Microsoft points instead, and what it replaced. */
const SUCCESSION = `
UNWIND $codes AS code
MATCH (n {code: code})
WHERE n:Certification OR n:Exam OR n:Course
CALL (n) {
  OPTIONAL MATCH (n)-[:REPLACED_BY]->(next)
  RETURN head(collect(next)) AS replacedBy
}
CALL (n) {
  OPTIONAL MATCH (n)-[:SUCCEEDED_BY]->(next)
  RETURN head(collect(next)) AS successor
}
CALL (n) {
  OPTIONAL MATCH (previous)-[:REPLACED_BY]->(n)
  WITH previous ORDER BY previous.code
  RETURN collect(previous) AS replaces
}
RETURN code,
       CASE WHEN replacedBy IS NULL THEN null ELSE {label: ${ITEM_LABEL('replacedBy')}, properties: properties(replacedBy)} END AS replacedBy,
       CASE WHEN successor IS NULL THEN null ELSE {label: ${ITEM_LABEL('successor')}, properties: properties(successor)} END AS successor,
       [p IN replaces | {label: ${ITEM_LABEL('p')}, properties: properties(p)}] AS replaces`;

const COURSES_FOR_EXAMS = `
UNWIND $codes AS code
MATCH (course:Course)-[r:PREPARES_FOR]->(:Exam {code: code})
RETURN code, properties(course) AS properties
ORDER BY course.code`;

const EXAMS_FOR_COURSES = `
UNWIND $codes AS code
MATCH (:Course {code: code})-[r:PREPARES_FOR]->(exam:Exam)
RETURN code, properties(exam) AS properties
ORDER BY r.position`;

/** Items in code order, optionally of one level and with one of the statuses on $asOf. */
const LIST_FILTER = (label: CatalogItemLabel) => `
MATCH (n:${label})
WHERE ($level IS NULL OR n.level = $level)
  AND ($statuses IS NULL OR ${STATUS_CYPHER('n')} IN $statuses)`;

const listPage = (label: CatalogItemLabel) => `${LIST_FILTER(label)}
  AND ($after IS NULL OR n.code > $after)
RETURN properties(n) AS properties
ORDER BY n.code
LIMIT $limit`;

const listCounts = (label: CatalogItemLabel) => `${LIST_FILTER(label)}
RETURN count(n) AS totalCount,
       count(CASE WHEN $after IS NOT NULL AND n.code <= $after THEN 1 END) AS before`;

const SEARCH = `
CALL db.index.fulltext.queryNodes('catalog_search', $query) YIELD node, score
RETURN [label IN labels(node) WHERE label IN ['Certification', 'Exam', 'Course']][0] AS label,
       properties(node) AS properties,
       score
ORDER BY toLower(node.code) = $exact DESC, score DESC, node.code
LIMIT $limit`;

const REQUIREMENT_GRAPH = `
MATCH (root:Certification {code: $code}) (()-[q:REQUIRES|ONE_OF]->() WHERE ${appliesOn('q')})* (n)
WITH DISTINCT n
OPTIONAL MATCH (n)-[r:REQUIRES|ONE_OF]->(m)
WHERE ${appliesOn('r')}
RETURN [label IN labels(n) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0] AS label,
       properties(n) AS properties,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         type: type(r), facts: properties(r),
         toLabel: [label IN labels(m) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0],
         toKey: coalesce(m.id, m.code)
       } END) AS out`;

/** Every day on which something in a certification's own structure started or stopped applying. */
const REQUIREMENT_CHANGES = `
UNWIND $codes AS code
MATCH (root:Certification {code: code})
  ((:Certification|RequirementGroup)-[:REQUIRES|ONE_OF]->(:RequirementGroup))*
  (parent)-[r:REQUIRES|ONE_OF]->(child)
RETURN code,
       collect(DISTINCT toString(r.validFrom)) AS starts,
       collect(DISTINCT toString(r.validUntil)) AS ends`;

const KIND_OF_LABEL: Record<string, RequirementNodeKind> = {
  Certification: RequirementNodeKind.CERTIFICATION,
  Exam: RequirementNodeKind.EXAM,
  RequirementGroup: RequirementNodeKind.GROUP,
};

/** Every Cypher query the API runs; each batch method answers for many codes in one round trip. */
export class CatalogRepository {
  constructor(private readonly database: Database) {}

  async findByCodes<L extends CatalogItemLabel>(label: L, codes: readonly string[]) {
    const records = await this.database.read(
      async (tx) => (await tx.run(itemsByCode(label), { codes })).records,
    );
    return new Map(
      records.map((r) => [r.get('properties').code as string, toItem(label, r.get('properties'))]),
    );
  }

  /** Each certification's requirements on `day` as its root ALL_OF group, nested groups included. */
  async requirementStructures(
    codes: readonly string[],
    day: Day,
  ): Promise<Map<string, RequirementGroup>> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_STRUCTURES, { codes, asOf: day })).records,
    );
    const groups = new Map<string, RequirementGroup>();
    const group = (id: string, mode: RequirementMode) => {
      if (!groups.has(id))
        groups.set(id, Object.assign(new RequirementGroup(), { id, mode, asOf: day, refs: [] }));
      return groups.get(id)!;
    };
    for (const code of codes) group(code, 'ALL_OF');
    const positioned: { parent: RequirementGroup; position: number; ref: RequirementRef }[] = [];
    for (const record of records) {
      const parentKey: string = record.get('parent');
      const parent = record.get('parentMode')
        ? group(parentKey, record.get('parentMode'))
        : group(parentKey, 'ALL_OF');
      const childLabel: string = record.get('childLabel');
      const child: string = record.get('child');
      const properties = plainProperties(record.get('facts'));
      const facts = datedRequirementOf(properties);
      const ref: RequirementRef =
        childLabel === 'RequirementGroup'
          ? { kind: 'RequirementGroup', group: group(child, record.get('childMode')), facts }
          : { kind: childLabel as 'Certification' | 'Exam', code: child, facts };
      positioned.push({ parent, position: (properties.position as number) ?? 0, ref });
    }
    positioned.sort((a, b) => a.position - b.position);
    for (const { parent, ref } of positioned) parent.refs.push(ref);
    return new Map(codes.map((code) => [code, groups.get(code)!]));
  }

  /**
   * The days a certification's own requirement set changed: each `validFrom`, and the day after
   * each `validUntil`, sorted. Between two of them the set stays the same.
   */
  async requirementChanges(codes: readonly string[]): Promise<Map<string, Day[]>> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_CHANGES, { codes })).records,
    );
    const changes = new Map<string, Day[]>(codes.map((code) => [code, []]));
    for (const record of records) {
      const ends = (record.get('ends') as string[]).map((end) => addDays(end, 1));
      const days = new Set([...(record.get('starts') as string[]), ...ends]);
      changes.set(record.get('code'), [...days].sort());
    }
    return changes;
  }

  async requiredBy(
    label: 'Certification' | 'Exam',
    codes: readonly string[],
    day: Day,
  ): Promise<Map<string, Certification[]>> {
    return this.groupedItems(REQUIRED_BY(label), 'Certification', codes, { asOf: day });
  }

  /** Requirement items (certifications and exams) by code, in one read whatever their kind. */
  async requirementItems(codes: readonly string[]): Promise<Map<string, Certification | Exam>> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_ITEMS, { codes })).records,
    );
    return new Map(
      records.map((r) => {
        const item = toItem(r.get('label') as 'Certification' | 'Exam', r.get('properties'));
        return [item.code, item];
      }),
    );
  }

  async succession(codes: readonly string[]): Promise<Map<string, Succession>> {
    const records = await this.database.read(
      async (tx) => (await tx.run(SUCCESSION, { codes })).records,
    );
    const item = (found: { label: CatalogItemLabel; properties: Properties } | null) =>
      found ? toItem(found.label, found.properties) : null;
    return new Map(
      records.map((r) => [
        r.get('code') as string,
        {
          replacedBy: item(r.get('replacedBy')),
          successor: item(r.get('successor')),
          replaces: (
            r.get('replaces') as { label: CatalogItemLabel; properties: Properties }[]
          ).map((found) => toItem(found.label, found.properties)),
        },
      ]),
    );
  }

  async coursesForExams(codes: readonly string[]): Promise<Map<string, Course[]>> {
    return this.groupedItems(COURSES_FOR_EXAMS, 'Course', codes);
  }

  async examsForCourses(codes: readonly string[]): Promise<Map<string, Exam[]>> {
    return this.groupedItems(EXAMS_FOR_COURSES, 'Exam', codes);
  }

  async list<L extends CatalogItemLabel>(
    label: L,
    page: PageRequest,
    filter: { level?: CertificationLevel; statuses?: ItemStatus[]; day: Day },
  ) {
    const params = {
      level: filter.level ?? null,
      statuses: filter.statuses ?? null,
      asOf: filter.day,
      after: page.after ?? null,
    };
    return this.database.read(async (tx) => {
      const rows = (await tx.run(listPage(label), { ...params, limit: int(page.first + 1) }))
        .records;
      const counts = (await tx.run(listCounts(label), params)).records[0];
      const items = rows.slice(0, page.first).map((r) => toItem(label, r.get('properties')));
      return {
        items,
        totalCount: counts.get('totalCount'),
        hasNextPage: rows.length > page.first,
        hasPreviousPage: counts.get('before') > 0,
      } satisfies Page<InstanceType<(typeof CLASS_OF)[L]>>;
    });
  }

  async search(query: string, exact: string, limit: number) {
    const records = await this.database.read(
      async (tx) => (await tx.run(SEARCH, { query, exact, limit: int(limit) })).records,
    );
    return records.map((r) => toItem(r.get('label'), r.get('properties')));
  }

  async requirementGraph(code: string, day: Day): Promise<RequirementGraph> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_GRAPH, { code, asOf: day })).records,
    );
    const nodes: RequirementGraphNode[] = [];
    const edges: RequirementGraph['edges'] = [];
    for (const record of records) {
      const label: string = record.get('label');
      const p = plainProperties(record.get('properties'));
      const id = `${label}:${(p.id ?? p.code) as string}`;
      const isItem = label !== 'RequirementGroup';
      nodes.push({
        id,
        kind: KIND_OF_LABEL[label],
        code: p.code as string | undefined,
        name: p.name as string | undefined,
        level: p.level as CertificationLevel | undefined,
        mode: p.mode as RequirementMode | undefined,
        status: isItem ? statusOn(p, day) : undefined,
        confidence: isItem
          ? ((p.confidence as Confidence | undefined) ?? 'UNCONFIRMED')
          : undefined,
        retiredOn: isItem ? (p.retiredOn as string | undefined) : undefined,
      });
      for (const out of record.get('out') as Properties[]) {
        const facts = plainProperties(out.facts as Properties);
        edges.push({
          from: id,
          to: `${out.toLabel}:${out.toKey}`,
          type: out.type as RequirementEdgeType,
          position: (facts.position as number) ?? 0,
          ...datedRequirementOf(facts),
        });
      }
    }
    nodes.sort((a, b) => a.id.localeCompare(b.id));
    edges.sort((a, b) => a.from.localeCompare(b.from) || a.position - b.position);
    return { root: `Certification:${code}`, asOf: day, nodes, edges };
  }

  private async groupedItems<L extends CatalogItemLabel>(
    cypher: string,
    label: L,
    codes: readonly string[],
    params: Record<string, unknown> = {},
  ) {
    const records = await this.database.read(
      async (tx) => (await tx.run(cypher, { codes, ...params })).records,
    );
    const result = new Map<string, InstanceType<(typeof CLASS_OF)[L]>[]>(
      codes.map((code) => [code, []]),
    );
    for (const record of records)
      result.get(record.get('code'))?.push(toItem(label, record.get('properties')));
    return result;
  }
}
