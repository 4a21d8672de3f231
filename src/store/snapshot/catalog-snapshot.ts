import { RequirementMode } from '../../domain/vocabulary';
import { nodeId, PropertyGraph } from '../../graph/model';
import { Course } from '../../model/course.type';
import { DatedRequirement } from '../../model/dated-requirement.type';
import { Exam } from '../../model/exam.type';
import { RequirementSubgraph, subgraphOf } from '../../paths/requirement-subgraph';
import { ValidityPolicy } from '../../model/validity-policy.type';
import {
  AnyItem,
  CatalogItemLabel,
  datedRequirementOf,
  ItemOf,
  toItem,
  toValidityPolicy,
} from '../records';

/** A REQUIRES or ONE_OF relationship, with when it applied and on whose word. */
export interface RequirementEdge {
  /** Node ids (`Label:key`), as in src/paths/requirement-dag.ts. */
  from: string;
  to: string;
  type: 'REQUIRES' | 'ONE_OF';
  position: number;
  facts: DatedRequirement;
}

/** A requirement group node: the choice (ONE_OF) or bundle (ALL_OF) inside a certification. */
export interface GroupNode {
  id: string;
  /** The group's own key, e.g. `devops-engineer/1`. */
  key: string;
  mode: RequirementMode;
}

/** What came after an item, and what it came after. */
export interface Succession {
  replacedBy: AnyItem | null;
  successor: AnyItem | null;
  replaces: AnyItem[];
}

const NO_SUCCESSION: Succession = { replacedBy: null, successor: null, replaces: [] };

type ByLabel<T> = { [L in CatalogItemLabel]: T };

/**
 * The whole catalog as the API reads it: every item (as the model's objects, made once), every
 * requirement edge with its dates and provenance, and the indexes the resolvers walk. Immutable:
 * a change to the catalog makes a new snapshot (catalog-projection.ts), so a request that holds
 * one sees one consistent catalog from start to end.
 */
export class CatalogSnapshot {
  private readonly items = new Map<string, AnyItem>();
  private readonly codes: ByLabel<Map<string, AnyItem>> = {
    Certification: new Map(),
    Exam: new Map(),
    Course: new Map(),
  };
  private readonly groupNodes = new Map<string, GroupNode>();
  private readonly childEdges = new Map<string, RequirementEdge[]>();
  private readonly parentEdges = new Map<string, RequirementEdge[]>();
  private readonly courses = new Map<string, Course[]>();
  private readonly exams = new Map<string, Exam[]>();
  private readonly successions = new Map<string, Succession>();
  /** Every validity policy, in id order (docs/validity.md). */
  readonly validityPolicies: ValidityPolicy[] = [];
  /** Every item of each kind, in code order: the lists page through these. */
  readonly sorted: ByLabel<AnyItem[]>;
  /** The requirement DAG and item facts, as the path algorithms take them. */
  readonly subgraph: RequirementSubgraph;

  constructor(
    graph: PropertyGraph,
    /** Names the state of the database the snapshot was read from (see catalog-projection.ts). */
    readonly version: string,
  ) {
    for (const node of graph.nodes) {
      const id = nodeId(node);
      if (node.label === 'RequirementGroup') {
        const mode = (node.properties.mode as RequirementMode | undefined) ?? 'ALL_OF';
        this.groupNodes.set(id, { id, key: node.key, mode });
        continue;
      }
      if (node.label === 'ValidityPolicy') {
        this.validityPolicies.push(toValidityPolicy(node.properties));
        continue;
      }
      const item = toItem(node.label, node.properties);
      this.items.set(id, item);
      this.codes[node.label].set(node.key, item);
    }
    const byPosition = [...graph.relationships].sort((a, b) => a.position - b.position);
    const next = new Map<string, { type: string; to: string }[]>();
    for (const rel of byPosition) {
      const from = nodeId(rel.from);
      const to = nodeId(rel.to);
      if (rel.type === 'REQUIRES' || rel.type === 'ONE_OF') {
        const edge: RequirementEdge = {
          from,
          to,
          type: rel.type,
          position: rel.position,
          facts: datedRequirementOf(rel.properties ?? {}),
        };
        push(this.childEdges, from, edge);
        push(this.parentEdges, to, edge);
      } else if (rel.type === 'PREPARES_FOR') {
        const [course, exam] = [this.items.get(from), this.items.get(to)];
        if (course instanceof Course && exam instanceof Exam) {
          push(this.courses, exam.code, course);
          push(this.exams, course.code, exam);
        }
      } else push(next, from, { type: rel.type, to });
    }
    for (const list of this.courses.values()) list.sort(byCode);
    this.indexSuccession(next);
    this.sorted = {
      Certification: [...this.codes.Certification.values()].sort(byCode),
      Exam: [...this.codes.Exam.values()].sort(byCode),
      Course: [...this.codes.Course.values()].sort(byCode),
    };
    this.validityPolicies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.subgraph = subgraphOf(graph);
  }

  /** An item by its canonical code; null when no item of that kind has it. */
  item<L extends CatalogItemLabel>(label: L, code: string): ItemOf<L> | null {
    return (this.codes[label].get(code) as ItemOf<L> | undefined) ?? null;
  }

  itemById(id: string): AnyItem | undefined {
    return this.items.get(id);
  }

  group(id: string): GroupNode | undefined {
    return this.groupNodes.get(id);
  }

  /** The requirement edges leaving a node, in curated order. */
  childrenOf(id: string): readonly RequirementEdge[] {
    return this.childEdges.get(id) ?? [];
  }

  /** The requirement edges arriving at a node. */
  parentsOf(id: string): readonly RequirementEdge[] {
    return this.parentEdges.get(id) ?? [];
  }

  /** Courses that prepare for an exam, by course code. */
  coursesFor(examCode: string): readonly Course[] {
    return this.courses.get(examCode) ?? [];
  }

  /** Exams a course prepares for, in curated order. */
  examsFor(courseCode: string): readonly Exam[] {
    return this.exams.get(courseCode) ?? [];
  }

  successionOf(code: string): Succession {
    return this.successions.get(code) ?? NO_SUCCESSION;
  }

  private indexSuccession(next: Map<string, { type: string; to: string }[]>): void {
    const replaces = new Map<string, AnyItem[]>();
    for (const [from, links] of next) {
      const item = this.items.get(from);
      if (!item) continue;
      const first = (type: string) => {
        const link = links.find((l) => l.type === type);
        return (link && this.items.get(link.to)) ?? null;
      };
      const replacedBy = first('REPLACED_BY');
      if (replacedBy) push(replaces, replacedBy.code, item);
      this.successions.set(item.code, {
        replacedBy,
        successor: first('SUCCEEDED_BY'),
        replaces: [],
      });
    }
    for (const [code, previous] of replaces) {
      const own = this.successions.get(code) ?? { ...NO_SUCCESSION };
      this.successions.set(code, { ...own, replaces: previous.sort(byCode) });
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
