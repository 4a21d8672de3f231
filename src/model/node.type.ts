import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Global Object Identification: every object a normalizing client (Apollo Client,
 * Relay) may store by id implements Node, and `Query.node(id)` fetches it again.
 */
@InterfaceType({
  description:
    'An object with a global id that names exactly its content: a normalizing cache may key on it, and `node(id:)` fetches it again.',
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Globally unique. A catalog item\'s is stable ("Exam:AZ-400"); what depends on a day includes the day ("RequirementGroup:devops-engineer/1@2026-11-27"). Opaque to clients: do not parse it.',
  })
  id!: string;
}
