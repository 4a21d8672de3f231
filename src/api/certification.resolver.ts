import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { addDays, today } from '../domain/days';
import { toMermaid } from '../diagram/mermaid';
import { Certification } from '../model/certification.type';
import { DiagramFormat } from '../model/enums';
import { CertificationPaths } from '../model/path.type';
import { RequirementGraph } from '../model/requirement-graph.type';
import { RequirementSet } from '../model/requirement-set.type';
import { RequirementGroup } from '../model/requirement.type';
import { Unlock } from '../model/unlock.type';
import { AsOfArgs, dayOf } from './args/as-of.args';
import { checkFirstPaths, PathsArgs, pathQuestion, UnlocksArgs } from './args/path.args';
import {
  requiredBy,
  requirementChanges,
  requirementGraph,
  requirementsOn,
} from '../store/snapshot/requirements';
import { inTurn } from '../services/turns';
import { countedHolding } from './args/holdings';
import { Context } from './context';
import { SuccessionFields } from './succession.fields';

/** Every field of Certification beyond its own properties. */
@Resolver(() => Certification)
export class CertificationResolver extends SuccessionFields(Certification) {
  @FieldResolver(() => RequirementGroup, {
    description: 'What the certification needs on the day asked: an ALL_OF group.',
  })
  requirements(
    @Root() cert: Certification,
    @Ctx() { catalog }: Context,
    @Args() { asOf }: AsOfArgs,
  ) {
    return requirementsOn(catalog, cert.code, dayOf(asOf));
  }

  @FieldResolver(() => [RequirementSet], {
    description:
      'Every version of the requirements, oldest first, each with the days it applied (e.g. AZ-303 + AZ-304 until 2022-03-31, then Azure Administrator Associate + AZ-305).',
  })
  requirementHistory(@Root() cert: Certification, @Ctx() { catalog }: Context) {
    const changes = requirementChanges(catalog, cert.code);
    // Period i runs from change i-1 (or the start) to the day before change i (or open).
    const starts = [undefined, ...changes];
    return starts
      .map((validFrom, i) => {
        const validUntil = i < changes.length ? addDays(changes[i], -1) : undefined;
        const day = validFrom ?? validUntil ?? changes.at(0) ?? today();
        return { validFrom, validUntil, requirements: requirementsOn(catalog, cert.code, day) };
      })
      .filter((set) => set.requirements.refs.length > 0);
  }

  @FieldResolver(() => [Certification], {
    description:
      'Certifications that require this one on the day asked, directly or as one of their alternatives.',
  })
  requiredBy(@Root() cert: Certification, @Ctx() { catalog }: Context, @Args() { asOf }: AsOfArgs) {
    return requiredBy(catalog, 'Certification', cert.code, dayOf(asOf));
  }

  @FieldResolver(() => RequirementGraph, {
    description:
      'The whole requirement structure down to exams as it applied on the day asked, as flat nodes and edges (one query, any depth).',
  })
  requirementGraph(
    @Root() cert: Certification,
    @Ctx() { catalog }: Context,
    @Args() { asOf }: AsOfArgs,
  ) {
    return inTurn(() => requirementGraph(catalog, cert.code, dayOf(asOf)));
  }

  @FieldResolver(() => String, {
    description: 'The requirement graph drawn as a diagram, ready to render (e.g. in Markdown).',
  })
  diagram(
    @Root() cert: Certification,
    @Ctx() { catalog }: Context,
    @Arg('format', () => DiagramFormat, { defaultValue: DiagramFormat.MERMAID })
    _format: DiagramFormat,
    @Args() { asOf }: AsOfArgs,
  ) {
    return inTurn(() => toMermaid(requirementGraph(catalog, cert.code, dayOf(asOf))));
  }

  @FieldResolver(() => CertificationPaths, {
    description:
      'Every distinct way to earn this certification from what the learner holds: one choice at each ONE_OF, resolved down to exams. Minimal and distinct: no way contains another.',
  })
  paths(@Root() cert: Certification, @Ctx() { paths, catalog }: Context, @Args() args: PathsArgs) {
    return paths.paths(
      cert.code,
      countedHolding(catalog, args),
      checkFirstPaths(args.first),
      pathQuestion(args, 'UNCONFIRMED'),
    );
  }

  @FieldResolver(() => [Unlock], {
    description:
      'Certifications this one counts toward, at any depth, and what is left for each once it is held.',
  })
  unlocks(
    @Root() cert: Certification,
    @Ctx() { paths, catalog }: Context,
    @Args() args: UnlocksArgs,
  ) {
    return paths.unlocks(cert.code, countedHolding(catalog, args), pathQuestion(args, 'SECONDARY'));
  }
}
