import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, Node, parseDocument } from 'yaml';
import { ItemKind } from '../seed/catalog';
import { ExistingItem } from './plan-merge';

export const KINDS: ItemKind[] = ['certifications', 'exams', 'courses'];

export interface SeedFile {
  /** Relative to the seeds root, with `/` separators. */
  name: string;
  text: string;
  document: Document.Parsed;
}

export interface SeedItem extends ExistingItem {
  file: SeedFile;
  kind: ItemKind;
  /** Position in the file's list of its kind. */
  index: number;
}

export interface SeedDocuments {
  files: Map<string, SeedFile>;
  items: Record<ItemKind, Map<string, SeedItem>>;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/**
 * Every seed file as text and as a YAML document, and every item by kind and code. The seeds are
 * read as YAML, not through the seed parser, so that edits can go back into the same nodes.
 */
export function indexSeedFiles(sources: { name: string; text: string }[]): SeedDocuments {
  const files = new Map<string, SeedFile>();
  const items: SeedDocuments['items'] = {
    certifications: new Map(),
    exams: new Map(),
    courses: new Map(),
  };
  for (const { name, text } of sources) {
    const file: SeedFile = { name, text, document: parseDocument(text) };
    files.set(name, file);
    for (const kind of KINDS) {
      const list = file.document.get(kind, true);
      if (!isSeq(list)) continue;
      list.items.forEach((node, index) => {
        if (!isMap(node)) return;
        const code = node.get('code');
        if (typeof code !== 'string' || items[kind].has(code)) return;
        const anchored = node.items
          .filter((pair) => Boolean((pair.value as Node | null)?.anchor))
          .map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
        const value = node.toJS(file.document) as Record<string, unknown>;
        items[kind].set(code, { value, anchored, file, kind, index });
      });
    }
  }
  return { files, items };
}

export async function readSeedDocuments(seedsDir: string): Promise<SeedDocuments> {
  const names = await yamlFiles(seedsDir);
  return indexSeedFiles(
    await Promise.all(
      names.map(async (name) => ({
        name,
        text: await readFile(path.join(seedsDir, name), 'utf8'),
      })),
    ),
  );
}
