import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { Catalog, SeedValidationError } from './catalog';
import { parseSeedFile } from './parse-seed-file';
import { validateCatalog } from './validate-catalog';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Reads every seeds/**\/*.yaml file and checks the whole; throws with every problem found. */
export async function loadSeeds(dir = SEEDS_DIR): Promise<Catalog> {
  const files = await yamlFiles(dir);
  if (files.length === 0) {
    throw new SeedValidationError([
      { location: { file: dir }, message: 'no .yaml seed files found' },
    ]);
  }
  const catalog: Catalog = { certifications: [], exams: [], courses: [] };
  const problems = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = parseSeedFile(shown, await readFile(file, 'utf8'));
    problems.push(...parsed.problems);
    catalog.certifications.push(...parsed.catalog.certifications);
    catalog.exams.push(...parsed.catalog.exams);
    catalog.courses.push(...parsed.catalog.courses);
  }
  // Cross-item checks only make sense once every item parsed: a reference to an item with a
  // typo in it would otherwise be reported as unknown too.
  if (problems.length === 0) problems.push(...validateCatalog(catalog));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return catalog;
}
