import { CertificationLevel } from '../../src/domain/vocabulary';
import { Catalog, ItemKind, RequirementSpec } from '../../src/seed/catalog';

/**
 * A seeded generator of certification catalogs shaped like the real one: a few levels of
 * certifications, each with its own exams, the upper ones offering a choice of lower ones. Used by
 * the property tests (small catalogs, checked by brute force) and by the benchmarks (large ones,
 * loaded into Neo4j). The same options and seed always give the same catalog.
 */
export interface SyntheticCatalogOptions {
  seed: number;
  /** How many certifications. */
  certifications: number;
  /** Levels of certifications; 1 means every certification needs exams only. */
  depth: number;
  /** Alternatives per ONE_OF choice (at least 2). */
  choiceWidth: number;
  /**
   * 0..1: how often an exam requirement reuses a recent exam of another certification, and how
   * often a second choice offers a certification the first choice offers too (0 = no sharing).
   */
  sharingRatio: number;
  /** 0..1: share of exams with a known price (default 0: like the seeds). */
  priceKnownRatio?: number;
  /** 0..1: share of courses with a known duration (default 0: like the seeds). */
  durationKnownRatio?: number;
}

/** Mulberry32: tiny, fast, and good enough to shape test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCE = 'https://example.invalid/synthetic-catalog';
const SYNTHETIC = { confidence: 'OFFICIAL' as const, sources: [SOURCE], notes: [] };
const LEVELS: CertificationLevel[] = ['ASSOCIATE', 'EXPERT', 'SPECIALTY'];

/** The seed catalog has 7 certifications, 2 levels and choices between 2 associates. */
export function seedSizedOptions(
  scale: number,
  seed = 1,
  sharingRatio = 0.1,
): SyntheticCatalogOptions {
  return { seed, certifications: 7 * scale, depth: 2, choiceWidth: 2, sharingRatio };
}

export function syntheticCatalog(options: SyntheticCatalogOptions): Catalog {
  const rand = random(options.seed);
  const chance = (p: number) => rand() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const catalog: Catalog = { certifications: [], exams: [], courses: [] };
  const location = (kind: ItemKind, index: number, code: string) => ({
    file: 'synthetic',
    kind,
    index,
    code,
  });

  const newExam = (): string => {
    const n = catalog.exams.length + 1;
    const code = `SYN-${n}`;
    catalog.exams.push({
      code,
      name: `Synthetic exam ${n}`,
      confidence: 'OFFICIAL',
      sources: [SOURCE],
      notes: [],
      price: chance(options.priceKnownRatio ?? 0)
        ? { usd: pick([99, 126, 165, 200]), provenance: SYNTHETIC }
        : undefined,
      location: location('exams', n - 1, code),
    });
    if (chance(0.9)) {
      const index = catalog.courses.length;
      // Now and then a course also covers the previous exam, as some real ones do.
      const exams = n > 1 && chance(0.1) ? [code, `SYN-${n - 1}`] : [code];
      catalog.courses.push({
        code: `${code}T00`,
        name: `Synthetic course for ${code}`,
        exams,
        confidence: 'OFFICIAL',
        sources: [SOURCE],
        notes: [],
        duration: chance(options.durationKnownRatio ?? 0)
          ? { hours: pick([8, 16, 24, 32]), provenance: SYNTHETIC }
          : undefined,
        location: location('courses', index, `${code}T00`),
      });
    }
    return code;
  };

  // Certifications per level: each level about half the size of the one below.
  const weights = Array.from({ length: options.depth }, (_, level) => 2 ** (options.depth - level));
  const total = weights.reduce((a, b) => a + b, 0);
  const perLevel = weights.map((w) =>
    Math.max(1, Math.round((options.certifications * w) / total)),
  );
  perLevel[0] += options.certifications - perLevel.reduce((a, b) => a + b, 0);
  const byLevel: string[][] = [];

  /** Recently created exams: what a new certification's exam may share with its neighbours. */
  const recentExams = (n: number) => catalog.exams.slice(-n).map((exam) => exam.code);
  let number = 0;
  for (let level = 0; level < options.depth; level++) {
    const lower = byLevel.flat();
    byLevel.push([]);
    for (let i = 0; i < perLevel[level] && number < options.certifications; i++) {
      const code = `synthetic-${++number}`;
      // Sharing comes in the two shapes real catalogs have: an exam that two certifications
      // both list (so a target reaching both takes it once), and an associate offered by two
      // different choices of one expert (any(A, B) and any(A, C)).
      const exam = (): RequirementSpec => ({
        exam:
          catalog.exams.length > 0 && chance(options.sharingRatio)
            ? pick(recentExams(8))
            : newExam(),
      });
      const requires: RequirementSpec[] = [];
      const offered: string[] = [];
      if (lower.length > 0) {
        const choices = chance(0.25) ? 2 : 1;
        for (let c = 0; c < choices; c++) {
          const alternatives: RequirementSpec[] = [];
          for (let a = 0; a < options.choiceWidth; a++) {
            const reuse = c > 0 && offered.length > 0 && chance(options.sharingRatio);
            const certification = reuse ? pick(offered) : pick(lower);
            alternatives.push(
              chance(0.2) ? { allOf: [{ certification }, exam()] } : { certification },
            );
          }
          for (const alternative of alternatives) {
            if ('certification' in alternative) offered.push(alternative.certification);
          }
          requires.push({ oneOf: dedupe(alternatives) });
        }
      }
      requires.push(exam());
      if (chance(0.3)) requires.push(exam());
      catalog.certifications.push({
        code,
        name: `Synthetic certification ${number}`,
        level: LEVELS[Math.min(level, LEVELS.length - 1)],
        requires: dedupe(requires),
        confidence: 'OFFICIAL',
        sources: [SOURCE],
        notes: [],
        location: location('certifications', number - 1, code),
      });
      byLevel[level].push(code);
    }
  }
  return catalog;
}

/** Drops repeated entries of one list (the seed format has no use for `X or X`). */
function dedupe(specs: RequirementSpec[]): RequirementSpec[] {
  const seen = new Set<string>();
  return specs.filter((spec) => {
    const key = JSON.stringify(spec);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
