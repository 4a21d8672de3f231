import { Database } from '../db/database';
import { plainProperties } from '../db/properties';
import { Day } from '../domain/days';
import { statusOn } from '../domain/status';
import {
  CertificationLevel,
  Confidence,
  RequirementEdgeType,
  RequirementMode,
  RequirementNodeKind,
} from '../model/enums';
import {
  RequirementGraph,
  RequirementGraphEdge,
  RequirementGraphNode,
} from '../model/requirement-graph.type';
import { appliesOnCypher } from './cypher/day-rule';
import { requirementLabelOf } from './cypher/labels';
import { datedRequirementOf, Properties } from './records';

const REQUIREMENT_GRAPH = `
MATCH (root:Certification {code: $code}) (()-[q:REQUIRES|ONE_OF]->() WHERE ${appliesOnCypher('q')})* (n)
WITH DISTINCT n
OPTIONAL MATCH (n)-[r:REQUIRES|ONE_OF]->(m)
WHERE ${appliesOnCypher('r')}
RETURN ${requirementLabelOf('n')} AS label,
       properties(n) AS properties,
       collect(CASE WHEN r IS NULL THEN null ELSE {
         type: type(r), facts: properties(r),
         toLabel: ${requirementLabelOf('m')},
         toKey: coalesce(m.id, m.code)
       } END) AS out`;

const NODE_KIND_OF_LABEL: Record<string, RequirementNodeKind> = {
  Certification: RequirementNodeKind.CERTIFICATION,
  Exam: RequirementNodeKind.EXAM,
  RequirementGroup: RequirementNodeKind.GROUP,
};

interface GraphRow {
  label: 'Certification' | 'Exam' | 'RequirementGroup';
  properties: Properties;
  out: { type: RequirementEdgeType; facts: Properties; toLabel: string; toKey: string }[];
}

/** A certification's whole requirement structure on a day, as flat nodes and edges, in one read. */
export class RequirementGraphRepository {
  constructor(private readonly database: Database) {}

  async graphOf(code: string, day: Day): Promise<RequirementGraph> {
    const records = await this.database.read(
      async (tx) => (await tx.run<GraphRow>(REQUIREMENT_GRAPH, { code, asOf: day })).records,
    );
    const nodes: RequirementGraphNode[] = [];
    const edges: RequirementGraphEdge[] = [];
    for (const record of records) {
      const label = record.get('label');
      const p = plainProperties(record.get('properties'));
      const id = `${label}:${(p.id ?? p.code) as string}`;
      const isItem = label !== 'RequirementGroup';
      nodes.push({
        id,
        kind: NODE_KIND_OF_LABEL[label],
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
      for (const out of record.get('out')) {
        const facts = plainProperties(out.facts);
        edges.push({
          from: id,
          to: `${out.toLabel}:${out.toKey}`,
          type: out.type,
          position: (facts.position as number | undefined) ?? 0,
          ...datedRequirementOf(facts),
        });
      }
    }
    nodes.sort((a, b) => a.id.localeCompare(b.id));
    edges.sort((a, b) => a.from.localeCompare(b.from) || a.position - b.position);
    return { root: `Certification:${code}`, asOf: day, nodes, edges };
  }
}
