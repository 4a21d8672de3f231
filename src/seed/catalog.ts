/** The catalog as curators write it in seeds/*.yaml, after parsing and before any checks. */
import { Confidence } from '../domain/confidence';
import { CertificationLevel } from '../domain/vocabulary';

/** Where a fact comes from and how sure it is. */
export interface Provenance {
  confidence: Confidence;
  /** At least one URL: the source, or for an unconfirmed fact the page to check it on. */
  sources: string[];
  notes: string[];
}

/** The days a requirement applied, inclusive; an absent end is open. Dates are YYYY-MM-DD. */
export interface Validity {
  from?: string;
  until?: string;
}

export type RequirementTarget =
  | { exam: string }
  | { certification: string }
  | { oneOf: RequirementSpec[] }
  | { allOf: RequirementSpec[] };

/** One entry of a `requires` list; without provenance of its own it has its parent's. */
export type RequirementSpec = RequirementTarget & Validity & { provenance?: Provenance };

/** When an item could be taken or earned, and what came after it (docs/catalog-history.md). */
export interface LifecycleSeed {
  availableFrom?: string;
  /**
   * When no source gives the first day: the earliest day a cited source shows the item existing.
   * The real first day may be earlier.
   */
  knownSince?: string;
  betaUntil?: string;
  retirementAnnouncedOn?: string;
  retiredOn?: string;
  /** The direct replacement, of the same kind. */
  replacedBy?: string;
  /** Where Microsoft points instead when there is no direct replacement; any kind. */
  successor?: string;
  provenance: Provenance;
}

interface ItemBase extends Provenance {
  code: string;
  name: string;
  url?: string;
  lifecycle?: LifecycleSeed;
}

export interface CertificationSeed extends ItemBase {
  level: CertificationLevel;
  description?: string;
  /** Everything listed must be met (ALL_OF), each entry while it applied. */
  requires: RequirementSpec[];
}

/** The exam fee in US dollars, when a source gives it; never guessed. */
export interface Price {
  usd: number;
  provenance: Provenance;
}

/** How long a course runs, as a source gives it: days, hours or both; never computed. */
export interface Duration {
  days?: number;
  hours?: number;
  provenance: Provenance;
}

export interface ExamSeed extends ItemBase {
  price?: Price;
}

export interface CourseSeed extends ItemBase {
  /** Codes of the exams this course prepares for. */
  exams: string[];
  duration?: Duration;
}

export type ItemKind = 'certifications' | 'exams' | 'courses';
/** Every list a seed file may hold: the catalog items, and the validity policies. */
export type SeedListKind = ItemKind | 'validityPolicies';

/**
 * How long certifications of some levels (or single certifications) count once earned, for those
 * earned on the days it applies (`from`/`until`); each part with its own provenance
 * (docs/validity.md).
 */
export interface ValidityPolicySeed {
  id: string;
  name: string;
  levels: CertificationLevel[];
  certifications: string[];
  from?: string;
  until?: string;
  validity: { expires: boolean; months?: number; provenance: Provenance };
  renewal?: {
    method: string;
    opensMonthsBeforeExpiry: number;
    extendsMonths: number;
    provenance: Provenance;
  };
  onExpiry?: { rule: string; provenance: Provenance };
}

/** A place in a seed file: 1-based line and column, as editors count them. */
export interface SeedPosition {
  line: number;
  column: number;
}

/** Where an item was written, so that every error can point a curator at it. */
export interface SeedLocation {
  file: string;
  kind: SeedListKind;
  index: number;
  code?: string;
  /** Where the item starts in its file (absent for items not read from a file). */
  line?: number;
  column?: number;
  /**
   * Where each field inside the item was written, by its path as problems name it
   * (`requires[0].oneOf[1].exam`, `lifecycle.retiredOn`).
   */
  fields?: ReadonlyMap<string, SeedPosition>;
}

export type Located<T> = T & { location: SeedLocation };

export interface Catalog {
  certifications: Located<CertificationSeed>[];
  exams: Located<ExamSeed>[];
  courses: Located<CourseSeed>[];
  /** Absent in catalogs that state none (tests, imports): nothing is said to expire. */
  validityPolicies?: Located<ValidityPolicySeed>[];
}

/** `certifications[3] "devops-engineer"`: the item as a curator finds it in its file. */
export function describeItem(location: SeedLocation): string {
  const item = `${location.kind}[${location.index}]`;
  return location.code ? `${item} "${location.code}"` : item;
}

/** `seeds/x.yaml:12:5: certifications[3] "devops-engineer"` (the line when it is known). */
export function describeLocation(location: SeedLocation): string {
  const at = location.line === undefined ? '' : `:${location.line}:${location.column ?? 1}`;
  return `${location.file}${at}: ${describeItem(location)}`;
}

/** One thing wrong with the seeds: where, and what. */
export interface SeedProblem {
  location: SeedLocation | { file: string; line?: number; column?: number };
  /** Path inside the item, e.g. `requires[0].oneOf[1]`; empty for the item itself. */
  field?: string;
  message: string;
  /** Where exactly, when it is not the field's own place (e.g. an unknown key inside it). */
  position?: SeedPosition;
}

/** The parent of a field path: `requires[0].oneOf` of `requires[0].oneOf[1]`; '' at the top. */
const parentField = (field: string): string => field.replace(/(?:^|\.)[^.[\]]+$|\[\d+\]$/, '');

/**
 * Where a problem is, as precisely as known: the field's own line when it was written, else the
 * nearest enclosing field's (a missing field: its parent), else the item's.
 */
export function problemPosition(problem: SeedProblem): SeedPosition | undefined {
  if (problem.position) return problem.position;
  const { location } = problem;
  if ('kind' in location) {
    for (let field = problem.field ?? ''; field !== ''; field = parentField(field)) {
      const found = location.fields?.get(field);
      if (found) return found;
    }
  }
  return location.line === undefined
    ? undefined
    : { line: location.line, column: location.column ?? 1 };
}

/** `file:line:column: item: field: message`, the way compilers and editors read a location. */
export function formatProblem(problem: SeedProblem): string {
  const position = problemPosition(problem);
  const file = position
    ? `${problem.location.file}:${position.line}:${position.column}`
    : problem.location.file;
  const where = 'kind' in problem.location ? `${file}: ${describeItem(problem.location)}` : file;
  return problem.field
    ? `${where}: ${problem.field}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The seeds have ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n  ` +
        problems.map(formatProblem).join('\n  '),
    );
  }
}
