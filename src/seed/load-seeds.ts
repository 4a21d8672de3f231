import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import {
  Catalog,
  Provenance,
  RequirementSpec,
  SeedLocation,
  SeedProblem,
  SeedValidationError,
} from './catalog';
import { parseSeedFile, SEED_DOCUMENT_PATH } from './parse-seed-file';
import { validateCatalog } from './validate-catalog';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every source the catalog cites, where it is cited. */
function* citations(
  catalog: Catalog,
): Generator<{ source: string; location: SeedLocation; field: string }> {
  const cited = function* (location: SeedLocation, field: string, provenance?: Provenance) {
    for (const source of provenance?.sources ?? []) yield { source, location, field };
  };
  const inRequirements = function* (
    location: SeedLocation,
    specs: RequirementSpec[],
    field: string,
  ): Generator<{ source: string; location: SeedLocation; field: string }> {
    for (const [i, spec] of specs.entries()) {
      yield* cited(location, `${field}[${i}].sources`, spec.provenance);
      if ('oneOf' in spec) yield* inRequirements(location, spec.oneOf, `${field}[${i}].oneOf`);
      if ('allOf' in spec) yield* inRequirements(location, spec.allOf, `${field}[${i}].allOf`);
    }
  };
  for (const item of [...catalog.certifications, ...catalog.exams, ...catalog.courses]) {
    yield* cited(item.location, 'sources', item);
    yield* cited(item.location, 'lifecycle.sources', item.lifecycle?.provenance);
  }
  for (const cert of catalog.certifications) {
    yield* inRequirements(cert.location, cert.requires, 'requires');
  }
  for (const exam of catalog.exams) {
    yield* cited(exam.location, 'price.sources', exam.price?.provenance);
  }
  for (const course of catalog.courses) {
    yield* cited(course.location, 'duration.sources', course.duration?.provenance);
  }
  for (const policy of catalog.validityPolicies ?? []) {
    yield* cited(policy.location, 'validity.sources', policy.validity.provenance);
    yield* cited(policy.location, 'renewal.sources', policy.renewal?.provenance);
    yield* cited(policy.location, 'onExpiry.sources', policy.onExpiry?.provenance);
  }
}

/** A source that is a document kept in seeds/ (`seeds/…`) must be there, in `dir`. */
async function missingDocuments(dir: string, catalog: Catalog): Promise<SeedProblem[]> {
  const present = new Map<string, boolean>();
  const problems: SeedProblem[] = [];
  for (const { source, location, field } of citations(catalog)) {
    if (!SEED_DOCUMENT_PATH.test(source)) continue;
    if (!present.has(source)) {
      const file = path.join(dir, source.slice('seeds/'.length));
      present.set(
        source,
        await access(file).then(
          () => true,
          () => false,
        ),
      );
    }
    if (!present.get(source)) {
      problems.push({ location, field, message: `${source} is not in the seeds directory` });
    }
  }
  return problems;
}

/** Reads every seeds/**\/*.yaml file and checks the whole; throws with every problem found. */
export async function loadSeeds(dir = SEEDS_DIR): Promise<Catalog> {
  const files = await yamlFiles(dir);
  if (files.length === 0) {
    throw new SeedValidationError([
      { location: { file: dir }, message: 'no .yaml seed files found' },
    ]);
  }
  const catalog: Catalog = { certifications: [], exams: [], courses: [], validityPolicies: [] };
  const problems = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const parsed = parseSeedFile(shown, await readFile(file, 'utf8'));
    problems.push(...parsed.problems);
    catalog.certifications.push(...parsed.catalog.certifications);
    catalog.exams.push(...parsed.catalog.exams);
    catalog.courses.push(...parsed.catalog.courses);
    catalog.validityPolicies?.push(...(parsed.catalog.validityPolicies ?? []));
  }
  // Cross-item checks only make sense once every item parsed: a reference to an item with a
  // typo in it would otherwise be reported as unknown too.
  if (problems.length === 0) problems.push(...validateCatalog(catalog));
  if (problems.length === 0) problems.push(...(await missingDocuments(dir, catalog)));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return catalog;
}
