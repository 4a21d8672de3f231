import { createUnionType, Field, ObjectType } from 'type-graphql';
import { Certification } from './certification.type';
import { DatedRequirement } from './dated-requirement.type';
import { RequirementMode } from './enums';
import { Exam } from './exam.type';
import { Node } from './node.type';
import { DateScalar } from './scalars';

/** What a group points at, before the catalog items themselves are loaded (in batches). */
export type RequirementRef = (
  | { kind: 'Certification'; code: string }
  | { kind: 'Exam'; code: string }
  | { kind: 'RequirementGroup'; group: RequirementGroup }
) & { facts: DatedRequirement };

@ObjectType({
  implements: Node,
  description:
    "A set of requirements as it stood on one day. A certification's own requirements are an ALL_OF group; a choice between alternatives is a ONE_OF group.",
})
export class RequirementGroup extends Node {
  /** The group's own key: the certification's code, plus the position path for nested groups. */
  key!: string;

  @Field(() => RequirementMode)
  mode!: RequirementMode;

  @Field(() => DateScalar, {
    description: 'The day the group is read for: its items applied then.',
  })
  asOf!: string;

  @Field({
    description:
      "False when no source says what the certification required that day: the day is before the earliest source that shows it (its lifecycle's knownSince). `items` is then empty, which does not mean that nothing was required.",
  })
  known!: boolean;

  /** Resolved to catalog items by RequirementGroupResolver.items. */
  refs!: RequirementRef[];
}

export const Requirement = createUnionType({
  name: 'Requirement',
  description: 'One item of a requirement group.',
  types: () => [Certification, Exam, RequirementGroup] as const,
});

@ObjectType({
  implements: DatedRequirement,
  description:
    'One entry of a requirement group: the item, and when and on whose word it is required.',
})
export class RequirementEntry extends DatedRequirement {
  @Field(() => Requirement)
  item!: typeof Requirement;
}
