import { Database } from '../db/database';
import { plainProperties } from '../db/properties';
import { Confidence } from '../domain/confidence';
import { DagNode, DagNodeKind } from '../paths/requirement-dag';
import {
  EdgeFacts,
  edgeKey,
  ItemProperties,
  RequirementSubgraph,
} from '../paths/requirement-subgraph';

/** The codes a learner says they hold, in both canonical cases (the DB decides which exist). */
export interface HoldingQuery {
  certificationCodes: string[];
  examCodes: string[];
}

export interface FetchedSubgraph extends RequirementSubgraph {
  /** The certifications the question is about (the target, or what an item counts toward). */
  roots: string[];
  /** The subject item's node id (unlocks), or the target's; null when it does not exist. */
  subject: string | null;
  /** The subject's replacement and successor, as "name (code)", or the code when it is the name. */
  successors: string[];
  /** Which of the holding codes exist, by kind; courses only to explain a mistaken code. */
  held: { certifications: string[]; exams: string[]; courses: string[] };
}

/** The target certification, if it exists, is the single root. */
const TARGET_ROOTS = `
OPTIONAL MATCH (subject:Certification {code: $target})
WITH subject, CASE WHEN subject IS NULL THEN [] ELSE [subject] END AS roots`;

/** Every certification the item (a certification or an exam) counts toward, at any depth. */
const UNLOCK_ROOTS = `
OPTIONAL MATCH (subject)
WHERE (subject:Certification AND subject.code = $certificationCode)
   OR (subject:Exam AND subject.code = $examCode)
CALL (subject) {
  OPTIONAL MATCH (subject)<-[:REQUIRES|ONE_OF]-+(root:Certification)
  RETURN collect(DISTINCT root) AS roots
}`;

/**
 * Everything below the roots and below the held certifications (holding settles their mandatory
 * requirements, which can reach into the roots' structure), each node once with its children in
 * curated order and, for exams, the courses that prepare for them; plus which held codes exist.
 */
const SUBGRAPH = `
OPTIONAL MATCH (held:Certification)
WHERE held.code IN $holding.certificationCodes
WITH subject, roots, collect(held) AS heldCertifications
CALL (roots, heldCertifications) {
  UNWIND roots + heldCertifications AS start
  MATCH (start)-[:REQUIRES|ONE_OF]->*(n)
  WITH DISTINCT n
  CALL (n) {
    OPTIONAL MATCH (n)-[r:REQUIRES|ONE_OF]->(child)
    WITH child, r
    ORDER BY r.position
    RETURN collect({
      id: [label IN labels(child) WHERE label IN $labels][0] + ':' + coalesce(child.code, child.id),
      validFrom: toString(r.validFrom), validUntil: toString(r.validUntil), confidence: r.confidence
    }) AS children
  }
  CALL (n) {
    OPTIONAL MATCH (course:Course)-[:PREPARES_FOR]->(n)
    WITH course
    ORDER BY course.code
    RETURN collect(properties(course)) AS courses
  }
  RETURN collect({
    label: [label IN labels(n) WHERE label IN $labels][0],
    properties: properties(n),
    children: children,
    courses: courses
  }) AS nodes
}
CALL (subject) {
  OPTIONAL MATCH (subject)-[:REPLACED_BY|SUCCEEDED_BY]->(next)
  WITH next ORDER BY next.code
  RETURN collect(CASE WHEN next.name = next.code THEN next.code ELSE next.name + ' (' + next.code + ')' END) AS successors
}
CALL () {
  OPTIONAL MATCH (exam:Exam)
  WHERE exam.code IN $holding.examCodes
  RETURN collect(exam.code) AS heldExams
}
CALL () {
  OPTIONAL MATCH (course:Course)
  WHERE course.code IN $holding.examCodes
  RETURN collect(course.code) AS heldCourses
}
RETURN [label IN labels(subject) WHERE label IN $labels][0] + ':' + subject.code AS subject,
       [root IN roots | 'Certification:' + root.code] AS roots,
       nodes,
       successors,
       [c IN heldCertifications | c.code] AS heldCertifications,
       heldExams,
       heldCourses`;

const LABELS = ['Certification', 'Exam', 'RequirementGroup'];

interface FetchedChild {
  id: string;
  validFrom: string | null;
  validUntil: string | null;
  confidence: Confidence | null;
}

interface FetchedNode {
  label: 'Certification' | 'Exam' | 'RequirementGroup';
  properties: ItemProperties;
  children: FetchedChild[];
  courses: ItemProperties[];
}

interface SubgraphRow {
  subject: string | null;
  roots: string[];
  nodes: FetchedNode[];
  successors: string[];
  heldCertifications: string[];
  heldExams: string[];
  heldCourses: string[];
}

/** The one Cypher query behind each path question (paths, plan, unlocks). */
export class SubgraphRepository {
  constructor(private readonly database: Database) {}

  /** The subgraph for earning `target` given what is held. */
  forTarget(target: string, holding: HoldingQuery): Promise<FetchedSubgraph> {
    return this.fetch(TARGET_ROOTS + SUBGRAPH, { target, holding });
  }

  /** The subgraph of everything the item counts toward, given what is held. */
  forUnlocks(
    item: { certificationCode: string; examCode: string },
    holding: HoldingQuery,
  ): Promise<FetchedSubgraph> {
    return this.fetch(UNLOCK_ROOTS + SUBGRAPH, { ...item, holding });
  }

  private async fetch(cypher: string, params: Record<string, unknown>): Promise<FetchedSubgraph> {
    const record = await this.database.read(
      async (tx) => (await tx.run<SubgraphRow>(cypher, { ...params, labels: LABELS })).records[0],
    );
    const dag = new Map<string, DagNode>();
    const items = new Map<string, ItemProperties>();
    const coursesOfExam = new Map<string, string[]>();
    const edges = new Map<string, EdgeFacts>();
    for (const fetched of record.get('nodes')) {
      const node = { ...fetched, properties: plainProperties(fetched.properties) };
      const key = (node.properties.code ?? node.properties.id) as string;
      const id = `${node.label}:${key}`;
      const kind: DagNodeKind =
        node.label === 'Certification'
          ? 'CERTIFICATION'
          : node.label === 'Exam'
            ? 'EXAM'
            : (node.properties.mode as DagNodeKind);
      dag.set(id, { id, kind, key, children: node.children.map((child) => child.id) });
      for (const child of node.children) {
        edges.set(edgeKey(id, child.id), {
          validFrom: child.validFrom ?? undefined,
          validUntil: child.validUntil ?? undefined,
          confidence: child.confidence ?? 'UNCONFIRMED',
        });
      }
      if (node.label === 'RequirementGroup') continue;
      items.set(id, node.properties);
      if (node.label !== 'Exam') continue;
      const courseIds = node.courses.map((course) => `Course:${course.code as string}`);
      node.courses.forEach((course, i) => items.set(courseIds[i], plainProperties(course)));
      coursesOfExam.set(id, courseIds);
    }
    return {
      dag,
      edges,
      items,
      coursesOfExam,
      roots: record.get('roots'),
      subject: record.get('subject'),
      successors: record.get('successors'),
      held: {
        certifications: record.get('heldCertifications'),
        exams: record.get('heldExams'),
        courses: record.get('heldCourses'),
      },
    };
  }
}
