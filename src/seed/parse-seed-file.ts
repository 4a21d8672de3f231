import { isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { CONFIDENCE_GRADES, Confidence } from '../domain/confidence';
import { isCalendarDay } from '../domain/validity';
import { CERTIFICATION_LEVELS } from '../domain/vocabulary';
import {
  Catalog,
  ItemKind,
  Provenance,
  RequirementSpec,
  SeedLocation,
  SeedProblem,
} from './catalog';
import { fieldPositions, heaviestAlias, positionOf } from './seed-positions';

/**
 * Resource limits of one seed file. The largest file in seeds/ is about 53 KB and a few of them
 * reuse a text through an anchor and its aliases; these bounds are far above that and far below
 * what would exhaust memory (an alias "billion laughs" expands exponentially).
 */
export const SEED_LIMITS = {
  /** Bytes of one file. */
  maxFileBytes: 1024 * 1024,
  /** How many nodes YAML aliases may expand to in one file (yaml's `maxAliasCount`). */
  maxAliasCount: 100,
} as const;

// Certification codes are Microsoft Learn slugs (lower case); exam and course codes are upper
// case. Fixing the case here is what lets lookups ignore the case a client types.
const CERTIFICATION_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXAM_OR_COURSE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

const certificationCode = z
  .string()
  .regex(CERTIFICATION_CODE, 'must be a lower-case slug such as "devops-engineer"');
const examCode = z
  .string()
  .regex(EXAM_OR_COURSE_CODE, 'must be an upper-case code such as "AZ-400"');
const courseCode = z
  .string()
  .regex(EXAM_OR_COURSE_CODE, 'must be an upper-case code such as "AZ-400T00"');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const text = z.string().trim().min(1, 'must not be empty');

/** A calendar day, YYYY-MM-DD; kept as text so that it compares and prints as written. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  // `abort`: a string that is not YYYY-MM-DD at all is not also checked as a calendar date.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  // Checked by hand: `new Date('2021-13-01')` is an invalid date, whose toISOString throws.
  .refine(isCalendarDay, 'is not a calendar date');

const GRADES_IN_SEEDS = CONFIDENCE_GRADES.map((grade) => grade.toLowerCase());
const confidence = z
  .enum(GRADES_IN_SEEDS as [string, ...string[]], {
    error: `must be one of ${GRADES_IN_SEEDS.join(', ')}`,
  })
  .transform((grade) => grade.toUpperCase() as Confidence);
/**
 * A source is a URL, or a document kept with the seeds, cited by its path from the repository
 * root (`seeds/microsoft/seed-2021/SOURCE.md`, the seed document); loadSeeds checks it exists.
 */
export const SEED_DOCUMENT_PATH = /^seeds\/(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.md$/;
const source = z
  .string({ error: 'must be an http(s) URL or a seeds/… document path' })
  .refine((value) => SEED_DOCUMENT_PATH.test(value) || httpUrl.safeParse(value).success, {
    error: 'must be an http(s) URL or the path of a document kept in seeds/ (seeds/…/NAME.md)',
  });
const sources = z.array(source).min(1, 'must list at least one source URL');
const notes = z.array(text).default([]);

const lifecycle = z
  .strictObject({
    availableFrom: isoDate.optional(),
    knownSince: isoDate.optional(),
    betaUntil: isoDate.optional(),
    retirementAnnouncedOn: isoDate.optional(),
    retiredOn: isoDate.optional(),
    replacedBy: z.string().min(1).optional(),
    successor: z.string().min(1).optional(),
    confidence,
    sources,
    notes,
  })
  .transform(({ confidence, sources, notes, ...dates }) => ({
    ...dates,
    provenance: { confidence, sources, notes },
  }));

// Prices and course lengths carry their own provenance, as lifecycles do.
const price = z
  .strictObject({
    usd: z.number().nonnegative('must not be negative'),
    confidence,
    sources,
    notes,
  })
  .transform(({ confidence, sources, notes, usd }) => ({
    usd,
    provenance: { confidence, sources, notes },
  }));

const positive = z.number().positive('must be more than 0');
const duration = z
  .strictObject({
    days: positive.optional(),
    // Only as a source gives it (the Catalog API's duration_in_hours); never computed from days.
    hours: positive.optional(),
    confidence,
    sources,
    notes,
  })
  .refine((length) => length.days !== undefined || length.hours !== undefined, {
    error: 'must give days, hours or both',
  })
  .transform(({ confidence, sources, notes, ...length }) => ({
    ...length,
    provenance: { confidence, sources, notes },
  }));

const common = {
  name: text,
  url: httpUrl.optional(),
  confidence,
  sources,
  notes,
  lifecycle: lifecycle.optional(),
};

const itemSchemas = {
  certifications: z.strictObject({
    code: certificationCode,
    ...common,
    level: z.enum(CERTIFICATION_LEVELS, {
      error: `must be one of ${CERTIFICATION_LEVELS.join(', ')}`,
    }),
    description: text.optional(),
    requires: z.array(z.unknown()).min(1, 'must list at least one requirement'),
  }),
  exams: z.strictObject({
    code: examCode,
    ...common,
    price: price.optional(),
  }),
  courses: z.strictObject({
    code: courseCode,
    ...common,
    exams: z.array(examCode).min(1, 'must name the exam(s) the course prepares for'),
    duration: duration.optional(),
  }),
} as const;

const POLICY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const months = z.number().int('must be a whole number of months').positive('must be more than 0');

/** A validity policy (docs/validity.md): each part carries its own provenance. */
const validityPolicy = z
  .strictObject({
    id: z.string().regex(POLICY_ID, 'must be a lower-case slug such as "microsoft-fundamentals"'),
    name: text,
    levels: z
      .array(
        z.enum(CERTIFICATION_LEVELS, {
          error: `must be one of ${CERTIFICATION_LEVELS.join(', ')}`,
        }),
      )
      .default([]),
    certifications: z.array(certificationCode).default([]),
    from: isoDate.optional(),
    until: isoDate.optional(),
    validity: z
      .strictObject({ expires: z.boolean(), months: months.optional(), confidence, sources, notes })
      .refine((v) => v.expires === (v.months !== undefined), {
        error: 'give months exactly when expires is true',
      })
      .transform(({ confidence, sources, notes, ...rest }) => ({
        ...rest,
        provenance: { confidence, sources, notes },
      })),
    renewal: z
      .strictObject({
        method: text,
        opensMonthsBeforeExpiry: months,
        extendsMonths: months,
        confidence,
        sources,
        notes,
      })
      .transform(({ confidence, sources, notes, ...rest }) => ({
        ...rest,
        provenance: { confidence, sources, notes },
      }))
      .optional(),
    onExpiry: z
      .strictObject({ rule: text, confidence, sources, notes })
      .transform(({ confidence, sources, notes, rule }) => ({
        rule,
        provenance: { confidence, sources, notes },
      }))
      .optional(),
  })
  .refine((p) => p.levels.length + p.certifications.length > 0, {
    error: 'must name levels or certifications it covers',
    path: ['levels'],
  })
  .refine((p) => !(p.from && p.until && p.from > p.until), {
    error: 'is before from',
    path: ['until'],
  })
  .refine((p) => p.validity.expires || p.renewal === undefined, {
    error: 'a policy whose certifications do not expire has no renewal',
    path: ['renewal'],
  });

const fileSchema = z.strictObject({
  certifications: z.array(z.unknown()).optional(),
  exams: z.array(z.unknown()).optional(),
  courses: z.array(z.unknown()).optional(),
  validityPolicies: z.array(z.unknown()).optional(),
});

const REQUIREMENT_KEYS = ['exam', 'certification', 'oneOf', 'allOf'] as const;
const ENTRY_KEYS = ['from', 'until', 'confidence', 'sources', 'notes'] as const;

const entryFields = z.strictObject({
  from: isoDate.optional(),
  until: isoDate.optional(),
  confidence: confidence.optional(),
  sources: sources.optional(),
  notes: z.array(text).optional(),
});

/**
 * Parses one requirement entry by hand: a union's generic error would not say what is wrong.
 * An entry that states no provenance of its own inherits its parent's (`inherited`).
 */
function parseRequirement(
  value: unknown,
  field: string,
  problems: Problem[],
  inherited: Provenance,
): RequirementSpec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({
      field,
      message: `must be an object with one of the keys ${REQUIREMENT_KEYS.join(', ')}`,
    });
    return undefined;
  }
  const keys = Object.keys(value);
  const kindKeys = keys.filter((k) => (REQUIREMENT_KEYS as readonly string[]).includes(k));
  const unknownKeys = keys.filter(
    (k) => !kindKeys.includes(k) && !(ENTRY_KEYS as readonly string[]).includes(k),
  );
  if (kindKeys.length !== 1 || unknownKeys.length > 0) {
    problems.push({
      field,
      message:
        unknownKeys.length > 0
          ? `unknown key(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}; an entry has one of ${REQUIREMENT_KEYS.join(', ')}, and optionally ${ENTRY_KEYS.join(', ')}`
          : `must have exactly one of the keys ${REQUIREMENT_KEYS.join(', ')}; found ${kindKeys.map((k) => `"${k}"`).join(', ') || 'none'}`,
    });
    return undefined;
  }
  const extras = entryFields.safeParse(
    Object.fromEntries(
      keys.filter((k) => k !== kindKeys[0]).map((k) => [k, (value as Record<string, unknown>)[k]]),
    ),
  );
  if (!extras.success) {
    for (const issue of extras.error.issues) {
      problems.push({ field: `${field}.${zodPath(issue.path)}`, message: issue.message });
    }
    return undefined;
  }
  const { from, until } = extras.data;
  if (from && until && from > until) {
    problems.push({ field: `${field}.until`, message: `${until} is before from (${from})` });
    return undefined;
  }
  // Notes explain this entry's own sources: inherited with them, never mixed with new ones.
  const ownsProvenance = extras.data.sources !== undefined || extras.data.confidence !== undefined;
  const provenance: Provenance = {
    confidence: extras.data.confidence ?? inherited.confidence,
    sources: extras.data.sources ?? inherited.sources,
    notes: extras.data.notes ?? (ownsProvenance ? [] : inherited.notes),
  };
  const dated = { ...(from && { from }), ...(until && { until }), provenance };
  const key = kindKeys[0] as (typeof REQUIREMENT_KEYS)[number];
  const inner = (value as Record<string, unknown>)[key];
  if (key === 'exam' || key === 'certification') {
    const result = (key === 'exam' ? examCode : certificationCode).safeParse(inner);
    if (!result.success) {
      problems.push({ field: `${field}.${key}`, message: result.error.issues[0].message });
      return undefined;
    }
    return key === 'exam'
      ? { exam: result.data, ...dated }
      : { certification: result.data, ...dated };
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    problems.push({
      field: `${field}.${key}`,
      message: 'must be a non-empty list of requirements',
    });
    return undefined;
  }
  const members = inner.map((member, i) =>
    parseRequirement(member, `${field}.${key}[${i}]`, problems, provenance),
  );
  if (members.some((member) => member === undefined)) return undefined;
  return key === 'oneOf'
    ? { oneOf: members as RequirementSpec[], ...dated }
    : { allOf: members as RequirementSpec[], ...dated };
}

