import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GroupMode } from '../graph/model';
import { DateScalar } from '../history/as-of';
import { DatedRequirement } from '../history/dated-requirement.type';
import { Certification } from './certification.type';
import { Exam } from './exam.type';

export const RequirementMode = { ALL_OF: 'ALL_OF', ONE_OF: 'ONE_OF' } as const satisfies Record<
  GroupMode,
  GroupMode
>;
export type RequirementMode = GroupMode;
registerEnumType(RequirementMode, {
  name: 'RequirementMode',
  valuesConfig: {
    ALL_OF: { description: 'Every item must be met.' },
    ONE_OF: { description: 'Any one item is enough: the learner chooses.' },
  },
});

/** What a group points at, before the catalog items themselves are loaded (in batches). */
export type RequirementRef = (
  | { kind: 'Certification'; code: string }
  | { kind: 'Exam'; code: string }
  | { kind: 'RequirementGroup'; group: RequirementGroup }
) & { facts: DatedRequirement };

@ObjectType({
  description:
    "A set of requirements. A certification's own requirements are an ALL_OF group; a choice between alternatives is a ONE_OF group.",
})
export class RequirementGroup {
  @Field(() => ID, {
    description: 'Stable id: the certification code, plus the position path for nested groups.',
  })
  id!: string;

  @Field(() => RequirementMode)
  mode!: RequirementMode;

  @Field(() => DateScalar, {
    description: 'The day the group is read for: its items applied then.',
  })
  asOf!: string;

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
