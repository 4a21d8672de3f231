import { Field, ObjectType } from 'type-graphql';
import { RequirementGroup } from './requirement.type';
import { DateScalar } from './scalars';

@ObjectType({
  description: "A certification's requirements over one period in which they did not change.",
})
export class RequirementSet {
  @Field(() => DateScalar, { nullable: true, description: 'First day; null: since the start.' })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day; null: still applies.' })
  validUntil?: string;

  @Field(() => RequirementGroup)
  requirements!: RequirementGroup;
}
