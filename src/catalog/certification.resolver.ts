import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Context } from '../context';
import { addDays, AS_OF_ARG, asOfDay, DateScalar } from '../history/as-of';
import { Certification } from './certification.type';
import { RequirementGraph } from './requirement-graph.type';
import { RequirementGroup } from './requirement.type';

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

@Resolver(() => Certification)
export class CertificationResolver {
  @FieldResolver(() => RequirementGroup, {
    description: 'What the certification needs on the day asked: an ALL_OF group.',
  })
  async requirements(
    @Root() cert: Certification,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    return (await loaders.asOf(asOfDay(asOf)).requirements.load(cert.code))!;
  }

  @FieldResolver(() => [RequirementSet], {
    description:
      'Every version of the requirements, oldest first, each with the days it applied (e.g. AZ-303 + AZ-304 until 2022-03-31, then Azure Administrator Associate + AZ-305).',
  })
  async requirementHistory(@Root() cert: Certification, @Ctx() { loaders }: Context) {
    const changes = await loaders.requirementChanges.load(cert.code);
    // Period i runs from change i-1 (or the start) to the day before change i (or open).
    const starts = [undefined, ...changes];
    const sets = await Promise.all(
      starts.map(async (validFrom, i) => {
        const validUntil = i < changes.length ? addDays(changes[i], -1) : undefined;
        const day = validFrom ?? validUntil ?? changes[0] ?? asOfDay(null);
        const requirements = (await loaders.asOf(day).requirements.load(cert.code))!;
        return { validFrom, validUntil, requirements };
      }),
    );
    return sets.filter((set) => set.requirements.refs.length > 0);
  }

  @FieldResolver(() => [Certification], {
    description:
      'Certifications that require this one on the day asked, directly or as one of their alternatives.',
  })
  requiredBy(
    @Root() cert: Certification,
    @Ctx() { loaders }: Context,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    return loaders.asOf(asOfDay(asOf)).certificationRequiredBy.load(cert.code);
  }

  @FieldResolver(() => RequirementGraph, {
    description:
      'The whole requirement structure down to exams as it applied on the day asked, as flat nodes and edges (one query, any depth).',
  })
  requirementGraph(
    @Root() cert: Certification,
    @Ctx() { catalog }: Context,
    @Arg('asOf', () => DateScalar, AS_OF_ARG) asOf?: Date | null,
  ) {
    return catalog.requirementGraph(cert.code, asOfDay(asOf));
  }
}
