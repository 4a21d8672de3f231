import { findCycles } from '../graph/find-cycles';
import { validityPolicyProblems } from './validate-policies';
import {
  Catalog,
  describeLocation,
  ItemKind,
  Located,
  RequirementSpec,
  SeedLocation,
  SeedProblem,
  Validity,
} from './catalog';

/** Every requirement leaf under a certification, with its path inside the item. */
export function* requirementLeaves(
  specs: RequirementSpec[],
  field = 'requires',
): Generator<{ spec: { exam: string } | { certification: string }; field: string }> {
  for (const [i, spec] of specs.entries()) {
    const here = `${field}[${i}]`;
    if ('oneOf' in spec) yield* requirementLeaves(spec.oneOf, `${here}.oneOf`);
    else if ('allOf' in spec) yield* requirementLeaves(spec.allOf, `${here}.allOf`);
    else yield { spec, field: here };
  }
}

function duplicateProblems(catalog: Catalog): SeedProblem[] {
  const problems: SeedProblem[] = [];
  // Codes must be unique across kinds too: a learner's `holding` list mixes them.
  const seen = new Map<string, SeedLocation>();
  const all: Located<{ code: string }>[] = [
    ...catalog.certifications,
    ...catalog.exams,
    ...catalog.courses,
  ];
  for (const item of all) {
    const key = item.code.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problems.push({
        location: item.location,
        field: 'code',
        message: `duplicate code "${item.code}"; already used by ${describeLocation(first)}`,
      });
    } else {
      seen.set(key, item.location);
    }
  }
  return problems;
}

function referenceProblems(catalog: Catalog): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const exams = new Set(catalog.exams.map((exam) => exam.code));
  const certifications = new Set(catalog.certifications.map((cert) => cert.code));
  for (const cert of catalog.certifications) {
    for (const { spec, field } of requirementLeaves(cert.requires)) {
      if ('exam' in spec && !exams.has(spec.exam)) {
        problems.push({ location: cert.location, field, message: `unknown exam "${spec.exam}"` });
      }
      if ('certification' in spec && !certifications.has(spec.certification)) {
        problems.push({
          location: cert.location,
          field,
          message: `unknown certification "${spec.certification}"`,
        });
      }
      if ('certification' in spec && spec.certification === cert.code) {
        problems.push({
          location: cert.location,
          field,
          message: 'a certification cannot require itself',
        });
      }
    }
  }
  for (const course of catalog.courses) {
    course.exams.forEach((code, i) => {
      if (!exams.has(code)) {
        problems.push({
          location: course.location,
          field: `exams[${i}]`,
          message: `unknown exam "${code}"`,
        });
      }
    });
  }
  return problems;
}

function cycleProblems(catalog: Catalog): SeedProblem[] {
  const byCode = new Map(catalog.certifications.map((cert) => [cert.code, cert]));
  const graph = new Map(
    catalog.certifications.map((cert) => [
      cert.code,
      [...requirementLeaves(cert.requires)]
        .map(({ spec }) => ('certification' in spec ? spec.certification : undefined))
        .filter(
          (code): code is string => code !== undefined && code !== cert.code && byCode.has(code),
        ),
    ]),
  );
  return findCycles(graph).map((cycle) => ({
    location: byCode.get(cycle[0])!.location,
    field: 'requires',
    message: `certifications require each other in a cycle: ${cycle.join(' → ')}`,
  }));
}

const targetOf = (spec: RequirementSpec): string | undefined =>
  'exam' in spec
    ? `exam ${spec.exam}`
    : 'certification' in spec
      ? `certification ${spec.certification}`
      : undefined;

/**
 * Within one list: an entry's own days must lie inside its group's (a member cannot apply while
 * its choice does not; a member without days has its group's), and an item may appear once (one edge per pair of nodes in the graph).
 */
function entryProblems(
  specs: RequirementSpec[],
  field: string,
  bounds: Validity,
  location: SeedLocation,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const seen = new Set<string>();
  specs.forEach((spec, i) => {
    const here = `${field}[${i}]`;
    if (bounds.from && spec.from && spec.from < bounds.from) {
      problems.push({
        location,
        field: `${here}.from`,
        message: `must not be before its group's from (${bounds.from})`,
      });
    }
    if (bounds.until && spec.until && spec.until > bounds.until) {
      problems.push({
        location,
        field: `${here}.until`,
        message: `must not be after its group's until (${bounds.until})`,
      });
    }
    const target = targetOf(spec);
    if (target && seen.has(target)) {
      problems.push({
        location,
        field: here,
        message: `${target} is listed twice in the same list; give one entry the whole period`,
      });
    }
    if (target) seen.add(target);
    const inner = { from: spec.from ?? bounds.from, until: spec.until ?? bounds.until };
    if ('oneOf' in spec) {
      problems.push(...entryProblems(spec.oneOf, `${here}.oneOf`, inner, location));
    }
    if ('allOf' in spec) {
      problems.push(...entryProblems(spec.allOf, `${here}.allOf`, inner, location));
    }
  });
  return problems;
}

type LifecycleDay =
  'availableFrom' | 'knownSince' | 'betaUntil' | 'retirementAnnouncedOn' | 'retiredOn';

