import { Document, isAlias, isSeq, Node, parseDocument, YAMLMap } from 'yaml';
import { ItemKind } from '../seed/catalog';
import { MergePlan } from './plan-merge';
import { Change } from './report';
import { SeedDocuments } from './seed-documents';
import {
  addBlock,
  addPair,
  appendItems,
  appendToSeq,
  applySplices,
  renderItems,
  replaceAliasWithList,
  setValue,
  Splice,
} from './yaml-edit';

/** A seed file's text before (undefined: a new file) and after the import. */
export interface FileChange {
  before?: string;
  after: string;
}

const HEADER = `# Items added by \`npm run import\` from the Microsoft Learn Catalog API (docs/importer.md).
# Curate them like any other item; a later import updates names, urls, levels, durations and
# course-exam links only, and never requires.
`;

/** Where a field missing from an item goes, after the first of these keys it has. */
const PLACE_AFTER: Record<string, string[]> = {
  level: ['name'],
  url: ['level', 'name'],
  duration: ['exams', 'url', 'name'],
};

function editFor(text: string, map: YAMLMap, change: Change): Splice {
  const node = map.get(change.field, true) as Node | undefined;
  if (Array.isArray(change.to)) {
    if (isAlias(node)) return replaceAliasWithList(text, map, node, change.to);
    if (!isSeq(node)) throw new Error(`${change.code}: ${change.field} is not a list`);
    const before = new Set(Array.isArray(change.from) ? change.from : []);
    return appendToSeq(
      text,
      node,
      change.to.filter((value) => !before.has(value)),
    );
  }
  if (typeof change.to === 'object') {
    if (node !== undefined) throw new Error(`${change.code}: ${change.field} is already there`);
    return addBlock(text, map, change.field, change.to, PLACE_AFTER[change.field] ?? []);
  }
  if (node === undefined) {
    return addPair(text, map, change.field, change.to, PLACE_AFTER[change.field] ?? []);
  }
  return setValue(node, change.to);
}

function groupBy<T, K>(values: T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/**
 * Turns a plan into new text for each seed file it touches: changes spliced into existing items,
 * new items appended to `<intoDir>/<kind>.yaml`. Each result is parsed again and compared with
 * what the plan meant, so that a splicing mistake can never reach the seeds.
 */
export function applyPlan(
  plan: MergePlan,
  seeds: SeedDocuments,
  intoDir: string,
): Map<string, FileChange> {
  const splices = new Map<string, Splice[]>();
  const expected: { file: string; kind: ItemKind; index: number; value: unknown }[] = [];
  const spliceInto = (file: string, splice: Splice) =>
    splices.set(file, [...(splices.get(file) ?? []), splice]);

  const byItem = groupBy(plan.changed, (change) => `${change.kind} ${change.code}`);
  for (const changes of byItem.values()) {
    const item = seeds.items[changes[0].kind].get(changes[0].code)!;
    const map = item.file.document.getIn([item.kind, item.index], true) as YAMLMap;
    const value = { ...item.value };
    for (const change of changes) {
      spliceInto(item.file.name, editFor(item.file.text, map, change));
      value[change.field] = change.to;
    }
    expected.push({ file: item.file.name, kind: item.kind, index: item.index, value });
  }

  const files = new Map<string, FileChange>();
  for (const [kind, items] of groupBy(plan.added, (item) => item.kind)) {
    const name = `${intoDir}/${kind}.yaml`;
    const values = items.map((item) => item.value);
    const file = seeds.files.get(name);
    const start = file ? itemCount(file.document, kind) : 0;
    values.forEach((value, i) => expected.push({ file: name, kind, index: start + i, value }));
    if (file) spliceInto(name, appendItems(file.text, file.document, kind, values));
    else files.set(name, { after: `${HEADER}${kind}:\n${renderItems(values, '  ')}\n` });
  }
  for (const [name, list] of splices) {
    const before = seeds.files.get(name)!.text;
    files.set(name, { before, after: applySplices(before, list) });
  }

  for (const [name, change] of files) {
    const document = parseDocument(change.after);
    const mine = expected.filter((e) => e.file === name);
    for (const { kind, index, value } of mine) {
      const actual: unknown = (document.getIn([kind, index], true) as YAMLMap | undefined)?.toJS(
        document,
      );
      if (document.errors.length > 0 || canonical(actual) !== canonical(value)) {
        throw new Error(
          `internal error: editing ${name} (${kind}[${index}]) went wrong; nothing written`,
        );
      }
    }
  }
  return files;
}

function itemCount(document: Document.Parsed, kind: string): number {
  const list = document.get(kind, true);
  return isSeq(list) ? list.items.length : 0;
}
