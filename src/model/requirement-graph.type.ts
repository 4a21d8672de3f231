import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DatedRequirement } from './dated-requirement.type';
import {
  CertificationLevel,
  Confidence,
  ItemStatus,
  RequirementEdgeType,
  RequirementMode,
  RequirementNodeKind,
} from './enums';
import { DateScalar } from './scalars';

@ObjectType()
export class RequirementGraphNode {
  @Field(() => ID, {
    description:
      'The node on the graph\'s day, e.g. "Exam:AZ-400@2026-11-27": its status depends on the day, so a cache keeps two days apart. `from` and `to` of the edges use it.',
  })
  id!: string;

  @Field(() => RequirementNodeKind)
  kind!: RequirementNodeKind;

  @Field({ nullable: true, description: 'Null for groups.' })
  code?: string;

  @Field({ nullable: true, description: 'Null for groups.' })
  name?: string;

  @Field(() => CertificationLevel, { nullable: true, description: 'Certifications only.' })
  level?: CertificationLevel;

  @Field(() => RequirementMode, { nullable: true, description: 'Groups only.' })
  mode?: RequirementMode;

  @Field(() => ItemStatus, {
    nullable: true,
    description: "Status on the graph's day; null for groups.",
  })
  status?: ItemStatus;

  @Field(() => Confidence, {
    nullable: true,
    description: "How sure the item's own facts are; null for groups.",
  })
  confidence?: Confidence;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it could be taken or earned; null for groups and when none is known.',
  })
  retiredOn?: string;
}

@ObjectType({
  implements: DatedRequirement,
  description: "A requirement as it applied on the graph's day, with its dates and sources.",
})
export class RequirementGraphEdge extends DatedRequirement {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => RequirementEdgeType)
  type!: RequirementEdgeType;

  @Field(() => Int, { description: 'Order among the edges leaving `from`, as curated.' })
  position!: number;
}

@ObjectType({
  description:
    "A certification's whole requirement structure, down to exams, as plain nodes and edges: drawable without knowing its depth.",
})
export class RequirementGraph {
  @Field(() => ID, { description: "The id of the certification's node, among `nodes`." })
  root!: string;

  @Field(() => DateScalar, { description: 'The day the graph is drawn for.' })
  asOf!: string;

  @Field(() => [RequirementGraphNode])
  nodes!: RequirementGraphNode[];

  @Field(() => [RequirementGraphEdge])
  edges!: RequirementGraphEdge[];
}
