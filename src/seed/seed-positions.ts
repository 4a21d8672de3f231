import { Document, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, Node, visit } from 'yaml';
import { SeedPosition } from './catalog';

/** Line and column (1-based) of a character offset, as the file's LineCounter counted them. */
function positionAt(lines: LineCounter, offset: number): SeedPosition {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** Where a node starts; undefined for nodes the parser made up (no range). */
export function positionOf(lines: LineCounter, node: unknown): SeedPosition | undefined {
  return isNode(node) && node.range ? positionAt(lines, node.range[0]) : undefined;
}

/**
 * Every field under `node` by its path as problems name it (`requires[0].oneOf[1].exam`), at the
 * line of its key (a map entry) or of its value (a list entry).
 */
export function fieldPositions(
  lines: LineCounter,
  node: unknown,
  prefix = '',
  into = new Map<string, SeedPosition>(),
): Map<string, SeedPosition> {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const at = positionOf(lines, pair.key) ?? positionOf(lines, pair.value);
      if (at) into.set(path, at);
      fieldPositions(lines, pair.value, path, into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const path = `${prefix}[${i}]`;
      const at = positionOf(lines, item);
      if (at) into.set(path, at);
      fieldPositions(lines, item, path, into);
    });
  }
  return into;
}

/**
 * Where an alias bomb is: the alias (`*name`) that expands to the most nodes, counting the
 * aliases inside what it refers to, recursively (the first of them when several tie). A text
 * reused a few times through an anchor expands to one node per use; a bomb's last level to
 * thousands.
 */
export function heaviestAlias(document: Document): Node | undefined {
  const expansion = new Map<unknown, number>();
  const sizeOf = (node: unknown, depth = 0): number => {
    if (!isNode(node) || depth > 64) return 1;
    const known = expansion.get(node);
    if (known !== undefined) return known;
    expansion.set(node, 1); // a cycle counts once
    let size = 1;
    if (isAlias(node)) size = sizeOf(node.resolve(document), depth + 1);
    else if (isMap(node)) {
      for (const pair of node.items) size += sizeOf(pair.value, depth + 1);
    } else if (isSeq(node)) {
      for (const item of node.items) size += sizeOf(item, depth + 1);
    }
    expansion.set(node, size);
    return size;
  };
  let heaviest: { node: Node; size: number } | undefined;
  visit(document, {
    Alias(_, alias) {
      const size = sizeOf(alias);
      if (!heaviest || size > heaviest.size) heaviest = { node: alias, size };
    },
  });
  return heaviest?.node;
}
