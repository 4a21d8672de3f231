import { findCycles } from '../graph/find-cycles';
import { Catalog, Located, RequirementSpec, SeedLocation, SeedProblem } from './catalog';

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
        message: `duplicate code "${item.code}"; already used by ${first.file}: ${first.kind}[${first.index}]`,
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

/** Checks that span items: duplicate codes, unknown references and requirement cycles. */
export function validateCatalog(catalog: Catalog): SeedProblem[] {
  const problems = [...duplicateProblems(catalog), ...referenceProblems(catalog)];
  // A cycle through an unknown or duplicate item would only repeat the problems above.
  return problems.length > 0 ? problems : cycleProblems(catalog);
}
