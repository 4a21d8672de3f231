import { plainProperties } from '../db/properties';
import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { DatedRequirement } from '../model/dated-requirement.type';
import { CertificationLevel, Confidence } from '../model/enums';
import { ExpiryRule, RenewalRule, ValidityPolicy } from '../model/validity-policy.type';
import { Exam } from '../model/exam.type';

/** How the catalog's nodes and relationships become the model's objects. */

export type CatalogItemLabel = 'Certification' | 'Exam' | 'Course';
export type Properties = Record<string, unknown>;
export type AnyItem = Certification | Exam | Course;

const CLASS_OF = { Certification, Exam, Course } as const;
export type ItemOf<L extends CatalogItemLabel> = InstanceType<(typeof CLASS_OF)[L]>;

/** Class instances, because type-graphql resolves unions and interfaces by class. */
export function toItem<L extends CatalogItemLabel>(label: L, properties: Properties): ItemOf<L> {
  return Object.assign(new CLASS_OF[label](), {
    sources: [],
    notes: [],
    confidence: 'UNCONFIRMED', // only a node edited by hand lacks a grade
    ...plainProperties(properties),
    id: `${label}:${properties.code as string}`, // its Node id: stable, whatever the day
  }) as ItemOf<L>;
}

/** The DatedRequirement fields out of relationship properties (dates already plain text). */
export function datedRequirementOf(r: Properties): DatedRequirement {
  return {
    validFrom: (r.validFrom as string | null) ?? undefined,
    validUntil: (r.validUntil as string | null) ?? undefined,
    confidence: (r.confidence as Confidence | null) ?? 'UNCONFIRMED',
    sources: (r.sources as string[] | null) ?? [],
    notes: (r.notes as string[] | null) ?? [],
  };
}

const fact = (p: Properties, prefix: string) => ({
  confidence: (p[`${prefix}Confidence`] as Confidence | null) ?? 'UNCONFIRMED',
  sources: (p[`${prefix}Sources`] as string[] | null) ?? [],
  notes: (p[`${prefix}Notes`] as string[] | null) ?? [],
});

/** A ValidityPolicy node's properties (catalog-to-graph.ts) as the model's object. */
export function toValidityPolicy(properties: Properties): ValidityPolicy {
  const p = plainProperties(properties);
  const renewal: RenewalRule | undefined =
    p.renewalMethod === undefined || p.renewalMethod === null
      ? undefined
      : {
          method: p.renewalMethod as string,
          opensMonthsBeforeExpiry: p.renewalOpensMonthsBeforeExpiry as number,
          extendsMonths: p.renewalExtendsMonths as number,
          ...fact(p, 'renewal'),
        };
  const onExpiry: ExpiryRule | undefined =
    typeof p.expiryRule === 'string' ? { rule: p.expiryRule, ...fact(p, 'expiry') } : undefined;
  return Object.assign(new ValidityPolicy(), {
    id: p.id as string,
    name: p.name as string,
    levels: (p.levels as CertificationLevel[] | null) ?? [],
    certifications: (p.certifications as string[] | null) ?? [],
    validFrom: (p.validFrom as string | null) ?? undefined,
    validUntil: (p.validUntil as string | null) ?? undefined,
    expires: p.expires === true,
    validityMonths: (p.validityMonths as number | null) ?? undefined,
    validity: fact(p, 'validity'),
    renewal,
    onExpiry,
  });
}
