/** A directed graph as an adjacency map: each node to the nodes it points at. */
export type Graph<T> = Map<T, readonly T[]>;

/**
 * The cycles a depth-first walk closes, one per back edge, each as its nodes with the first
 * repeated at the end (`a → b → a` is `[a, b, a]`). An acyclic graph gives `[]`; a cyclic one
 * gives at least one cycle through every strongly connected part that has one, which is what a
 * curator needs to break the loops. Nodes that are only targets need no entry of their own.
 */
export function findCycles<T>(graph: Graph<T>): T[][] {
  const cycles: T[][] = [];
  const done = new Set<T>();
  const onPath: T[] = [];
  const onPathIndex = new Map<T, number>();

  const visit = (node: T): void => {
    onPathIndex.set(node, onPath.length);
    onPath.push(node);
    for (const next of graph.get(node) ?? []) {
      const start = onPathIndex.get(next);
      if (start !== undefined) cycles.push([...onPath.slice(start), next]);
      else if (!done.has(next)) visit(next);
    }
    onPath.pop();
    onPathIndex.delete(node);
    done.add(node);
  };

  for (const node of graph.keys()) if (!done.has(node)) visit(node);
  return cycles;
}
