import { stringify } from 'yaml';
import { certificationCode, examOrCourseCode } from '../domain/codes';
import { Confidence, weakest } from '../domain/confidence';
import { addDays } from '../domain/days';
import { CertificationLevel, RequirementMode } from '../domain/vocabulary';
import {
  Catalog,
  CertificationSeed,
  CourseSeed,
  describeItem,
  ExamSeed,
  ItemKind,
  Located,
  Provenance,
  RequirementSpec,
  SeedProblem,
} from '../seed/catalog';
import { itemToYaml, SeedYaml } from '../seed/catalog-to-yaml';
import { parseSeedFile } from '../seed/parse-seed-file';
import { validateCatalog } from '../seed/validate-catalog';

/** The file name refusals show for the item a mutation would write. */
const MUTATION_FILE = 'mutation';

/** One reason a mutation is refused: the argument it comes from, and the seeds' own message. */
export interface CurationProblem {
  /** The argument path, e.g. `["input", "sources"]` or `["requirements", "items", 1]`. */
  path: (string | number)[];
  /** The item it concerns, as the seeds name one: `certifications[3] "devops-engineer"`. */
  item?: string;
  /** The field inside that item, as the seeds name it: `requires[0].oneOf[1].exam`. */
  field?: string;
  message: string;
}

/** A mutation that cannot be applied; nothing is written. */
export class CurationRefusal extends Error {
  override name = 'CurationRefusal';
  constructor(readonly problems: CurationProblem[]) {
    super(
      `Refused, nothing was written: ${problems
        .map((p) =>
          [p.path.join('.'), p.item, p.field, p.message].filter((part) => part).join(': '),
        )
        .join('; ')}`,
    );
  }
}

export interface ItemRef {
  kind: ItemKind;
  code: string;
}

/** What a mutation did to the catalog: the new whole, and the items it touched. */
export interface Applied {
  catalog: Catalog;
  touched: ItemRef[];
}

type AnyItem = Located<CertificationSeed> | Located<ExamSeed> | Located<CourseSeed>;

export function findItem(
  catalog: Catalog,
  code: string,
): { kind: ItemKind; item: AnyItem } | undefined {
  for (const kind of ['certifications', 'exams', 'courses'] as const) {
    const wanted = kind === 'certifications' ? certificationCode(code) : examOrCourseCode(code);
    const item = (catalog[kind] as AnyItem[]).find((x) => x.code === wanted);
    if (item) return { kind, item };
  }
  return undefined;
}

/** Which argument a problem in the seeds' terms comes from, for one mutation. */
export type ArgumentPathOf = (
  field: string | undefined,
  sameItem: boolean,
) => CurationProblem['path'];

/**
 * Parses one item as the seed files are parsed: the same schema, the same messages (missing
 * sources or grade, a code in the wrong case, a date that is not a day).
 */
function parseItem(kind: ItemKind, raw: SeedYaml, pathOf: ArgumentPathOf): AnyItem {
  const parsed = parseSeedFile(
    MUTATION_FILE,
    stringify({ [kind]: [raw] }, { aliasDuplicateObjects: false }),
  );
  if (parsed.problems.length > 0) {
    throw new CurationRefusal(
      parsed.problems.map((problem) => toCurationProblem(problem, true, pathOf)),
    );
  }
  return parsed.catalog[kind][0];
}

function toCurationProblem(
  problem: SeedProblem,
  sameItem: boolean,
  pathOf: ArgumentPathOf,
): CurationProblem {
  const { location } = problem;
  return {
    path: pathOf(problem.field, sameItem),
    ...('kind' in location && { item: describeItem({ ...location, index: location.index }) }),
    ...(problem.field && { field: problem.field }),
    message: problem.message,
  };
}

