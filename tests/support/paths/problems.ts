import { catalogToGraph } from '../../../src/seed/catalog-to-graph';
import { Catalog } from '../../../src/seed/catalog';
import {
  certificationNodeId,
  DagNode,
  DagNodeKind,
  RequirementDag,
} from '../../../src/paths/requirement-dag';
import { compileProblem, RequirementProblem } from '../../../src/paths/requirement-problem';
import { subgraphOf } from '../../../src/paths/requirement-subgraph';
import { settledByHolding } from '../../../src/paths/satisfaction';

/** The problem of earning `target` from a whole catalog, holding the given node ids. */
export function problemFromCatalog(
  catalog: Catalog,
  target: string,
  holding: string[] = [],
): RequirementProblem {
  const { dag } = subgraphOf(catalogToGraph(catalog));
  return compileProblem(dag, certificationNodeId(target), settledByHolding(dag, holding));
}

/**
 * A tiny DAG written as text, for table tests: `T: all(A, x)` makes T a certification needing A
 * and exam x; `any(...)` is a ONE_OF group, `all(...)` inside a list an ALL_OF group. Lower-case
 * single words are exams, capitalised ones certifications.
 */
export function dagOf(lines: Record<string, string>): RequirementDag {
  const dag = new Map<string, DagNode>();
  let groups = 0;
  const idOf = (name: string) => (/^[A-Z]/.test(name) ? `Certification:${name}` : `Exam:${name}`);
  const ensure = (id: string, kind: DagNodeKind) => {
    if (!dag.has(id)) dag.set(id, { id, kind, key: id.split(':')[1], children: [] });
    return dag.get(id)!;
  };
  const parse = (text: string): string => {
    const match = /^(all|any)\((.*)\)$/.exec(text.trim());
    if (!match) {
      const name = text.trim();
      return ensure(idOf(name), /^[A-Z]/.test(name) ? 'CERTIFICATION' : 'EXAM').id;
    }
    const group = ensure(`RequirementGroup:g${++groups}`, match[1] === 'all' ? 'ALL_OF' : 'ONE_OF');
    group.children.push(...splitTop(match[2]).map(parse));
    return group.id;
  };
  for (const [name, body] of Object.entries(lines)) {
    const cert = ensure(idOf(name), 'CERTIFICATION');
    const match = /^all\((.*)\)$/.exec(body.trim());
    cert.children.push(...(match ? splitTop(match[1]) : [body]).map(parse));
  }
  return dag;
}

function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts;
}
