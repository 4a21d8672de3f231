import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { Skip } from './report';

/**
 * The parts of a Microsoft Learn Catalog API response (GET https://learn.microsoft.com/api/catalog/)
 * that certgraph imports. Records carry many more fields; those are ignored, not rejected.
 */
export interface LearnCertification {
  where: string;
  uid: string;
  title: string;
  url?: string;
  certificationType?: string;
  levels: string[];
  /** Exam uids; undefined for `mergedCertifications[]` records, which have no exam list. */
  exams?: string[];
}

export interface LearnExam {
  where: string;
  uid: string;
  displayName?: string;
  title: string;
  url?: string;
  /** Course uids. */
  courses: string[];
}

export interface LearnCourse {
  where: string;
  uid: string;
  courseNumber?: string;
  title: string;
  url?: string;
  durationInHours?: number;
  /** Exam uid. */
  exam?: string;
}

export interface LearnCatalog {
  certifications: LearnCertification[];
  exams: LearnExam[];
  courses: LearnCourse[];
  /** Records of a type the importer does not read. */
  skipped: Skip[];
}

export class CatalogInputError extends Error {
  override name = 'CatalogInputError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file} is not a usable Learn Catalog API response (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was imported:\n  ` +
        problems.join('\n  '),
    );
  }
}

// The API sends null for absent values as often as it leaves them out.
const absent = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined);
const text = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const uids = absent(z.array(text, { error: 'must be a list of uids' })).transform((v) => v ?? []);

const certificationRecord = z.object({
  uid: text,
  title: text,
  url: absent(httpUrl),
  certification_type: absent(text),
  levels: absent(z.array(text, { error: 'must be a list of strings' })).transform((v) => v ?? []),
  exams: uids,
});
const examRecord = z.object({
  uid: text,
  display_name: absent(text),
  title: text,
  url: absent(httpUrl),
  courses: uids,
});
const courseRecord = z.object({
  uid: text,
  course_number: absent(text),
  title: text,
  url: absent(httpUrl),
  duration_in_hours: absent(
    z.number({ error: 'must be a positive number' }).positive('must be a positive number'),
  ),
  exam: absent(text),
});

/** The arrays read, the uid prefix their records have, and the schema each must meet. */
const ARRAYS = {
  certifications: { prefix: 'certification.', schema: certificationRecord },
  mergedCertifications: { prefix: 'certification.', schema: certificationRecord },
  exams: { prefix: 'exam.', schema: examRecord },
  courses: { prefix: 'course.', schema: courseRecord },
} as const;
type ArrayName = keyof typeof ARRAYS;

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<PropertyKey, unknown> | null | undefined)?.[key],
    value,
  );
}

/** Checks a parsed response; every problem is collected, each naming the record and field. */
export function parseLearnCatalog(file: string, json: unknown): LearnCatalog {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CatalogInputError(file, ['must be a JSON object such as {"exams": [...]}']);
  }
  const body = json as Record<string, unknown>;
  const catalog: LearnCatalog = { certifications: [], exams: [], courses: [], skipped: [] };
  const problems: string[] = [];
  if (!Object.keys(ARRAYS).some((key) => key in body)) {
    problems.push(`has none of the arrays ${Object.keys(ARRAYS).join(', ')}`);
  }
  for (const name of Object.keys(ARRAYS) as ArrayName[]) {
    const records = body[name];
    if (records === undefined || records === null) continue;
    if (!Array.isArray(records)) {
      problems.push(`${name}: must be an array`);
      continue;
    }
    const seen = new Map<string, string>();
    records.forEach((raw, index) => {
      const where = `${name}[${index}]`;
      const uid = (raw as { uid?: unknown } | null)?.uid;
      const label = typeof uid === 'string' ? `${where} "${uid}"` : where;
      if (typeof uid !== 'string' || uid.trim() === '') {
        problems.push(`${label}: uid: ${uid === undefined ? 'is missing' : 'must not be empty'}`);
        return;
      }
      if (!uid.startsWith(ARRAYS[name].prefix)) {
        const type = (raw as { type?: unknown }).type;
        catalog.skipped.push({
          record: uid,
          reason: `unsupported type ${typeof type === 'string' ? `"${type}"` : `(uid does not start with "${ARRAYS[name].prefix}")`} in ${name}[]`,
        });
        return;
      }
      if (seen.has(uid)) {
        problems.push(`${label}: uid: duplicate; already at ${seen.get(uid)}`);
        return;
      }
      seen.set(uid, where);
      const result = ARRAYS[name].schema.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const missing = valueAt(raw, issue.path) === undefined;
          problems.push(
            `${label}: ${fieldPath(issue.path)}: ${missing ? 'is missing' : issue.message}`,
          );
        }
        return;
      }
      addRecord(catalog, name, where, result.data);
    });
  }
  if (problems.length > 0) throw new CatalogInputError(file, problems);
  for (const [key, value] of Object.entries(body)) {
    if (key in ARRAYS || !Array.isArray(value) || value.length === 0) continue;
    catalog.skipped.push({
      record: `${key}[]`,
      reason: `${value.length} record${value.length === 1 ? '' : 's'} of a type the importer does not read`,
    });
  }
  return catalog;
}

function addRecord(catalog: LearnCatalog, name: ArrayName, where: string, data: unknown): void {
  if (name === 'exams') {
    const r = data as z.infer<typeof examRecord>;
    catalog.exams.push({
      where,
      uid: r.uid,
      displayName: r.display_name,
      title: r.title,
      url: r.url,
      courses: r.courses,
    });
  } else if (name === 'courses') {
    const r = data as z.infer<typeof courseRecord>;
    catalog.courses.push({
      where,
      uid: r.uid,
      courseNumber: r.course_number,
      title: r.title,
      url: r.url,
      durationInHours: r.duration_in_hours,
      exam: r.exam,
    });
  } else {
    const r = data as z.infer<typeof certificationRecord>;
    catalog.certifications.push({
      where,
      uid: r.uid,
      title: r.title,
      url: r.url,
      certificationType: r.certification_type,
      levels: r.levels,
      exams: name === 'certifications' ? r.exams : undefined,
    });
  }
}

/** Reads and checks a saved response; throws CatalogInputError naming every problem. */
export async function readLearnCatalog(file: string, shownAs = file): Promise<LearnCatalog> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new CatalogInputError(shownAs, [`cannot be read: ${(error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new CatalogInputError(shownAs, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return parseLearnCatalog(shownAs, json);
}
