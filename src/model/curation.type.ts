import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CatalogItem } from './catalog-item.type';
import { Certification } from './certification.type';
import { Connection } from './connection.type';
import { Course } from './course.type';
import { CertificationLevel, Confidence, RequirementMode } from './enums';
import { Exam } from './exam.type';

// Inputs mirror the output types; checks beyond GraphQL's types are the seeds' own
// (src/curation/mutations.ts), so a refusal reads as it would for a seed file.

@InputType({ description: 'What a certification requires: ALL_OF its items, or ONE_OF them.' })
export class RequirementInput {
  @Field(() => RequirementMode)
  mode!: RequirementMode;

  @Field(() => [RequirementItemInput])
  items!: RequirementItemInput[];
}

@InputType({
  description:
    'One requirement: an exam or certification code, or a nested group; exactly one of the two.',
})
export class RequirementItemInput {
  @Field(() => String, {
    nullable: true,
    description: 'An exam or certification code (any letter case).',
  })
  code?: string | null;

  @Field(() => RequirementInput, { nullable: true })
  group?: RequirementInput | null;
}

@InputType({ description: 'Shared by the item inputs; not used on its own.' })
abstract class ItemInput {
  @Field({ description: 'Certifications: a lower-case slug; exams and courses: upper case.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => Confidence, { description: "The grade of the item's own facts." })
  confidence!: Confidence;

  @Field(() => [String], { description: 'At least one http(s) URL (or seeds/… document).' })
  sources!: string[];

  @Field(() => [String], { nullable: true })
  notes?: string[] | null;
}

@InputType({
  description:
    'A certification to add, or new facts of an existing one (its requirements and lifecycle stay).',
})
export class CertificationInput extends ItemInput {
  @Field(() => CertificationLevel)
  level!: CertificationLevel;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => RequirementInput, {
    nullable: true,
    description: 'Needed for a new certification; later versions go through setRequirements.',
  })
  requirements?: RequirementInput | null;
}

@InputType({
  description: 'An exam to add, or new facts of an existing one (its lifecycle stays).',
})
export class ExamInput extends ItemInput {
  @Field(() => Float, {
    nullable: true,
    description: 'The fee in US dollars, as a source gives it.',
  })
  priceUsd?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: "The price's sources (default: the exam's).",
  })
  priceSources?: string[] | null;

  @Field(() => Confidence, { nullable: true })
  priceConfidence?: Confidence | null;
}

@InputType({
  description: 'A course to add, or new facts of an existing one (its lifecycle stays).',
})
export class CourseInput extends ItemInput {
  @Field(() => [String], { description: 'The exams the course prepares for.' })
  exams!: string[];

  @Field(() => Float, { nullable: true })
  durationDays?: number | null;

  @Field(() => Float, { nullable: true })
  durationHours?: number | null;

  @Field(() => [String], { nullable: true })
  durationSources?: string[] | null;

  @Field(() => Confidence, { nullable: true })
  durationConfidence?: Confidence | null;
}

@ObjectType({
  description: 'One curated change, as the audit trail in the graph keeps it (:CatalogChange).',
})
export class CatalogChange {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The catalog version this change made.' })
  version!: number;

  @Field({ description: "Who: the JWT's subject, or CURATOR_TOKEN." })
  who!: string;

  @Field({ description: 'When it committed (ISO 8601, UTC).' })
  at!: string;

  @Field()
  mutation!: string;

  @Field({ description: 'The arguments, as JSON.' })
  arguments!: string;

  @Field({ description: 'The touched items before, as JSON seed items (null: absent).' })
  before!: string;

  @Field({ description: 'The touched items after, as JSON seed items (null: removed).' })
  after!: string;

  @Field(() => [String])
  sources!: string[];
}

export const CatalogChangeConnection = Connection(CatalogChange, 'CatalogChange');

@ObjectType({ description: 'Shared by the payloads; not used on its own.' })
abstract class ChangePayload {
  @Field(() => Int, {
    description: 'The catalog version after the change: the next expectedVersion.',
  })
  catalogVersion!: number;

  @Field(() => CatalogChange)
  change!: CatalogChange;
}

@ObjectType()
export class CertificationPayload extends ChangePayload {
  @Field(() => Certification)
  certification!: Certification;
}

@ObjectType()
export class ExamPayload extends ChangePayload {
  @Field(() => Exam)
  exam!: Exam;
}

@ObjectType()
export class CoursePayload extends ChangePayload {
  @Field(() => Course)
  course!: Course;
}

@ObjectType()
export class RetirePayload extends ChangePayload {
  @Field(() => CatalogItem, { description: 'The retired item.' })
  item!: CatalogItem;
}

@ObjectType()
export class RemovePayload extends ChangePayload {
  @Field({ description: 'The code of the removed item.' })
  code!: string;
}
