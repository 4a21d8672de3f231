import { isDeepStrictEqual } from 'node:util';
import {
  CertificationSeed,
  CourseSeed,
  ExamSeed,
  ItemKind,
  LifecycleSeed,
  Provenance,
  RequirementSpec,
  ValidityPolicySeed,
} from './catalog';

/** A seed item as YAML holds it: what parseSeedFile reads back into the same item. */
export type SeedYaml = Record<string, unknown>;

const grade = (provenance: Provenance) => provenance.confidence.toLowerCase();

/** `confidence`, `sources` and, when there are any, `notes`, as the seeds write them. */
function provenanceFields(provenance: Provenance): SeedYaml {
  return {
    confidence: grade(provenance),
    sources: [...provenance.sources],
    ...(provenance.notes.length > 0 && { notes: [...provenance.notes] }),
  };
}

/**
 * One requirement entry. Its provenance is written only where it differs from what the parser
 * would give it from its parent (parseRequirement): the same grade and sources and either the
 * same notes or, with notes of its own, just those.
 */
function specToYaml(spec: RequirementSpec, inherited: Provenance): SeedYaml {
  const own = spec.provenance ?? inherited;
  const target =
    'exam' in spec
      ? { exam: spec.exam }
      : 'certification' in spec
        ? { certification: spec.certification }
        : 'oneOf' in spec
          ? { oneOf: spec.oneOf.map((member) => specToYaml(member, own)) }
          : { allOf: spec.allOf.map((member) => specToYaml(member, own)) };
  const sameSources =
    own.confidence === inherited.confidence && isDeepStrictEqual(own.sources, inherited.sources);
  const provenance = !sameSources
    ? provenanceFields(own)
    : isDeepStrictEqual(own.notes, inherited.notes)
      ? {}
      : { notes: [...own.notes] };
  // An entry with notes of its own but no sources would inherit none of its parent's notes; an
  // empty list must then be said, so write the whole provenance instead.
  const safe =
    sameSources && own.notes.length === 0 && inherited.notes.length > 0
      ? provenanceFields(own)
      : provenance;
  return {
    ...target,
    ...(spec.from && { from: spec.from }),
    ...(spec.until && { until: spec.until }),
    ...safe,
  };
}

function lifecycleToYaml(lifecycle: LifecycleSeed): SeedYaml {
  const { provenance, ...dates } = lifecycle;
  return { ...dates, ...provenanceFields(provenance) };
}

const common = (item: CertificationSeed | ExamSeed | CourseSeed) => ({
  ...provenanceFields(item),
  ...(item.lifecycle && { lifecycle: lifecycleToYaml(item.lifecycle) }),
});

export function certificationToYaml(cert: CertificationSeed): SeedYaml {
  const inherited: Provenance = { confidence: cert.confidence, sources: cert.sources, notes: [] };
  return {
    code: cert.code,
    name: cert.name,
    level: cert.level,
    ...(cert.url && { url: cert.url }),
    ...(cert.description && { description: cert.description }),
    requires: cert.requires.map((spec) => specToYaml(spec, inherited)),
    ...common(cert),
  };
}

export function examToYaml(exam: ExamSeed): SeedYaml {
  return {
    code: exam.code,
    name: exam.name,
    ...(exam.url && { url: exam.url }),
    ...(exam.price && {
      price: { usd: exam.price.usd, ...provenanceFields(exam.price.provenance) },
    }),
    ...common(exam),
  };
}

export function courseToYaml(course: CourseSeed): SeedYaml {
  const { duration } = course;
  return {
    code: course.code,
    name: course.name,
    ...(course.url && { url: course.url }),
    exams: [...course.exams],
    ...(duration && {
      duration: {
        ...(duration.days !== undefined && { days: duration.days }),
        ...(duration.hours !== undefined && { hours: duration.hours }),
        ...provenanceFields(duration.provenance),
      },
    }),
    ...common(course),
  };
}

export function itemToYaml(
  kind: ItemKind,
  item: CertificationSeed | ExamSeed | CourseSeed,
): SeedYaml {
  if (kind === 'certifications') return certificationToYaml(item as CertificationSeed);
  if (kind === 'exams') return examToYaml(item);
  return courseToYaml(item as CourseSeed);
}

/** A validity policy as seeds/microsoft/validity-policies.yaml writes it. */
export function validityPolicyToYaml(policy: ValidityPolicySeed): SeedYaml {
  const { validity, renewal, onExpiry } = policy;
  return {
    id: policy.id,
    name: policy.name,
    ...(policy.levels.length > 0 && { levels: [...policy.levels] }),
    ...(policy.certifications.length > 0 && { certifications: [...policy.certifications] }),
    ...(policy.from && { from: policy.from }),
    ...(policy.until && { until: policy.until }),
    validity: {
      expires: validity.expires,
      ...(validity.months !== undefined && { months: validity.months }),
      ...provenanceFields(validity.provenance),
    },
    ...(renewal && {
      renewal: {
        method: renewal.method,
        opensMonthsBeforeExpiry: renewal.opensMonthsBeforeExpiry,
        extendsMonths: renewal.extendsMonths,
        ...provenanceFields(renewal.provenance),
      },
    }),
    ...(onExpiry && {
      onExpiry: { rule: onExpiry.rule, ...provenanceFields(onExpiry.provenance) },
    }),
  };
}
