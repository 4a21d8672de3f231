import MiniSearch from 'minisearch';
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

interface Entry {
  item: AnyItem;
  /** Position in code order: ties rank by it. */
  order: number;
  codeWords: string[];
  nameWords: string[];
}

/**
 * What a snapshot is searched with, built once per snapshot: every item's words, a sorted
 * vocabulary with the entries of each word (so a prefix is a range, found by binary search), and
 * the compact codes in order (so a code prefix is a range too). The fuzzy index is built only
 * when a search first needs it.
 */
interface SearchIndex {
  entries: Entry[];
  vocabulary: string[];
  postings: Map<string, number[]>;
  compactCodes: { compact: string; entry: number }[];
  fuzzy?: MiniSearch<{ id: number; code: string; name: string }>;
}

const indexes = new WeakMap<CatalogSnapshot, SearchIndex>();

function indexOf(catalog: CatalogSnapshot): SearchIndex {
  let index = indexes.get(catalog);
  if (index) return index;
  const entries: Entry[] = [];
  const postings = new Map<string, number[]>();
  for (const label of ['Certification', 'Exam', 'Course'] as const) {
    for (const item of catalog.sorted[label]) {
      const entry: Entry = {
        item,
        order: 0,
        codeWords: wordsOf(item.code),
        nameWords: wordsOf(item.name),
      };
      const at = entries.push(entry) - 1;
      for (const word of new Set([...entry.codeWords, ...entry.nameWords])) {
        const list = postings.get(word);
        if (list) list.push(at);
        else postings.set(word, [at]);
      }
    }
  }
  const byCode = entries.map((_, i) => i).sort((a, b) => compare(entries[a], entries[b]));
  byCode.forEach((entry, order) => (entries[entry].order = order));
  const compactCodes = entries
    .map((entry, i) => ({ compact: compactCode(entry.item.code), entry: i }))
    .sort((a, b) => (a.compact < b.compact ? -1 : a.compact > b.compact ? 1 : 0));
  index = { entries, vocabulary: [...postings.keys()].sort(), postings, compactCodes };
  indexes.set(catalog, index);
  return index;
}

const compare = (a: Entry, b: Entry) =>
  a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0;

