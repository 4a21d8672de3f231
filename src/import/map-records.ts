import { CertificationLevel } from '../domain/vocabulary';

export const LEARN_CATALOG_API = 'https://learn.microsoft.com/api/catalog/';

// The seed code formats (as src/seed/parse-seed-file.ts checks them).
const CERTIFICATION_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXAM_OR_COURSE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** `certification.devops-engineer` → `devops-engineer`; undefined when it is not a seed code. */
export function certificationCode(uid: string): string | undefined {
  const slug = uid.slice('certification.'.length);
  return CERTIFICATION_CODE.test(slug) ? slug : undefined;
}

/**
 * An exam or course code: the record's own code (`display_name`, `course_number`) when it is
 * one, else the uid's part after the prefix, upper-cased (`exam.az-305` → `AZ-305`).
 */
export function examOrCourseCode(uid: string, ownCode?: string): string | undefined {
  for (const candidate of [ownCode, uid.slice(uid.indexOf('.') + 1)]) {
    const code = candidate?.trim().toUpperCase();
    if (code && EXAM_OR_COURSE_CODE.test(code)) return code;
  }
  return undefined;
}

const LEVEL_BY_LEARN_LEVEL: Partial<Record<string, CertificationLevel>> = {
  beginner: 'FUNDAMENTALS',
  intermediate: 'ASSOCIATE',
  advanced: 'EXPERT',
};

/**
 * certgraph's level for a certification record, only where the record makes it unambiguous:
 * `specialty` and `fundamentals` certifications by their type; role-based ones by their Learn
 * level (beginner, intermediate, advanced) when all their levels agree. Anything else (mcsa,
 * mos, business, no type, mixed levels) gives a reason instead.
 */
export function certificationLevel(
  certificationType: string | undefined,
  levels: string[],
): { level: CertificationLevel } | { reason: string } {
  const type = certificationType?.toLowerCase();
  if (type === 'specialty') return { level: 'SPECIALTY' };
  if (type === 'fundamentals') return { level: 'FUNDAMENTALS' };
  if (type !== 'role-based') {
    return {
      reason:
        type === undefined
          ? 'the record has no certification_type'
          : `certification_type "${certificationType}" has no certgraph level`,
    };
  }
  const mapped = new Set(levels.map((level) => LEVEL_BY_LEARN_LEVEL[level.toLowerCase()]));
  const [only] = mapped;
  if (mapped.size === 1 && only !== undefined) return { level: only };
  return {
    reason:
      levels.length === 0
        ? 'the role-based record lists no levels'
        : `the role-based record's levels [${levels.join(', ')}] do not name exactly one of beginner, intermediate, advanced`,
  };
}

/** The API tags every url with `WT.mc_id=api_CatalogApi`; the seeds keep the plain page url. */
export function cleanUrl(url: string): string {
  const parsed = new URL(url);
  const tracking = [...parsed.searchParams.keys()].filter((k) => k.toLowerCase() === 'wt.mc_id');
  if (tracking.length === 0) return url;
  for (const key of tracking) parsed.searchParams.delete(key);
  return parsed.toString();
}

/** Seed names leave out the "Microsoft Certified: " that every certification title starts with. */
export function certificationName(title: string): string {
  return title.replace(/^Microsoft Certified:\s*/, '');
}

export function importNote(fileName: string, date: string): string {
  return `Imported from the Microsoft Learn Catalog API (${fileName}, ${date}).`;
}

export const FLAT_REQUIRES_NOTE =
  "Requirements from the Catalog API's flat exam list, read as all of them; the API has no ONE_OF information.";