type Problem = Omit<SeedProblem, 'location'>;

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) => (current as Record<PropertyKey, unknown> | undefined)?.[key],
    value,
  );
}

function zodPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** Parses one seeds/*.yaml file into catalog items; every problem found is returned, not just the first. */
export function parseSeedFile(
  file: string,
  source: string,
): { catalog: Catalog; problems: SeedProblem[] } {
  const catalog: Catalog = { certifications: [], exams: [], courses: [], validityPolicies: [] };
  const problems: SeedProblem[] = [];
  const lines = new LineCounter();
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > SEED_LIMITS.maxFileBytes) {
    // Where the file crosses the limit (counted in characters: exact for ASCII, close otherwise).
    const before = source.slice(0, SEED_LIMITS.maxFileBytes);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    problems.push({
      location: { file, line, column },
      message: `the file is ${bytes} bytes, over the limit of ${SEED_LIMITS.maxFileBytes} bytes (SEED_LIMITS.maxFileBytes) for one seed file; split it`,
    });
    return { catalog, problems };
  }
  const document = parseDocument(source, { prettyErrors: true, lineCounter: lines });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = error.linePos?.[0];
      problems.push({
        location: { file, line: position?.line, column: position?.col },
        message: `not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      });
    }
    return { catalog, problems };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: SEED_LIMITS.maxAliasCount });
  } catch (error) {
    // yaml refuses aliases that expand too far ("resource exhaustion"): point at the worst.
    const at = positionOf(lines, heaviestAlias(document)) ?? { line: 1, column: 1 };
    problems.push({
      location: { file, ...at },
      message:
        error instanceof ReferenceError
          ? `YAML aliases here expand to more than ${SEED_LIMITS.maxAliasCount} nodes (maxAliasCount ${SEED_LIMITS.maxAliasCount}); write the repeated text out or reuse it less`
          : `not readable YAML: ${error instanceof Error ? error.message : String(error)}`,
    });
    return { catalog, problems };
  }
  const everywhere = fieldPositions(lines, document.contents);
  const top = fileSchema.safeParse(value ?? {});
  if (!top.success) {
    for (const issue of top.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const message =
        unknownKeys.length > 0
          ? `unknown top-level key(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}; expected certifications, exams, courses or validityPolicies`
          : `${zodPath(issue.path)}: ${issue.message}`;
      const at = everywhere.get(unknownKeys[0] ?? zodPath(issue.path)) ?? { line: 1, column: 1 };
      problems.push({ location: { file, ...at }, message });
    }
    return { catalog, problems };
  }
  for (const kind of ['certifications', 'exams', 'courses'] as ItemKind[]) {
    const listed = document.get(kind, true);
    (top.data[kind] ?? []).forEach((raw, index) => {
      const code = (raw as { code?: unknown } | null)?.code;
      const node = isSeq(listed) ? listed.items[index] : undefined;
      const location: SeedLocation = {
        file,
        kind,
        index,
        code: typeof code === 'string' ? code : undefined,
        ...positionOf(lines, node),
        fields: fieldPositions(lines, node),
      };
      const result = itemSchemas[kind].safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const message =
            issue.code === 'unrecognized_keys'
              ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
              : valueAt(raw, issue.path) === undefined
                ? 'is missing'
                : issue.message;
          // An unknown field is pointed at itself, not at the object it is in.
          const unknown =
            issue.code === 'unrecognized_keys'
              ? location.fields?.get([zodPath(issue.path), issue.keys[0]].filter(Boolean).join('.'))
              : undefined;
          problems.push({
            location,
            field: zodPath(issue.path) || undefined,
            message,
            ...(unknown && { position: unknown }),
          });
        }
        return;
      }
      if (kind === 'certifications') {
        const item = result.data as z.infer<(typeof itemSchemas)['certifications']>;
        const local: Problem[] = [];
        const itemProvenance = {
          confidence: item.confidence,
          sources: item.sources,
          notes: [],
        } satisfies Provenance;
        const requires = item.requires.map((entry, i) =>
          parseRequirement(entry, `requires[${i}]`, local, itemProvenance),
        );
        problems.push(...local.map((problem) => ({ ...problem, location })));
        if (local.length === 0) {
          catalog.certifications.push({
            ...item,
            requires: requires as RequirementSpec[],
            location,
          });
        }
      } else if (kind === 'exams') {
        catalog.exams.push({
          ...(result.data as z.infer<(typeof itemSchemas)['exams']>),
          location,
        });
      } else {
        catalog.courses.push({
          ...(result.data as z.infer<(typeof itemSchemas)['courses']>),
          location,
        });
      }
    });
  }
  const listedPolicies = document.get('validityPolicies', true);
  (top.data.validityPolicies ?? []).forEach((raw, index) => {
    const id = (raw as { id?: unknown } | null)?.id;
    const node = isSeq(listedPolicies) ? listedPolicies.items[index] : undefined;
    const location: SeedLocation = {
      file,
      kind: 'validityPolicies',
      index,
      code: typeof id === 'string' ? id : undefined,
      ...positionOf(lines, node),
      fields: fieldPositions(lines, node),
    };
    const result = validityPolicy.safeParse(raw);
    if (result.success) {
      catalog.validityPolicies?.push({ ...result.data, location });
      return;
    }
    for (const issue of result.error.issues) {
      const field = zodPath(issue.path);
      problems.push({
        location,
        field: field || undefined,
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
            : valueAt(raw, issue.path) === undefined && issue.code !== 'custom'
              ? 'is missing'
              : issue.message,
        ...(issue.code === 'unrecognized_keys' && {
          position: location.fields?.get([field, issue.keys[0]].filter(Boolean).join('.')),
        }),
      });
    }
  });
  return { catalog, problems };
}
