import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  stringify,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

// Seed files are edited by splicing their text at the ranges `yaml` parsed, so that everything
// not edited stays byte for byte: comments, anchors, blank lines, key order and the curators'
// own line wrapping (re-printing a whole Document would re-fold every long paragraph).

/** Replace `remove` characters at `at` with `insert`. */
export interface Splice {
  at: number;
  remove: number;
  insert: string;
}

export function applySplices(text: string, splices: Splice[]): string {
  // From the end backwards, so earlier positions stay valid; equal positions keep their order.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  return ordered.reduce(
    (out, s) => out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove),
    text,
  );
}

function column(text: string, at: number): number {
  return at - (text.lastIndexOf('\n', at - 1) + 1);
}

/** Where to insert a line after a node: the end of the line its last character is on. */
function endOfLine(text: string, end: number): number {
  let last = end - 1;
  while (last > 0 && /\s/.test(text[last])) last -= 1;
  const newline = text.indexOf('\n', last);
  return newline === -1 ? text.length : newline;
}

/** One line, plain when YAML allows it, quoted otherwise. */
export function renderScalar(value: string | number, inFlow = false): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  const quote = plain.includes('\n') || (inFlow && /[,[\]{}]/.test(plain));
  return typeof value === 'string' && quote ? JSON.stringify(value) : plain;
}

function range(node: Node): [number, number, number] {
  if (!node.range) throw new Error('a YAML node without a source range');
  return node.range;
}

/** Replaces a scalar or an alias in place (a trailing comment on its line stays). */
export function setValue(node: Node, value: string | number): Splice {
  if (!isScalar(node) && !isAlias(node)) throw new Error('only single values are replaced');
  const [start, end] = range(node);
  return { at: start, remove: end - start, insert: renderScalar(value) };
}

/** Where new lines go in a block mapping (after the first of `after` it has), and its indent. */
function placeIn(text: string, map: YAMLMap, after: string[]) {
  const pairs = map.items as Pair<Node, Node>[];
  const anchor =
    after.map((k) => pairs.find((p) => isScalar(p.key) && p.key.value === k)).find(Boolean) ??
    pairs[pairs.length - 1];
  return {
    at: endOfLine(text, range(anchor.value ?? anchor.key)[1]),
    indent: ' '.repeat(column(text, range(pairs[0].key)[0])),
  };
}

/** Adds `key: value` to a block mapping, on the line after the first of `after` it has. */
export function addPair(
  text: string,
  map: YAMLMap,
  key: string,
  value: string | number,
  after: string[],
): Splice {
  const { at, indent } = placeIn(text, map, after);
  return { at, remove: 0, insert: `\n${indent}${key}: ${renderScalar(value)}` };
}

/** Adds `key:` with a block of `inner: value` lines (lists in flow style), as addPair places it. */
export function addBlock(
  text: string,
  map: YAMLMap,
  key: string,
  block: Record<string, string | number | string[]>,
  after: string[],
): Splice {
  const { at, indent } = placeIn(text, map, after);
  const lines = Object.entries(block).map(
    ([inner, value]) =>
      `\n${indent}  ${inner}: ${
        Array.isArray(value)
          ? `[${value.map((v) => renderScalar(v, true)).join(', ')}]`
          : renderScalar(value)
      }`,
  );
  return { at, remove: 0, insert: `\n${indent}${key}:${lines.join('')}` };
}

/** Appends scalars to a block (`- a`) or flow (`[a]`) sequence. */
export function appendToSeq(text: string, seq: YAMLSeq, values: string[]): Splice {
  const [start, end] = range(seq);
  if (seq.flow) {
    const close = text.lastIndexOf(']', end - 1);
    const rendered = values.map((v) => renderScalar(v, true)).join(', ');
    return { at: close, remove: 0, insert: seq.items.length > 0 ? `, ${rendered}` : rendered };
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const indent = ' '.repeat(column(text, start));
  return {
    at: endOfLine(text, range(last)[1]),
    remove: 0,
    insert: values.map((v) => `\n${indent}- ${renderScalar(v)}`).join(''),
  };
}

/**
 * Replaces an alias (`sources: *shared`) with a list of its own: the item gets `values`, and
 * the anchor and its other aliases stay as they were.
 */
export function replaceAliasWithList(
  text: string,
  map: YAMLMap,
  alias: Node,
  values: string[],
): Splice {
  const pairs = map.items as Pair<Node, Node>[];
  const indent = ' '.repeat(column(text, range(pairs[0].key)[0]) + 2);
  const end = range(alias)[1];
  let start = range(alias)[0];
  while (text[start - 1] === ' ') start -= 1;
  return {
    at: start,
    remove: end - start,
    insert: values.map((v) => `\n${indent}- ${renderScalar(v)}`).join(''),
  };
}

/** New items in the seeds' layout: two-space list indent, a blank line between items. */
export function renderItems(items: Record<string, unknown>[], indent: string): string {
  const doc = new Document(items);
  for (const node of (doc.contents as YAMLSeq).items) {
    for (const pair of (node as YAMLMap).items) {
      // Course exam lists are written `exams: [AZ-104]`, as the curated files do.
      if (isScalar(pair.key) && pair.key.value === 'exams' && isSeq(pair.value)) {
        pair.value.flow = true;
      }
    }
  }
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n')
    .replace(new RegExp(`\n${indent}- `, 'g'), `\n\n${indent}- `);
}

/** Appends items to the top-level list `kind` of a file (adding the list when missing). */
export function appendItems(
  text: string,
  document: Document.Parsed,
  kind: string,
  items: Record<string, unknown>[],
): Splice {
  const list = document.get(kind, true);
  if (isSeq(list) && list.items.length > 0 && !list.flow) {
    const last = list.items[list.items.length - 1] as Node;
    const indent = ' '.repeat(column(text, range(list)[0]));
    return {
      at: endOfLine(text, range(last)[1]),
      remove: 0,
      insert: `\n\n${renderItems(items, indent)}`,
    };
  }
  const body = `${kind}:\n${renderItems(items, '  ')}\n`;
  if (list === undefined) {
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    return { at: text.length, remove: 0, insert: separator + body };
  }
  const empty = (isSeq(list) && list.items.length === 0) || (isScalar(list) && list.value === null);
  if (!empty || !isMap(document.contents)) {
    throw new Error(`"${kind}" is not a block list, so imported items cannot be appended to it`);
  }
  // `kind: []` or a bare `kind:`: the pair is replaced by the list.
  const pair = document.contents.items.find((p) => isScalar(p.key) && p.key.value === kind) as Pair<
    Node,
    Node
  >;
  const start = range(pair.key)[0];
  const end = endOfLine(text, range(pair.value ?? pair.key)[1]);
  return { at: start, remove: end + 1 - start, insert: body };
}
