import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { Requirement, RequirementGroup, RequirementRef } from './requirement.type';

@Resolver(() => RequirementGroup)
export class RequirementGroupResolver {
  @FieldResolver(() => [Requirement], { description: 'In the order the catalog lists them.' })
  async items(@Root() group: RequirementGroup, @Ctx() { loaders }: Context) {
    const load = (ref: RequirementRef) => {
      if (ref.kind === 'RequirementGroup') return ref.group;
      return ref.kind === 'Exam'
        ? loaders.exam.load(ref.code)
        : loaders.certification.load(ref.code);
    };
    // A dangling reference (an item deleted by hand in Neo4j) is skipped rather than failing the query.
    return (await Promise.all(group.refs.map(load))).filter((item) => item !== null);
  }
}
