import { int } from 'neo4j-driver';
import { Database } from '../db/database';
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

const CLASS_OF = { Certification, Exam, Course } as const;

/** Class instances, because type-graphql resolves unions and interfaces by class. */
function toItem<L extends CatalogItemLabel>(
  label: L,
  properties: Properties,
): InstanceType<(typeof CLASS_OF)[L]> {
  return Object.assign(new CLASS_OF[label](), {
    sources: [],
    notes: [],
    ...properties,
  }) as InstanceType<(typeof CLASS_OF)[L]>;
}

const itemsByCode = (label: CatalogItemLabel) => `
UNWIND $codes AS code
MATCH (n:${label} {code: code})
RETURN properties(n) AS properties`;

/** The edges from a certification down through its groups, stopping at the first non-group node. */
const REQUIREMENT_STRUCTURES = `
UNWIND $codes AS code
MATCH (root:Certification {code: code})
  ((:Certification|RequirementGroup)-[:REQUIRES|ONE_OF]->(:RequirementGroup))*
  (parent)-[r:REQUIRES|ONE_OF]->(child)
RETURN root.code AS root,
       coalesce(parent.id, parent.code) AS parent,
       parent.mode AS parentMode,
       r.position AS position,
       [label IN labels(child) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0] AS childLabel,
       coalesce(child.id, child.code) AS child,
       child.mode AS childMode`;

/** Certifications that count the item among their requirements, directly or through groups. */
const REQUIRED_BY = (label: 'Certification' | 'Exam') => `
UNWIND $codes AS code
MATCH (item:${label} {code: code})
  ((:RequirementGroup|${label})<-[:REQUIRES|ONE_OF]-(:RequirementGroup)){0,}
  (first)<-[:REQUIRES]-(cert:Certification)
RETURN DISTINCT code, properties(cert) AS properties
ORDER BY properties.code`;

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

const listPage = (label: CatalogItemLabel) => `
MATCH (n:${label})
WHERE ($level IS NULL OR n.level = $level) AND ($after IS NULL OR n.code > $after)
RETURN properties(n) AS properties
ORDER BY n.code
LIMIT $limit`;

const listCounts = (label: CatalogItemLabel) => `
MATCH (n:${label})
WHERE $level IS NULL OR n.level = $level
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
MATCH (root:Certification {code: $code})-[:REQUIRES|ONE_OF]->*(n)
WITH DISTINCT n
OPTIONAL MATCH (n)-[r:REQUIRES|ONE_OF]->(m)
RETURN [label IN labels(n) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0] AS label,
       properties(n) AS properties,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         type: type(r), position: r.position,
         toLabel: [label IN labels(m) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0],
         toKey: coalesce(m.id, m.code)
       } END) AS out`;

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

  /** Each certification's requirements as its root ALL_OF group, nested groups included. */
  async requirementStructures(codes: readonly string[]): Promise<Map<string, RequirementGroup>> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_STRUCTURES, { codes })).records,
    );
    const groups = new Map<string, RequirementGroup>();
    const group = (id: string, mode: RequirementMode) => {
      if (!groups.has(id))
        groups.set(id, Object.assign(new RequirementGroup(), { id, mode, refs: [] }));
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
      const ref: RequirementRef =
        childLabel === 'RequirementGroup'
          ? { kind: 'RequirementGroup', group: group(child, record.get('childMode')) }
          : { kind: childLabel as 'Certification' | 'Exam', code: child };
      positioned.push({ parent, position: record.get('position') ?? 0, ref });
    }
    positioned.sort((a, b) => a.position - b.position);
    for (const { parent, ref } of positioned) parent.refs.push(ref);
    return new Map(codes.map((code) => [code, groups.get(code)!]));
  }

  async requiredBy(
    label: 'Certification' | 'Exam',
    codes: readonly string[],
  ): Promise<Map<string, Certification[]>> {
    return this.groupedItems(REQUIRED_BY(label), 'Certification', codes);
  }

  async coursesForExams(codes: readonly string[]): Promise<Map<string, Course[]>> {
    return this.groupedItems(COURSES_FOR_EXAMS, 'Course', codes);
  }

  async examsForCourses(codes: readonly string[]): Promise<Map<string, Exam[]>> {
    return this.groupedItems(EXAMS_FOR_COURSES, 'Exam', codes);
  }

  async list<L extends CatalogItemLabel>(label: L, page: PageRequest, level?: CertificationLevel) {
    const params = { level: level ?? null, after: page.after ?? null };
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

  async requirementGraph(code: string): Promise<RequirementGraph> {
    const records = await this.database.read(
      async (tx) => (await tx.run(REQUIREMENT_GRAPH, { code })).records,
    );
    const nodes: RequirementGraphNode[] = [];
    const edges: RequirementGraph['edges'] = [];
    for (const record of records) {
      const label: string = record.get('label');
      const p: Properties = record.get('properties');
      const id = `${label}:${(p.id ?? p.code) as string}`;
      nodes.push({
        id,
        kind: KIND_OF_LABEL[label],
        code: p.code as string | undefined,
        name: p.name as string | undefined,
        level: p.level as CertificationLevel | undefined,
        mode: p.mode as RequirementMode | undefined,
      });
      for (const out of record.get('out') as Properties[]) {
        edges.push({
          from: id,
          to: `${out.toLabel}:${out.toKey}`,
          type: out.type as RequirementEdgeType,
          position: (out.position as number) ?? 0,
        });
      }
    }
    nodes.sort((a, b) => a.id.localeCompare(b.id));
    edges.sort((a, b) => a.from.localeCompare(b.from) || a.position - b.position);
    return { root: `Certification:${code}`, nodes, edges };
  }

  private async groupedItems<L extends CatalogItemLabel>(
    cypher: string,
    label: L,
    codes: readonly string[],
  ) {
    const records = await this.database.read(
      async (tx) => (await tx.run(cypher, { codes })).records,
    );
    const result = new Map<string, InstanceType<(typeof CLASS_OF)[L]>[]>(
      codes.map((code) => [code, []]),
    );
    for (const record of records)
      result.get(record.get('code'))?.push(toItem(label, record.get('properties')));
    return result;
  }
}
