import { Confidence } from '../domain/confidence';
import { Validity } from '../domain/day-rule';
import { PropertyGraph } from '../graph/model';
import { DagNode, DagNodeKind, RequirementDag } from './requirement-dag';

export type ItemProperties = Record<string, unknown>;

/** When a requirement edge applied and how sure it is; keyed by `edgeKey(from, to)`. */
export interface EdgeFacts extends Validity {
  confidence: Confidence;
}
export type EdgeFactsMap = ReadonlyMap<string, EdgeFacts>;
export const edgeKey = (from: string, to: string): string => `${from}->${to}`;

/** Course node ids by exam node id: all the algorithms ask of it (a Map will do). */
export interface CoursesByExam {
  get(examId: string): readonly string[] | undefined;
}

/**
 * What the path questions need from the catalog: the requirement DAG plus the facts shown in
 * answers (item properties, courses per exam). Fetched by one Cypher query (store/subgraph.repository.ts),
 * or built from a seed catalog for tests and benchmarks (`subgraphOf`).
 */
export interface RequirementSubgraph {
  dag: RequirementDag;
  /** Properties of certifications, exams and courses, by node id. */
  items: ReadonlyMap<string, ItemProperties>;
  /** Course node ids that prepare for each exam node id, by course code. */
  coursesOfExam: CoursesByExam;
  /** When each requirement edge applied and how sure it is (none: always, officially). */
  edges: EdgeFactsMap;
}

const DAG_KIND_OF_LABEL: Record<string, DagNodeKind> = {
  Certification: 'CERTIFICATION',
  Exam: 'EXAM',
};

/** The whole property graph (as the seed loader writes it) as a requirement subgraph. */
export function subgraphOf(graph: PropertyGraph): RequirementSubgraph {
  const dag = new Map<string, DagNode>();
  const items = new Map<string, ItemProperties>();
  const coursesOfExam = new Map<string, string[]>();
  const edgeFacts = new Map<string, EdgeFacts>();
  for (const node of graph.nodes) {
    const id = `${node.label}:${node.key}`;
    if (node.label === 'Course') {
      items.set(id, node.properties);
      continue;
    }
    if (node.label === 'ValidityPolicy') continue; // not part of any requirement
    const kind = DAG_KIND_OF_LABEL[node.label] ?? (node.properties.mode as DagNodeKind);
    dag.set(id, { id, kind, key: node.key, children: [] });
    if (node.label !== 'RequirementGroup') items.set(id, node.properties);
  }
  const edges = [...graph.relationships].sort((a, b) => a.position - b.position);
  for (const rel of edges) {
    const from = `${rel.from.label}:${rel.from.key}`;
    const to = `${rel.to.label}:${rel.to.key}`;
    if (rel.type === 'PREPARES_FOR') {
      coursesOfExam.set(to, [...(coursesOfExam.get(to) ?? []), from]);
    } else if (rel.type === 'REQUIRES' || rel.type === 'ONE_OF') {
      dag.get(from)?.children.push(to);
      const p = rel.properties ?? {};
      edgeFacts.set(edgeKey(from, to), {
        validFrom: p.validFrom as string | undefined,
        validUntil: p.validUntil as string | undefined,
        confidence: (p.confidence as EdgeFacts['confidence'] | undefined) ?? 'OFFICIAL',
      });
    }
  }
  for (const courses of coursesOfExam.values()) courses.sort();
  return { dag, items, coursesOfExam, edges: edgeFacts };
}