/** The catalog with `item` in place of the item of its code (or added), checked as a whole. */
function withItem(
  catalog: Catalog,
  kind: ItemKind,
  raw: SeedYaml,
  pathOf: ArgumentPathOf,
): Applied {
  const item = parseItem(kind, raw, pathOf);
  const list = catalog[kind] as AnyItem[];
  const at = list.findIndex((x) => x.code === item.code);
  const location = { ...item.location, index: at === -1 ? list.length : at };
  const next =
    at === -1
      ? [...list, { ...item, location }]
      : list.map((x, i) => (i === at ? { ...item, location } : x));
  const result = { ...catalog, [kind]: next };
  check(result, { kind, code: item.code }, pathOf);
  return { catalog: result, touched: [{ kind, code: item.code }] };
}

/** The checks across items, by the seeds' own validator: references, duplicates, cycles. */
function check(catalog: Catalog, touched: ItemRef | undefined, pathOf: ArgumentPathOf): void {
  const problems = validateCatalog(catalog);
  if (problems.length === 0) return;
  throw new CurationRefusal(
    problems.map((problem) => {
      const location = problem.location;
      const same =
        touched !== undefined &&
        'kind' in location &&
        location.kind === touched.kind &&
        location.code === touched.code;
      return toCurationProblem(problem, same, pathOf);
    }),
  );
}

const existing = (catalog: Catalog, kind: ItemKind, code: string): AnyItem | undefined =>
  (catalog[kind] as AnyItem[]).find((x) => x.code === code);

const grade = (confidence: Confidence) => confidence.toLowerCase();

// ---- upserts ------------------------------------------------------------------------------

interface ItemInput {
  code: string;
  name: string;
  url?: string | null;
  confidence: Confidence;
  sources: string[];
  notes?: string[] | null;
}

export interface CertificationInput extends ItemInput {
  level: CertificationLevel;
  description?: string | null;
  /** Needed for a new certification; an existing one keeps its requirements (setRequirements). */
  requirements?: RequirementInput | null;
}

export interface ExamInput extends ItemInput {
  priceUsd?: number | null;
  priceSources?: string[] | null;
  priceConfidence?: Confidence | null;
}

export interface CourseInput extends ItemInput {
  exams: string[];
  durationDays?: number | null;
  durationHours?: number | null;
  durationSources?: string[] | null;
  durationConfidence?: Confidence | null;
}

export interface RequirementInput {
  mode: RequirementMode;
  items: RequirementItemInput[];
}

export interface RequirementItemInput {
  code?: string | null;
  group?: RequirementInput | null;
}

const basics = (input: ItemInput) => ({
  code: input.code,
  name: input.name,
  ...(input.url != null && { url: input.url }),
  confidence: grade(input.confidence),
  sources: input.sources,
  ...(input.notes != null && input.notes.length > 0 && { notes: input.notes }),
});

