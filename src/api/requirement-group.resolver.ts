import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from './context';
import {
  Requirement,
  RequirementEntry,
  RequirementGroup,
  RequirementRef,
} from '../model/requirement.type';

@Resolver(() => RequirementGroup)
export class RequirementGroupResolver {
  @FieldResolver(() => [Requirement], {
    description: 'What the group lists on its day, in the order the catalog lists them.',
  })
  async items(@Root() group: RequirementGroup, @Ctx() context: Context) {
    return (await this.loadEntries(group, context)).map((entry) => entry.item);
  }

  @FieldResolver(() => [RequirementEntry], {
    description:
      'The same items, each with the days it applies and its sources and grade: check `confidence` before presenting one as certain.',
  })
  entries(@Root() group: RequirementGroup, @Ctx() context: Context) {
    return this.loadEntries(group, context);
  }

  private async loadEntries(group: RequirementGroup, { loaders }: Context) {
    const load = async (ref: RequirementRef) =>
      ref.kind === 'RequirementGroup' ? ref.group : loaders.requirementItem.load(ref.code);
    const items = await Promise.all(group.refs.map(load));
    // A dangling reference (an item deleted by hand in Neo4j) is skipped rather than failing the query.
    return group.refs
      .map((ref, i) => ({ ...ref.facts, item: items[i] }))
      .filter((entry): entry is RequirementEntry => entry.item !== null);
  }
}
