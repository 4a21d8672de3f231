import { isDeepStrictEqual } from 'node:util';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  parseDocument,
  visit,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { Database } from '../db/database';
import { readGraph } from '../db/read-graph';
import { nodeId, PropertyGraph, relationshipId } from '../graph/model';
import { applySplices, appendItems, Splice } from '../import/yaml-edit';
import { Catalog, ItemKind } from '../seed/catalog';
import { catalogToGraph } from '../seed/catalog-to-graph';
import { itemToYaml, SeedYaml } from '../seed/catalog-to-yaml';
import { graphToCatalog } from '../seed/graph-to-catalog';
import { loadSeeds } from '../seed/load-seeds';
import { parseSeedFile } from '../seed/parse-seed-file';

const KINDS: ItemKind[] = ['certifications', 'exams', 'courses'];

export interface ExportReport {
  /** Seed files rewritten, relative to the seeds directory. */
  files: string[];
  added: string[];
  changed: string[];
  removed: string[];
}

/** A graph as sorted lines: equal iff the graphs hold the same nodes and edges. */
export function graphFingerprint(graph: PropertyGraph): string[] {
  const sortKeys = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).sort()));
  return [
    ...graph.nodes.map((n) => `node ${nodeId(n)} ${sortKeys(n.properties)}`),
    ...graph.relationships.map(
      (r) => `rel ${relationshipId(r)} ${r.position} ${sortKeys(r.properties ?? {})}`,
    ),
  ].sort();
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

type AnyItem = Catalog[ItemKind][number];

function range(node: Node): [number, number] {
  if (!node.range) throw new Error('a YAML node without a source range');
  return [node.range[0], node.range[1]];
}

/** From the start of the item's `- ` line to the end of its last character. */
function itemSpan(text: string, node: Node): { at: number; end: number; indent: string } {
  const [start, valueEnd] = range(node);
  const dash = text.lastIndexOf('-', start);
  const at = text.lastIndexOf('\n', dash) + 1;
  let end = valueEnd;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return { at, end, indent: text.slice(at, dash) };
}

/** The keys of a mapping node in their written order. */
const keysOf = (node: Node): string[] =>
  isMap(node)
    ? node.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key))
    : [];

/**
 * `value` with the keys the curator wrote in their order, and each new key placed before the
 * first written key that follows it in `value`'s own (canonical) order.
 */