/** Input fields map to the seed fields of the same name; nested ones to the input itself. */
const inputPath =
  (main: CurationProblem['path'], rename: Record<string, string> = {}): ArgumentPathOf =>
  (field, sameItem) => {
    if (!sameItem || !field) return main;
    const head = field.split(/[.[]/)[0];
    return ['input', rename[head] ?? head];
  };

export function upsertCertification(catalog: Catalog, input: CertificationInput): Applied {
  const code = certificationCode(input.code);
  const before = existing(catalog, 'certifications', code) as
    Located<CertificationSeed> | undefined;
  const pathOf = inputPath(['input', 'code'], { requires: 'requirements' });
  const requires = input.requirements
    ? requirementEntries(catalog, input.requirements, undefined, undefined, [
        'input',
        'requirements',
      ])
    : before
      ? itemToYaml('certifications', before).requires
      : [];
  const raw: SeedYaml = {
    ...basics({ ...input, code: input.code.trim() }),
    level: input.level,
    ...(input.description != null && { description: input.description }),
    requires,
    ...(before?.lifecycle && { lifecycle: itemToYaml('certifications', before).lifecycle }),
  };
  return withItem(catalog, 'certifications', raw, pathOf);
}

export function upsertExam(catalog: Catalog, input: ExamInput): Applied {
  const before = existing(catalog, 'exams', examOrCourseCode(input.code));
  const old = before ? itemToYaml('exams', before) : {};
  const price =
    input.priceUsd == null
      ? old.price
      : {
          usd: input.priceUsd,
          confidence: grade(input.priceConfidence ?? input.confidence),
          sources: input.priceSources ?? input.sources,
        };
  const raw: SeedYaml = {
    ...basics({ ...input, code: input.code.trim() }),
    ...(price !== undefined && { price }),
    ...(old.lifecycle !== undefined && { lifecycle: old.lifecycle }),
  };
  return withItem(catalog, 'exams', raw, inputPath(['input', 'code'], { price: 'priceUsd' }));
}

export function upsertCourse(catalog: Catalog, input: CourseInput): Applied {
  const before = existing(catalog, 'courses', examOrCourseCode(input.code));
  const old = before ? itemToYaml('courses', before) : {};
  const given = input.durationDays != null || input.durationHours != null;
  const duration = !given
    ? old.duration
    : {
        ...(input.durationDays != null && { days: input.durationDays }),
        ...(input.durationHours != null && { hours: input.durationHours }),
        confidence: grade(input.durationConfidence ?? input.confidence),
        sources: input.durationSources ?? input.sources,
      };
  const raw: SeedYaml = {
    ...basics({ ...input, code: input.code.trim() }),
    exams: input.exams.map(examOrCourseCode),
    ...(duration !== undefined && { duration }),
    ...(old.lifecycle !== undefined && { lifecycle: old.lifecycle }),
  };
  return withItem(
    catalog,
    'courses',
    raw,
    inputPath(['input', 'code'], { duration: 'durationDays' }),
  );
}

// ---- requirements -------------------------------------------------------------------------

/** A code as the catalog spells it, and whether it names an exam or a certification. */
function leafOf(catalog: Catalog, code: string): { exam: string } | { certification: string } {
  const found = findItem(catalog, code);
  if (found?.kind === 'exams') return { exam: found.item.code };
  if (found?.kind === 'certifications') return { certification: found.item.code };
  // Unknown (or a course): spelled as its case says, so the validator names it unknown.
  const trimmed = code.trim();
  return trimmed === trimmed.toUpperCase() ? { exam: trimmed } : { certification: trimmed };
}

/** A group's members as seed entries; each item is a code or a group, never both. */
function members(
  catalog: Catalog,
  input: RequirementInput,
  path: CurationProblem['path'],
): SeedYaml[] {
  if (input.items.length === 0) {
    throw new CurationRefusal([
      { path: [...path, 'items'], message: 'must list at least one requirement' },
    ]);
  }
  return input.items.map((item, i) => {
    const here = [...path, 'items', i];
    if ((item.code == null) === (item.group == null)) {
      throw new CurationRefusal([{ path: here, message: 'give exactly one of code and group' }]);
    }
    if (item.code != null) return leafOf(catalog, item.code);
    const group = item.group!;
    const inner = members(catalog, group, [...here, 'group']);
    return group.mode === 'ONE_OF' ? { oneOf: inner } : { allOf: inner };
  });
}

/**
 * The entries of a certification's `requires` for a requirement set: ALL_OF lists each item as
 * an entry of its own; ONE_OF is one entry, a choice.
 */
function requirementEntries(
  catalog: Catalog,
  input: RequirementInput,
  from: string | undefined,
  provenance: SeedYaml | undefined,
  path: CurationProblem['path'],
): SeedYaml[] {
  const items = members(catalog, input, path);
  const dated = (entry: SeedYaml) => ({ ...entry, ...(from && { from }), ...provenance });
  return input.mode === 'ONE_OF' ? [dated({ oneOf: items })] : items.map(dated);
}

export interface SetRequirementsArgs {
  certification: string;
  requirements: RequirementInput;
  validFrom: string;
  sources: string[];
  confidence: Confidence;
  notes?: string[] | null;
}

const leafKey = (spec: RequirementSpec | SeedYaml): string | undefined =>
  'exam' in spec
    ? `exam ${String(spec.exam)}`
    : 'certification' in spec
      ? `certification ${String(spec.certification)}`
      : undefined;

/**
 * A new version of a certification's requirements from `validFrom` on: every entry that still
 * applied then ends the day before. An item that the ending version and the new one both list
 * at the top keeps one entry over both periods (the graph has one edge per pair of nodes), with
 * the sources of both and the weaker grade. A version that already starts on or after
 * `validFrom` would overlap: refused.
 */
export function setRequirements(catalog: Catalog, args: SetRequirementsArgs): Applied {
  const code = certificationCode(args.certification);
  const cert = existing(catalog, 'certifications', code) as Located<CertificationSeed> | undefined;
  if (!cert) {
    throw new CurationRefusal([
      { path: ['certification'], message: `unknown certification "${args.certification}"` },
    ]);
  }
  const later = cert.requires.find(
    (spec) => spec.from !== undefined && spec.from >= args.validFrom,
  );
  if (later) {
    throw new CurationRefusal([
      {
        path: ['validFrom'],
        item: describeItem(cert.location),
        message: `a requirement version already applies from ${later.from}, on or after ${args.validFrom}; the versions would overlap`,
      },
    ]);
  }
  // Checked here too: an item that continues from the ending version keeps its entry, so the
  // seeds' parser would not see the new version's (empty) sources on it.
  if (args.sources.length === 0) {
    throw new CurationRefusal([
      { path: ['sources'], message: 'must list at least one source URL' },
    ]);
  }
  const dayBefore = addDays(args.validFrom, -1);
  const provenance: Provenance = {
    confidence: args.confidence,
    sources: args.sources,
    notes: args.notes ?? [],
  };
  const fresh = requirementEntries(
    catalog,
    args.requirements,
    args.validFrom,
    {
      confidence: grade(args.confidence),
      sources: args.sources,
      ...(provenance.notes.length > 0 && { notes: provenance.notes }),
    },
    ['requirements'],
  );
  const freshKeys = new Set(fresh.map(leafKey).filter(Boolean));
  const continued = new Set<string>();
  const requires: RequirementSpec[] = cert.requires.map((spec) => {
    const applies = spec.until === undefined || spec.until >= args.validFrom;
    if (!applies) return spec;
    const key = leafKey(spec);
    if (key && freshKeys.has(key)) {
      continued.add(key);
      const own = spec.provenance ?? {
        confidence: cert.confidence,
        sources: cert.sources,
        notes: [],
      };
      const open = { ...spec };
      delete open.until;
      return {
        ...open,
        provenance: {
          confidence: weakest([own.confidence, provenance.confidence]),
          sources: [...new Set([...own.sources, ...provenance.sources])],
          notes: [...new Set([...own.notes, ...provenance.notes])],
        },
      };
    }
    return { ...spec, until: dayBefore };
  });
  const updated = itemToYaml('certifications', { ...cert, requires });
  const raw: SeedYaml = {
    ...updated,
    requires: [
      ...(updated.requires as SeedYaml[]),
      ...fresh.filter((entry) => !continued.has(leafKey(entry) ?? '')),
    ],
  };
  const pathOf: ArgumentPathOf = (field, sameItem) => {
    if (!sameItem || !field) return ['requirements'];
    if (/\.from$/.test(field)) return ['validFrom'];
    if (/\.sources(\[\d+\])?$/.test(field)) return ['sources'];
    if (/\.confidence$/.test(field)) return ['confidence'];
    if (/\.notes/.test(field)) return ['notes'];
    return ['requirements'];
  };
  return withItem(catalog, 'certifications', raw, pathOf);
}

// ---- lifecycle, links, removal ------------------------------------------------------------

export interface RetireArgs {
  code: string;
  retiredOn: string;
  replacedBy?: string | null;
  sources: string[];
  confidence?: Confidence | null;
  notes?: string[] | null;
}

/**
 * Dates an item's retirement (and its direct replacement). The lifecycle's grade is the given
 * one, else the one it had; its sources gain the ones given, since they back the new date.
 */
export function retire(catalog: Catalog, args: RetireArgs): Applied {
  const found = findItem(catalog, args.code);
  if (!found) {
    throw new CurationRefusal([{ path: ['code'], message: `unknown code "${args.code}"` }]);
  }
  const raw = itemToYaml(found.kind, found.item);
  const life = (raw.lifecycle ?? {}) as SeedYaml;
  const replacedBy =
    args.replacedBy == null
      ? life.replacedBy
      : (findItem(catalog, args.replacedBy)?.item.code ?? args.replacedBy);
  const oldSources = (life.sources as string[] | undefined) ?? [];
  const lifecycle: SeedYaml = {
    ...life,
    retiredOn: args.retiredOn,
    ...(replacedBy !== undefined && { replacedBy }),
    confidence: args.confidence ? grade(args.confidence) : life.confidence,
    // None given: an empty list, so the seeds' own check refuses it as missing sources.
    sources: args.sources.length === 0 ? [] : [...new Set([...oldSources, ...args.sources])],
    ...(args.notes?.length && {
      notes: [...((life.notes as string[] | undefined) ?? []), ...args.notes],
    }),
  };
  const pathOf: ArgumentPathOf = (field, sameItem) => {
    if (!sameItem || !field) return ['code'];
    const map: Record<string, string> = {
      'lifecycle.retiredOn': 'retiredOn',
      'lifecycle.replacedBy': 'replacedBy',
      'lifecycle.confidence': 'confidence',
    };
    if (field.startsWith('lifecycle.sources')) return ['sources'];
    return [map[field] ?? 'retiredOn'];
  };
  return withItem(catalog, found.kind, { ...raw, lifecycle }, pathOf);
}

export interface LinkCourseArgs {
  course: string;
  exam: string;
  sources: string[];
}

/** The course prepares for the exam too; the sources that say so join the course's. */
export function linkCourse(catalog: Catalog, args: LinkCourseArgs): Applied {
  const course = existing(catalog, 'courses', examOrCourseCode(args.course)) as
    Located<CourseSeed> | undefined;
  if (!course) {
    throw new CurationRefusal([{ path: ['course'], message: `unknown course "${args.course}"` }]);
  }
  if (args.sources.length === 0) {
    throw new CurationRefusal([
      { path: ['sources'], message: 'must list at least one source URL' },
    ]);
  }
  const raw = itemToYaml('courses', course);
  const exam = examOrCourseCode(args.exam);
  const exams = raw.exams as string[];
  const pathOf: ArgumentPathOf = (field, sameItem) =>
    sameItem && field?.startsWith('sources') ? ['sources'] : ['exam'];
  return withItem(
    catalog,
    'courses',
    {
      ...raw,
      exams: exams.includes(exam) ? exams : [...exams, exam],
      sources: [...new Set([...(raw.sources as string[]), ...args.sources])],
    },
    pathOf,
  );
}

/** Removes an item; refused while anything still refers to it (the validator names each). */
export function removeItem(catalog: Catalog, code: string): Applied {
  const found = findItem(catalog, code);
  if (!found) throw new CurationRefusal([{ path: ['code'], message: `unknown code "${code}"` }]);
  const result = {
    ...catalog,
    [found.kind]: (catalog[found.kind] as AnyItem[]).filter((x) => x !== found.item),
  };
  check(result, undefined, () => ['code']);
  return { catalog: result, touched: [{ kind: found.kind, code: found.item.code }] };
}
