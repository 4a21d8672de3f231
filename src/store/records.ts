import { plainProperties } from '../db/properties';
import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { DatedRequirement } from '../model/dated-requirement.type';
import { Confidence } from '../model/enums';
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
