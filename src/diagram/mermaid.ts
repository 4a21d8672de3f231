import {
  RequirementEdgeType,
  RequirementGraph,
  RequirementGraphNode,
  RequirementNodeKind,
} from '../catalog/requirement-graph.type';

/**
 * A requirement graph as a Mermaid flowchart, top down from the certification: certifications
 * are rounded boxes, exams square boxes, groups hexagons; alternatives hang off their ONE_OF
 * group with dotted "or" arrows, so they end up side by side. Node ids follow the graph's
 * (sorted) node order, so the same graph always gives the same text.
 */
export function toMermaid(graph: RequirementGraph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.id, `n${index}`]));
  const lines = ['flowchart TD'];
  for (const node of graph.nodes) lines.push(`  ${ids.get(node.id)}${shape(node)}`);
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    lines.push(
      edge.type === RequirementEdgeType.ONE_OF
        ? `  ${from} -. or .-> ${to}`
        : `  ${from} --> ${to}`,
    );
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
  return lines.join('\n') + '\n';
}

function shape(node: RequirementGraphNode): string {
  if (node.kind === RequirementNodeKind.GROUP)
    return `{{"${node.mode === 'ONE_OF' ? 'one of' : 'all of'}"}}`;
  const label = `${escape(node.name ?? node.code ?? node.id)}<br/>${escape(node.code ?? '')}`;
  return node.kind === RequirementNodeKind.CERTIFICATION ? `("${label}")` : `["${label}"]`;
}

/** Mermaid's entity codes: a quote or angle bracket in a name can't end the label early. */
const escape = (text: string): string => text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);