const DATE_ORDER: [LifecycleDay, LifecycleDay][] = [
  ['availableFrom', 'retiredOn'],
  ['availableFrom', 'betaUntil'],
  ['betaUntil', 'retiredOn'],
  ['retirementAnnouncedOn', 'retiredOn'],
  // A source that shows the beta, the announcement or the retirement shows the item existing.
  ['knownSince', 'betaUntil'],
  ['knownSince', 'retirementAnnouncedOn'],
  ['knownSince', 'retiredOn'],
];

/** Lifecycle dates in order, and replacements that exist (a replacement of the same kind). */
function lifecycleProblems(catalog: Catalog): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const kindOf = new Map<string, ItemKind>();
  for (const kind of ['certifications', 'exams', 'courses'] as const) {
    for (const item of catalog[kind]) kindOf.set(item.code, kind);
  }
  for (const item of [...catalog.certifications, ...catalog.exams, ...catalog.courses]) {
    const life = item.lifecycle;
    if (!life) continue;
    if (life.availableFrom && life.knownSince) {
      problems.push({
        location: item.location,
        field: 'lifecycle.knownSince',
        message:
          'give knownSince only when the first day is not known; this item has availableFrom',
      });
    }
    for (const [earlier, later] of DATE_ORDER) {
      const [first, second] = [life[earlier], life[later]];
      if (first && second && first > second) {
        problems.push({
          location: item.location,
          field: `lifecycle.${later}`,
          message: `${second} is before ${earlier} (${first})`,
        });
      }
    }
    for (const field of ['replacedBy', 'successor'] as const) {
      const code = life[field];
      if (code === undefined) continue;
      const kind = kindOf.get(code);
      if (code === item.code) {
        problems.push({
          location: item.location,
          field: `lifecycle.${field}`,
          message: 'an item cannot follow itself',
        });
      } else if (!kind) {
        problems.push({
          location: item.location,
          field: `lifecycle.${field}`,
          message: `unknown code "${code}"`,
        });
      } else if (field === 'replacedBy' && kind !== item.location.kind) {
        problems.push({
          location: item.location,
          field: 'lifecycle.replacedBy',
          message: `"${code}" is one of the ${kind}, not the ${item.location.kind}; a different kind of item is a successor`,
        });
      }
    }
  }
  return problems;
}

/** The first day a source shows an item: its first day when dated, else the day it is known since. */
const firstKnownDay = (item: { lifecycle?: { availableFrom?: string; knownSince?: string } }) =>
  item.lifecycle?.availableFrom ?? item.lifecycle?.knownSince;

/**
 * A requirement cannot apply before its item is known to exist: "AZ-305 from 2022-04-01" with
 * AZ-305 known only since 2022-04-03 would leave the certification unearnable on those days. An
 * entry without `from` starts with its group, and the outermost ones with the certification's
 * own first known day.
 */
function knownWhenRequiredProblems(catalog: Catalog): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const items = new Map<string, { lifecycle?: { availableFrom?: string; knownSince?: string } }>([
    ...catalog.exams.map((exam) => [`exam ${exam.code}`, exam] as const),
    ...catalog.certifications.map((cert) => [`certification ${cert.code}`, cert] as const),
  ]);
  for (const cert of catalog.certifications) {
    // `start` is the day an entry without its own `from` applies from, and `why` says whose it is.
    const visit = (
      specs: RequirementSpec[],
      field: string,
      start: string | undefined,
      why: string,
    ) => {
      specs.forEach((spec, i) => {
        const here = `${field}[${i}]`;
        const from = spec.from ?? start;
        const fromWhy = spec.from ? '' : why;
        if ('oneOf' in spec || 'allOf' in spec) {
          const inner = spec.from ? " (its group's from)" : why;
          return 'oneOf' in spec
            ? visit(spec.oneOf, `${here}.oneOf`, from, inner)
            : visit(spec.allOf, `${here}.allOf`, from, inner);
        }
        const target = targetOf(spec)!;
        const known = firstKnownDay(items.get(target) ?? {});
        if (from && known && known > from) {
          problems.push({
            location: cert.location,
            field: here,
            message: `${target} is known only from ${known}, but this requirement applies from ${from}${fromWhy}; date the item earlier or the requirement later`,
          });
        }
      });
    };
    visit(cert.requires, 'requires', firstKnownDay(cert), " (the certification's own first day)");
  }
  return problems;
}

/** Checks that span items: duplicate codes, unknown references and requirement cycles. */
export function validateCatalog(catalog: Catalog): SeedProblem[] {
  const problems = [
    ...duplicateProblems(catalog),
    ...referenceProblems(catalog),
    ...lifecycleProblems(catalog),
    ...knownWhenRequiredProblems(catalog),
    ...validityPolicyProblems(catalog),
    ...catalog.certifications.flatMap((cert) =>
      entryProblems(cert.requires, 'requires', {}, cert.location),
    ),
  ];
  // A cycle through an unknown or duplicate item would only repeat the problems above.
  return problems.length > 0 ? problems : cycleProblems(catalog);
}
