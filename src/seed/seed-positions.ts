import { Document, isMap, isNode, isScalar, isSeq, LineCounter, Node, visit } from 'yaml';
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

/** The first alias (`*name`) in the document, where an alias bomb starts to expand. */
export function firstAlias(document: Document): Node | undefined {
  let found: Node | undefined;
  visit(document, {
    Alias(_, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}
