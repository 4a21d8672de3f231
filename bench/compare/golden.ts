/**
 * The operations the tiers are compared on, the one canonical shape of each answer, and the
 * golden answers every response is checked against.
 *
 * lookup, tree, list and search are worked out here from the catalog that was loaded (the seeds
 * or the synthetic catalog), independently of every tier. plan and paths are certgraph's own
 * questions with tie rules of its own, so their golden answers were recorded once from certgraph
 * (`--record-golden`) and are committed in golden.json: a rewrite that changes an answer shows up
 * as an invalid cell.
 *
 * Tier processes load this file for the canonical shapes, so it takes nothing from certgraph at
 * run time (types only).
 */
import type { Catalog, PropertyGraph } from './project';

export const OPERATIONS = ['lookup', 'tree', 'list', 'search', 'plan', 'paths'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What each operation asks about in one dataset. */
export interface Targets {
  /** `lookup`: one certification and one exam, by code. */
  certification: string;
  exam: string;
  /** `tree`, `plan` and `paths`: this certification, on `asOf`. */
  target: string;
  asOf: string;
  /** `list`: the first `listSize` certifications by code. */
  listSize: number;
  /** `search`: full-text search for this, at most `searchSize` results. */
  search: string;
  searchSize: number;
}

/** The fixed day of `npm run bench` too, so that runs on different days compare. */
export const BENCH_DAY = '2026-11-27';

export function seedTargets(): Targets {
  return {
    certification: 'devops-engineer',
    exam: 'AZ-400',
    target: 'devops-engineer',
    asOf: BENCH_DAY,
    listSize: 20,
    search: 'devops',
    searchSize: 10,
  };
}

/**
 * In the synthetic catalog: the last expert with two choices, one of them an alternative that
 * needs several things, so that three levels reach groups, nested groups, certifications and exams.
 */
export function syntheticTargets(catalog: Catalog): Targets {
  const target = catalog.certifications
    .filter(
      (c) =>
        c.level === 'EXPERT' &&
        c.requires.filter((r) => 'oneOf' in r).length === 2 &&
        c.requires.some((r) => 'oneOf' in r && r.oneOf.some((a) => 'allOf' in a)),
    )
    .at(-1)!;
  const exam = target.requires.find((r) => 'exam' in r) as { exam: string };
  const number = target.code.split('-').at(-1);
  return {
    certification: target.code,
    exam: exam.exam,
    target: target.code,
    asOf: BENCH_DAY,
    listSize: 20,
    search: `syn ${number}`,
    searchSize: 10,
  };
}

// Canonical shapes: every tier's answer is brought into these before comparing.

export interface LookupAnswer {
  certification: { code: string; name: string; level: string; url: string | null } | null;
  exam: { code: string; name: string; url: string | null } | null;
}

/** The requirement tree as sorted node keys (codes, group ids) and `from TYPE to` edges. */
export interface TreeAnswer {
  nodes: string[];
  edges: string[];
}

export type ListAnswer = { code: string; name: string; level: string }[];

/** `Kind:code` of every result, sorted: the golden answer is a set (see searchGolden). */
export type SearchAnswer = string[];

export interface PathAnswer {
  examCount: number;
  steps: { exam: string; completes: string[]; courses: string[] }[];
}
export type PlanAnswer = { optimal: boolean | null } & PathAnswer;
export interface PathsAnswer {
  totalCount: number;
  paths: PathAnswer[];
}

/** The fields the scalar operations read, as any tier (or the catalog) has them. */
type Fields = { code?: unknown; name?: unknown; level?: unknown; url?: unknown };

export const lookupAnswer = (
  certification: Fields | null | undefined,
  exam: Fields | null | undefined,
): LookupAnswer => ({
  certification: certification
    ? {
        code: String(certification.code),
        name: String(certification.name),
        level: String(certification.level),
        url: (certification.url as string | undefined) ?? null,
      }
    : null,
  exam: exam
    ? {
        code: String(exam.code),
        name: String(exam.name),
        url: (exam.url as string | undefined) ?? null,
      }
    : null,
});

export function treeAnswer(
  root: string,
  edges: { from: string; to: string; type: string }[],
): TreeAnswer {
  const nodes = new Set([root]);
  const lines = new Set<string>();
  for (const edge of edges) {
    nodes.add(edge.from).add(edge.to);
    lines.add(`${edge.from} ${edge.type} ${edge.to}`);
  }
  return { nodes: [...nodes].sort(), edges: [...lines].sort() };
}

export const listAnswer = (items: Fields[]): ListAnswer =>
  items.map((item) => ({
    code: String(item.code),
    name: String(item.name),
    level: String(item.level),
  }));

export const searchAnswer = (items: { kind: string; code: string }[]): SearchAnswer =>
  items.map((item) => `${item.kind}:${item.code}`).sort();

interface StepLike {
  exam: { code: string };
  completes: { code: string }[];
  courses: { code: string }[];
}
const codes = (items: { code: string }[]) => items.map((item) => item.code);

export const pathAnswer = (path: { examCount: number; steps: StepLike[] }): PathAnswer => ({
  examCount: path.examCount,
  steps: path.steps.map((step) => ({
    exam: step.exam.code,
    completes: codes(step.completes),
    courses: codes(step.courses),
  })),
});

/** Takes certgraph's GraphQL answer and the in-process call's result alike: same fields. */
export function planAnswer(
  plan: { optimal: boolean | null; path: { examCount: number; steps: StepLike[] } | null } | null,
): PlanAnswer | null {
  if (!plan) return null;
  return { optimal: plan.optimal, ...pathAnswer(plan.path ?? { examCount: 0, steps: [] }) };
}

export const pathsAnswer = (paths: {
  totalCount: number;
  nodes: { examCount: number; steps: StepLike[] }[];
}): PathsAnswer => ({ totalCount: paths.totalCount, paths: paths.nodes.map(pathAnswer) });

// Golden answers from the catalog.

const appliesOn = (day: string, from?: unknown, until?: unknown) =>
  (from === undefined || (from as string) <= day) &&
  (until === undefined || day <= (until as string));

/** Every REQUIRES/ONE_OF edge within `depth` hops of the root, each hop applying on the day. */
export function treeGolden(graph: PropertyGraph, root: string, day: string, depth = 3): TreeAnswer {
  const out = new Map<string, { from: string; to: string; type: string }[]>();
  for (const r of graph.relationships) {
    if (r.type !== 'REQUIRES' && r.type !== 'ONE_OF') continue;
    if (!appliesOn(day, r.properties?.validFrom, r.properties?.validUntil)) continue;
    const edges = out.get(r.from.key) ?? [];
    edges.push({ from: r.from.key, to: r.to.key, type: r.type });
    out.set(r.from.key, edges);
  }
  const edges: { from: string; to: string; type: string }[] = [];
  let frontier = [root];
  for (let hop = 0; hop < depth; hop++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const edge of out.get(key) ?? []) {
        edges.push(edge);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  return treeAnswer(root, edges);
}

export function lookupGolden(catalog: Catalog, targets: Targets): LookupAnswer {
  const certification = catalog.certifications.find((c) => c.code === targets.certification);
  const exam = catalog.exams.find((e) => e.code === targets.exam);
  return lookupAnswer(certification, exam);
}

export function listGolden(catalog: Catalog, size: number): ListAnswer {
  const sorted = [...catalog.certifications].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  return listAnswer(sorted.slice(0, size));
}

/** Letters and digits, lower case: how Lucene's standard analyzer splits codes and names. */
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Every item whose code or name has, for each word searched, a word starting with it: what
 * `word1* AND word2*` finds in the catalog_search index. Ranking is the index's own business, so
 * the golden answer is the set of items, and the search text must match no more than one page.
 */
export function searchGolden(catalog: Catalog, text: string, size: number): SearchAnswer {
  const wanted = words(text);
  const found: { kind: string; code: string }[] = [];
  const kinds = [
    ['Certification', catalog.certifications],
    ['Exam', catalog.exams],
    ['Course', catalog.courses],
  ] as const;
  for (const [kind, items] of kinds) {
    for (const item of items) {
      const own = [...words(item.code), ...words(item.name)];
      if (wanted.every((w) => own.some((o) => o.startsWith(w)))) {
        found.push({ kind, code: item.code });
      }
    }
  }
  if (found.length > size) {
    throw new Error(`search "${text}" matches ${found.length} items, more than one page (${size})`);
  }
  return searchAnswer(found);
}

/** plan and paths as recorded from certgraph (golden.json), for one dataset. */
export interface Recorded {
  target: string;
  asOf: string;
  plan: PlanAnswer | null;
  paths: PathsAnswer;
}

/** The golden answer of each operation, as canonical JSON text (what responses are compared to). */
export type Golden = Partial<Record<Operation, string>>;

export function goldenAnswers(
  catalog: Catalog,
  graph: PropertyGraph,
  targets: Targets,
  recorded?: Recorded,
): Golden {
  const golden: Golden = {
    lookup: JSON.stringify(lookupGolden(catalog, targets)),
    tree: JSON.stringify(treeGolden(graph, targets.target, targets.asOf)),
    list: JSON.stringify(listGolden(catalog, targets.listSize)),
    search: JSON.stringify(searchGolden(catalog, targets.search, targets.searchSize)),
  };
  if (recorded && recorded.target === targets.target && recorded.asOf === targets.asOf) {
    golden.plan = JSON.stringify(recorded.plan);
    golden.paths = JSON.stringify(recorded.paths);
  }
  return golden;
}

/** Where two canonical answers first differ, for the reason shown in the table. */
export function firstDifference(actual: unknown, golden: unknown, at = ''): string | null {
  if (JSON.stringify(actual) === JSON.stringify(golden)) return null;
  if (Array.isArray(actual) && Array.isArray(golden)) {
    if (actual.length !== golden.length) {
      const missing = golden.filter(
        (g) => !actual.some((a) => JSON.stringify(a) === JSON.stringify(g)),
      );
      const extra = actual.filter(
        (a) => !golden.some((g) => JSON.stringify(a) === JSON.stringify(g)),
      );
      return (
        `${at || 'answer'}: ${actual.length} items, golden ${golden.length}` +
        (missing.length ? `; missing ${JSON.stringify(missing.slice(0, 3))}` : '') +
        (extra.length ? `; extra ${JSON.stringify(extra.slice(0, 3))}` : '')
      );
    }
    for (let i = 0; i < actual.length; i++) {
      const difference = firstDifference(actual[i], golden[i], `${at}[${i}]`);
      if (difference) return difference;
    }
  }
  if (actual && golden && typeof actual === 'object' && typeof golden === 'object') {
    for (const key of new Set([...Object.keys(actual), ...Object.keys(golden)])) {
      const difference = firstDifference(
        (actual as Record<string, unknown>)[key],
        (golden as Record<string, unknown>)[key],
        at ? `${at}.${key}` : key,
      );
      if (difference) return difference;
    }
  }
  return `${at || 'answer'}: ${JSON.stringify(actual)?.slice(0, 120)}, golden ${JSON.stringify(golden)?.slice(0, 120)}`;
}