function inOrder(value: SeedYaml, order: string[]): SeedYaml {
  const canonical = Object.keys(value);
  const keys = order.filter((k) => k in value);
  for (const key of canonical) {
    if (keys.includes(key)) continue;
    const later = canonical.slice(canonical.indexOf(key) + 1);
    const at = keys.findIndex((k) => later.includes(k));
    keys.splice(at === -1 ? keys.length : at, 0, key);
  }
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

/**
 * One item as a `- ` entry at `indent`, with the keys in the order the curator wrote them and
 * long texts folded near the seeds' width, so that a rewritten item diffs line by line.
 */
function renderItem(yaml: SeedYaml, indent: string, original?: Node): string {
  const value = original ? inOrder(yaml, keysOf(original)) : yaml;
  if (original && isMap(original)) {
    for (const pair of original.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const inner = value[key];
      if (isMap(pair.value) && inner && typeof inner === 'object' && !Array.isArray(inner)) {
        value[key] = inOrder(inner as SeedYaml, keysOf(pair.value));
      }
    }
  }
  const doc = new Document([value], { aliasDuplicateObjects: false });
  const item = (doc.contents as YAMLSeq).items[0] as YAMLMap;
  for (const pair of item.items) {
    // Course exam lists are written `exams: [AZ-104]`, as the curated files do.
    if (isScalar(pair.key) && pair.key.value === 'exams' && isSeq(pair.value)) {
      pair.value.flow = true;
    }
  }
  // Long texts as the seeds write them: `>-`, folded at the line width.
  const width = Math.max(60, 96 - indent.length);
  visit(doc, {
    Scalar: (_key, scalar) => {
      if (
        typeof scalar.value === 'string' &&
        scalar.value.includes(' ') &&
        scalar.value.length > 60
      ) {
        scalar.type = 'BLOCK_FOLDED';
      }
    },
  });
  return doc
    .toString({ lineWidth: width, flowCollectionPadding: false })
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n');
}

const anchorsIn = (node: Node): Set<string> => {
  const anchors = new Set<string>();
  visit(node, (_key, n) => {
    if (n && typeof n === 'object' && 'anchor' in n && typeof n.anchor === 'string') {
      anchors.add(n.anchor);
    }
  });
  return anchors;
};

const aliasesIn = (node: Node): Set<string> => {
  const aliases = new Set<string>();
  visit(node, {
    Alias: (_key, n) => {
      if (isAlias(n)) aliases.add(n.source);
    },
  });
  return aliases;
};

/**
 * Writes the graph back into seeds/: an item that is unchanged keeps its text byte for byte
 * (comments, anchors, wrapping); a changed one is written afresh where it was; a new one goes at
 * the end of the last file that lists its kind; a removed one goes. An unchanged item that used
 * an anchor of a rewritten one is written afresh too. Before anything is written, the result
 * must load (the seeds' loader) and stand for exactly the graph; else nothing is written.
 */
export async function exportSeeds(database: Database, seedsDir: string): Promise<ExportReport> {
  const graph = await database.read(readGraph);
  const target = graphToCatalog(graph);
  const wanted = new Map<string, { kind: ItemKind; yaml: SeedYaml }>();
  for (const kind of KINDS) {
    for (const item of target[kind] as AnyItem[]) {
      wanted.set(`${kind} ${item.code}`, { kind, yaml: itemToYaml(kind, item) });
    }
  }

  const report: ExportReport = { files: [], added: [], changed: [], removed: [] };
  const seen = new Set<string>();
  const texts = new Map<string, { before: string; after: string }>();
  const lastFileOf = new Map<ItemKind, string>();

  for (const name of await yamlFiles(seedsDir)) {
    const text = await readFile(path.join(seedsDir, name), 'utf8');
    const parsed = parseSeedFile(name, text);
    if (parsed.problems.length > 0) {
      throw new Error(`${name} does not load as it is; fix it before exporting`);
    }
    const document = parseDocument(text);
    const rewrite = new Map<Node, SeedYaml | null>(); // null: removed
    const kept: { node: Node }[] = [];
    for (const kind of KINDS) {
      const list = document.get(kind, true);
      if (!isSeq(list)) continue;
      lastFileOf.set(kind, name);
      (parsed.catalog[kind] as AnyItem[]).forEach((item, index) => {
        const node = list.items[index] as Node;
        const key = `${kind} ${item.code}`;
        seen.add(key);
        const want = wanted.get(key);
        if (!want) {
          rewrite.set(node, null);
          report.removed.push(item.code);
        } else if (!isDeepStrictEqual(itemToYaml(kind, item), want.yaml)) {
          rewrite.set(node, want.yaml);
          report.changed.push(item.code);
        } else {
          kept.push({ node });
        }
      });
    }
    // Aliases to an anchor of a rewritten item would dangle: write those items afresh too.
    for (let grew = true; grew;) {
      grew = false;
      const gone = new Set([...rewrite.keys()].flatMap((node) => [...anchorsIn(node)]));
      for (const { node } of kept) {
        if (rewrite.has(node) || ![...aliasesIn(node)].some((a) => gone.has(a))) continue;
        const value = (isMap(node) ? node.toJS(document) : {}) as { code?: string };
        const found = KINDS.map((kind) => wanted.get(`${kind} ${value.code}`)).find(Boolean);
        if (found) {
          rewrite.set(node, found.yaml);
          grew = true;
        }
      }
    }
    if (rewrite.size === 0) continue;
    const splices: Splice[] = [...rewrite].map(([node, yaml]) => {
      const { at, end, indent } = itemSpan(text, node);
      if (yaml) return { at, remove: end - at, insert: renderItem(yaml, indent, node) };
      // A removed item takes its line break and the blank line before it.
      const before = text.slice(0, at).match(/\n\s*$/)?.[0].length ?? 0;
      return { at: at - before, remove: end - at + before, insert: '' };
    });
    texts.set(name, { before: text, after: applySplices(text, splices) });
  }

  const added = new Map<string, SeedYaml[]>();
  for (const [key, { kind, yaml }] of wanted) {
    if (seen.has(key)) continue;
    const file = lastFileOf.get(kind) ?? `${kind}.yaml`;
    added.set(`${kind}\t${file}`, [...(added.get(`${kind}\t${file}`) ?? []), yaml]);
    report.added.push(String(yaml.code));
  }
  for (const [key, items] of added) {
    const [kind, file] = key.split('\t');
    const current =
      texts.get(file)?.after ?? (await readFile(path.join(seedsDir, file), 'utf8').catch(() => ''));
    const before = texts.get(file)?.before ?? current;
    const document = parseDocument(current);
    texts.set(file, {
      before,
      after: applySplices(current, [appendItems(current, document, kind, items)]),
    });
  }

  await checkAndWrite(seedsDir, texts, graph);
  report.files = [...texts.keys()].sort();
  return report;
}

/** The export must load and give exactly the graph; then each file is replaced by a rename. */
async function checkAndWrite(
  seedsDir: string,
  texts: Map<string, { before: string; after: string }>,
  graph: PropertyGraph,
): Promise<void> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'certgraph-export-'));
  try {
    await cp(seedsDir, copy, { recursive: true });
    for (const [name, { after }] of texts) await writeFile(path.join(copy, name), after);
    const exported = graphFingerprint(catalogToGraph(await loadSeeds(copy)));
    const expected = graphFingerprint(graph);
    if (!isDeepStrictEqual(exported, expected)) {
      const missing = expected.filter((line) => !exported.includes(line)).slice(0, 5);
      const extra = exported.filter((line) => !expected.includes(line)).slice(0, 5);
      throw new Error(
        `The export would not reproduce the graph; nothing was written.\n  missing: ${missing.join('\n    ')}\n  extra: ${extra.join('\n    ')}`,
      );
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  for (const [name, { after }] of texts) {
    const file = path.join(seedsDir, name);
    await writeFile(`${file}.export-tmp`, after);
    await rename(`${file}.export-tmp`, file);
  }
}
