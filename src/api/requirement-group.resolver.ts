import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  Requirement,
  RequirementEntry,
  RequirementGroup,
  RequirementRef,
} from '../model/requirement.type';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';
import { Context } from './context';

/** Every field of RequirementGroup beyond its own properties. */
@Resolver(() => RequirementGroup)
export class RequirementGroupResolver {
  @FieldResolver(() => [Requirement], {
    description: 'What the group lists on its day, in the order the catalog lists them.',
  })
  items(@Root() group: RequirementGroup, @Ctx() { catalog }: Context) {
    return entriesOf(group, catalog).map((entry) => entry.item);
  }

  @FieldResolver(() => [RequirementEntry], {
    description:
      'The same items, each with the days it applies and its sources and grade: check `confidence` before presenting one as certain.',
  })
  entries(@Root() group: RequirementGroup, @Ctx() { catalog }: Context) {
    return entriesOf(group, catalog);
  }
}

function entriesOf(group: RequirementGroup, catalog: CatalogSnapshot): RequirementEntry[] {
  const itemOf = (ref: RequirementRef) =>
    ref.kind === 'RequirementGroup' ? ref.group : catalog.item(ref.kind, ref.code);
  return group.refs.flatMap((ref) => {
    const item = itemOf(ref);
    return item ? [{ ...ref.facts, item }] : [];
  });
}
