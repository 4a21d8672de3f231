import MiniSearch, { SearchResult } from 'minisearch';
import { Day } from '../../domain/days';
import { ItemStatus } from '../../domain/status';
import { AnyItem } from '../records';
import { CatalogSnapshot } from './catalog-snapshot';
import { statusIn } from './status';

/** A code as people type it: letters and digits only, lower case ("AZ 104", "az-104" → "az104"). */
export const compactCode = (text: string): string =>
  text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The words of what a person typed: query syntax (quotes, *, ~, AND, parentheses) is just text. */
export const wordsOf = (text: string): string[] =>
  text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

interface Indexed {
  id: string;
  code: string;
  name: string;
}

const indexes = new WeakMap<CatalogSnapshot, MiniSearch<Indexed>>();

/** The full-text index of a snapshot's codes and names, built once per snapshot. */
function indexOf(catalog: CatalogSnapshot): MiniSearch<Indexed> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new MiniSearch<Indexed>({
      fields: ['code', 'name'],
      // Codes split at their hyphens ("AZ-400T00" → az, 400t00), names at spaces and punctuation.
      tokenize: (text) => wordsOf(text),
    });
    index.addAll(
      (['Certification', 'Exam', 'Course'] as const).flatMap((label) =>
        catalog.sorted[label].map((item) => ({ id: item.id, code: item.code, name: item.name })),
      ),
    );
    indexes.set(catalog, index);
  }
  return index;
}

export interface SearchFilter {
  day: Day;
  statuses: readonly ItemStatus[];
  limit: number;
}

/**
 * Items whose code or name matches what a person typed, best first: an exact code (however it is
 * written: "AZ104", "az 104", "AZ-104"), then codes that start with it, then every word as a
 * prefix of a code or name word, a name word allowing one typo from four letters on (two from
 * eight); a word with a digit in it never fuzzy. Only items with one of `statuses` on the day; ties in code order.
 */
export function searchItems(
  catalog: CatalogSnapshot,
  text: string,
  filter: SearchFilter,
): AnyItem[] {
  const compact = compactCode(text);
  const words = wordsOf(text);
  const rank = new Map<string, number>();
  const index = indexOf(catalog);
  const add = (results: SearchResult[], base: number) => {
    for (const result of results) {
      const id = result.id as string;
      rank.set(id, Math.max(rank.get(id) ?? 0, base + result.score));
    }
  };
  const options = {
    prefix: true,
    // Numbers are never fuzzy: "6992" is not a typo of "1992", nor AZ-104 of AZ-204.
    fuzzy: (term: string) =>
      /\p{N}/u.test(term) ? false : term.length >= 8 ? 0.25 : term.length >= 4 ? 0.2 : false,
    boost: { code: 3 },
  };
  const all = index.search(words.join(' '), { ...options, combineWith: 'AND' });
  // Every word must match somewhere; only when no item has them all, any of them will do.
  add(all.length > 0 ? all : index.search(words.join(' '), { ...options, combineWith: 'OR' }), 0);
  const byCode = 1e6;
  for (const label of ['Certification', 'Exam', 'Course'] as const) {
    for (const item of catalog.sorted[label]) {
      const code = compactCode(item.code);
      if (code === compact) rank.set(item.id, 2 * byCode);
      else if (code.startsWith(compact)) {
        rank.set(item.id, Math.max(rank.get(item.id) ?? 0, byCode));
      }
    }
  }
  const allowed = new Set(filter.statuses);
  return [...rank.entries()]
    .map(([id, score]) => ({ item: catalog.itemById(id)!, score }))
    .filter(({ item }) => allowed.has(statusIn(catalog, item, filter.day)))
    .sort((a, b) => b.score - a.score || (a.item.code < b.item.code ? -1 : 1))
    .slice(0, filter.limit)
    .map(({ item }) => item);
}
