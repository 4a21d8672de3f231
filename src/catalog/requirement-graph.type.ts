import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CertificationLevel } from './certification.type';
import { RequirementMode } from './requirement.type';

export enum RequirementNodeKind {
  CERTIFICATION = 'CERTIFICATION',
  EXAM = 'EXAM',
  GROUP = 'GROUP',
}
registerEnumType(RequirementNodeKind, { name: 'RequirementNodeKind' });

export enum RequirementEdgeType {
  REQUIRES = 'REQUIRES',
  ONE_OF = 'ONE_OF',
}
registerEnumType(RequirementEdgeType, { name: 'RequirementEdgeType' });

@ObjectType()
export class RequirementGraphNode {
  @Field(() => ID, { description: 'Unique within the graph, e.g. "Exam:AZ-400".' })
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
}

@ObjectType()
export class RequirementGraphEdge {
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
  @Field(() => ID, { description: 'The id of the certification the graph belongs to.' })
  root!: string;

  @Field(() => [RequirementGraphNode])
  nodes!: RequirementGraphNode[];

  @Field(() => [RequirementGraphEdge])
  edges!: RequirementGraphEdge[];
}
