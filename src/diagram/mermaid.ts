import { RequirementEdgeType, RequirementNodeKind } from '../model/enums';
import { RequirementGraph, RequirementGraphNode } from '../model/requirement-graph.type';

/**
 * A requirement graph as a Mermaid flowchart, top down from the certification: certifications
 * are rounded boxes, exams square boxes, groups hexagons; alternatives hang off their ONE_OF
 * group with dotted "or" arrows, so they end up side by side. Node ids follow the graph's
 * (sorted) node order, so the same graph always gives the same text. An item retired on the
 * graph's day is greyed and says so; an unconfirmed requirement is a dashed "unconfirmed" arrow.
 */
export function toMermaid(graph: RequirementGraph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart TD'];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.id)}${shape(node)}`);
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const unconfirmed = edge.confidence === 'UNCONFIRMED';
    if (edge.type === RequirementEdgeType.ONE_OF) {
      lines.push(`  ${from} -. ${unconfirmed ? 'or, unconfirmed' : 'or'} .-> ${to}`);
    } else lines.push(unconfirmed ? `  ${from} -. unconfirmed .-> ${to}` : `  ${from} --> ${to}`);
  }
  lines.push(
    '  classDef certification fill:#e8f0fe,stroke:#1a56db',
    '  classDef exam fill:#ffffff,stroke:#4b5563',
    '  classDef group fill:#fef9c3,stroke:#a16207',
  );
  for (const kind of Object.values(RequirementNodeKind)) {
    const members = graph.nodes.filter((node) => node.kind === kind).map((n) => ids.get(n.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${kind.toLowerCase()}`);
  }
  const retired = graph.nodes.filter((node) => node.status === 'RETIRED').map((n) => ids.get(n.id));
  if (retired.length > 0) {
    lines.push('  classDef retired fill:#f3f4f6,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 3');
    lines.push(`  class ${retired.join(',')} retired`);
  }
  return lines.join('\n') + '\n';
}

function shape(node: RequirementGraphNode): string {
  if (node.kind === RequirementNodeKind.GROUP) {
    return `{{"${node.mode === 'ONE_OF' ? 'one of' : 'all of'}"}}`;
  }
  const retired = node.status === 'RETIRED' ? '<br/>(retired)' : '';
  const label = `${escape(node.name ?? node.code ?? node.id)}<br/>${escape(node.code ?? '')}${retired}`;
  return node.kind === RequirementNodeKind.CERTIFICATION ? `("${label}")` : `["${label}"]`;
}

/** Mermaid's entity codes: a quote or angle bracket in a name can't end the label early. */
const escape = (text: string): string => text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);
