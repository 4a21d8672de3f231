import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { Certification } from './certification.type';
import { RequirementGraph } from './requirement-graph.type';
import { RequirementGroup } from './requirement.type';

@Resolver(() => Certification)
export class CertificationResolver {
  @FieldResolver(() => RequirementGroup, {
    description: 'What the certification needs: an ALL_OF group.',
  })
  async requirements(@Root() cert: Certification, @Ctx() { loaders }: Context) {
    return (await loaders.requirements.load(cert.code))!;
  }

  @FieldResolver(() => [Certification], {
    description: 'Certifications that require this one, directly or as one of their alternatives.',
  })
  requiredBy(@Root() cert: Certification, @Ctx() { loaders }: Context) {
    return loaders.certificationRequiredBy.load(cert.code);
  }

  @FieldResolver(() => RequirementGraph, {
    description:
      'The whole requirement structure down to exams, as flat nodes and edges (one query, any depth).',
  })
  requirementGraph(@Root() cert: Certification, @Ctx() { catalog }: Context) {
    return catalog.requirementGraph(cert.code);
  }
}