/** The first position in `sorted` whose key is not below `prefix`. */
function lowerBound<T>(sorted: readonly T[], prefix: string, key: (t: T) => string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(sorted[mid]) < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The vocabulary words that start with `prefix`, and how many entries they hold (up to `cap`). */
function wordsStartingWith(index: SearchIndex, prefix: string, cap: number) {
  const words: string[] = [];
  let count = 0;
  for (let i = lowerBound(index.vocabulary, prefix, (w) => w); i < index.vocabulary.length; i++) {
    const word = index.vocabulary[i];
    if (!word.startsWith(prefix)) break;
    words.push(word);
    count += index.postings.get(word)!.length;
    if (count > cap) break;
  }
  return { words, count };
}

/**
 * How well an entry matches one typed word: an exact code word 6, a code word it starts 3, an
 * exact name word 2, a name word it starts 1, none 0.
 */
function wordScore(entry: Entry, typed: string): number {
  let best = 0;
  for (const word of entry.codeWords) {
    if (word === typed) return 6;
    if (word.startsWith(typed)) best = 3;
  }
  if (best > 0) return best;
  for (const word of entry.nameWords) {
    if (word === typed) return 2;
    if (word.startsWith(typed)) best = 1;
  }
  return best;
}

/**
 * The entries that have every typed word as a prefix of one of their words. Starts from the
 * rarest word (the fewest entries) and checks the others on its entries only, so that a common
 * word ("syn" in a catalog of synthetic-N items) costs nothing next to a rare one ("6992").
 */
function entriesWithEveryWord(index: SearchIndex, words: string[]): Map<number, number> {
  let rarest: { words: string[]; count: number } | undefined;
  for (const typed of new Set(words)) {
    const found = wordsStartingWith(index, typed, rarest?.count ?? Infinity);
    if (!rarest || found.count < rarest.count) rarest = found;
    if (found.count === 0) return new Map();
  }
  const scores = new Map<number, number>();
  for (const word of rarest!.words) {
    for (const at of index.postings.get(word)!) {
      if (scores.has(at)) continue;
      let score = 0;
      for (const typed of words) {
        const s = wordScore(index.entries[at], typed);
        if (s === 0) {
          score = 0;
          break;
        }
        score += s;
      }
      if (score > 0) scores.set(at, score);
    }
  }
  return scores;
}

/** Typos: MiniSearch's fuzzy matching, a word of four letters on allowing one edit, eight two. */
function fuzzyEntries(index: SearchIndex, words: string[]): Map<number, number> {
  if (!index.fuzzy) {
    index.fuzzy = new MiniSearch({ fields: ['code', 'name'], tokenize: (text) => wordsOf(text) });
    index.fuzzy.addAll(
      index.entries.map((entry, id) => ({ id, code: entry.item.code, name: entry.item.name })),
    );
  }
  const options = {
    prefix: true,
    // Numbers are never fuzzy: "6992" is not a typo of "1992", nor AZ-104 of AZ-204.
    fuzzy: (term: string) =>
      /\p{N}/u.test(term) ? false : term.length >= 8 ? 0.25 : term.length >= 4 ? 0.2 : false,
    boost: { code: 3 },
  };
  const text = words.join(' ');
  let results = index.fuzzy.search(text, { ...options, combineWith: 'AND' });
  // Every word must match somewhere; only when no item has them all, any of them will do.
  if (results.length === 0) results = index.fuzzy.search(text, { ...options, combineWith: 'OR' });
  return new Map(results.map((result) => [result.id as number, result.score]));
}

export interface SearchFilter {
  day: Day;
  statuses: readonly ItemStatus[];
  limit: number;
}

/**
 * Items whose code or name matches what a person typed, best first: an exact code (however it is
 * written: "AZ104", "az 104", "AZ-104"), then codes that start with it, then items with every
 * word as a prefix of a code or name word (exact words and code words first, then shorter names).
 * Only when no item has every word, a name word may carry a typo (one from four letters on, two
 * from eight; never in a number). Only items with one of `statuses` on the day; ties in code order.
 */
export function searchItems(
  catalog: CatalogSnapshot,
  text: string,
  filter: SearchFilter,
): AnyItem[] {
  const index = indexOf(catalog);
  const words = wordsOf(text);
  const scores = entriesWithEveryWord(index, words);
  const ranked = scores.size > 0 ? scores : fuzzyEntries(index, words);
  const byCode = 1e6;
  const compact = compactCode(text);
  const start = lowerBound(index.compactCodes, compact, (c) => c.compact);
  for (let i = start; i < index.compactCodes.length; i++) {
    const { compact: code, entry } = index.compactCodes[i];
    if (!code.startsWith(compact)) break;
    ranked.set(entry, (code === compact ? 2 * byCode : byCode) + (ranked.get(entry) ?? 0));
  }
  const allowed = new Set(filter.statuses);
  const shorter = (at: number) =>
    index.entries[at].nameWords.length + index.entries[at].codeWords.length;
  const found: AnyItem[] = [];
  const order = [...ranked.entries()].sort(
    ([a, scoreA], [b, scoreB]) =>
      scoreB - scoreA ||
      // Among code matches, code order; among word matches, the shorter item first.
      (scoreA < byCode ? shorter(a) - shorter(b) : 0) ||
      index.entries[a].order - index.entries[b].order,
  );
  for (const [at] of order) {
    if (found.length >= filter.limit) break;
    const { item } = index.entries[at];
    if (allowed.has(statusIn(catalog, item, filter.day))) found.push(item);
  }
  return found;
}
