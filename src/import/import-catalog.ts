import path from 'node:path';
import { today } from '../domain/days';
import { formatProblem, SeedValidationError } from '../seed/catalog';
import { loadSeeds, SEEDS_DIR } from '../seed/load-seeds';
import { applyPlan } from './apply-merge';
import { readLearnCatalog } from './learn-catalog';
import { planMerge } from './plan-merge';
import { ImportReport } from './report';
import { readSeedDocuments } from './seed-documents';
import { ImportRejectedError, writeSeedsIfValid } from './write-seeds';

export interface ImportOptions {
  /** A saved Learn Catalog API response. */
  file: string;
  /** The seeds root; default: the project's seeds/. */
  seedsDir?: string;
  /** Where new items go, inside the seeds root; default: <seeds>/microsoft/imported. */
  intoDir?: string;
  dryRun?: boolean;
  /** YYYY-MM-DD; default: today (UTC), the API's default `asOf` too. */
  date?: string;
}

/**
 * Merges a Learn Catalog API response into the seeds: all or nothing, and only after the merged
 * seeds pass the same validation as `npm run seed`. Throws CatalogInputError for an unusable
 * input and ImportRejectedError when the seeds are (or would become) invalid.
 */
export async function importLearnCatalog(options: ImportOptions): Promise<ImportReport> {
  const seedsDir = path.resolve(options.seedsDir ?? SEEDS_DIR);
  const intoDir = path.resolve(options.intoDir ?? path.join(seedsDir, 'microsoft', 'imported'));
  const into = path.relative(seedsDir, intoDir);
  if (into === '' || into.startsWith('..') || path.isAbsolute(into)) {
    throw new Error(`--into ${intoDir} must be a folder inside the seeds folder ${seedsDir}`);
  }
  const date = options.date ?? today();
  const learn = await readLearnCatalog(options.file);
  try {
    await loadSeeds(seedsDir);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    const count = `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`;
    throw new ImportRejectedError(
      error.problems,
      `The seeds already have ${count}; fix them before importing. Nothing was written:\n  ` +
        error.problems.map(formatProblem).join('\n  '),
    );
  }
  const seeds = await readSeedDocuments(seedsDir);
  const plan = planMerge(learn, seeds.items, { fileName: path.basename(options.file), date });
  const changes = applyPlan(plan, seeds, into.split(path.sep).join('/'));
  if (changes.size > 0) {
    await writeSeedsIfValid(seedsDir, changes, { dryRun: options.dryRun ?? false });
  }
  return {
    input: options.file,
    date,
    dryRun: options.dryRun ?? false,
    added: {
      certifications: plan.added.filter((i) => i.kind === 'certifications').map((i) => i.code),
      exams: plan.added.filter((i) => i.kind === 'exams').map((i) => i.code),
      courses: plan.added.filter((i) => i.kind === 'courses').map((i) => i.code),
    },
    changed: plan.changed,
    skipped: plan.skipped,
    files: [...changes.keys()].sort(),
  };
}
