import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { addDays } from '../domain/days';
import { Certification } from '../model/certification.type';
import { ExpiryCost, HeldCredential, HeldCredentialInput, Learner } from '../model/learner.type';
import { Unlock } from '../model/unlock.type';
import { ValidityPolicy } from '../model/validity-policy.type';
import { AssessedCredential, assessHoldings, countingCodes } from '../services/held-credentials';
import { learnerActions } from '../services/learner-actions';
import { AsOfArgs, dayOf } from './args/as-of.args';
import { statementsOf } from './args/holdings';
import { Context } from './context';

@ArgsType()
class LearnerArgs extends AsOfArgs {
  @Field(() => [HeldCredentialInput], {
    description: 'What the learner holds, with the days each was earned and last renewed.',
  })
  holdings!: HeldCredentialInput[];
}

/** A held credential with the rest of what is held, for the questions asked about it. */
type HeldInView = HeldCredential & { view: { day: string; counting: string[] } };

const toHeld = (held: AssessedCredential, view: HeldInView['view']): HeldInView =>
  Object.assign(new HeldCredential(), { ...held, view });

/** The learner's view (Query.learner, docs/validity.md) and what each held credential means. */
@Resolver(() => HeldCredential)
export class LearnerResolver {
  @Query(() => Learner, {
    description:
      'For each held credential: how long it counts, when its renewal opens, its state on the day asked, what it counts toward and what expiring would cost; and every upcoming action in date order.',
  })
  learner(@Ctx() { catalog }: Context, @Args() args: LearnerArgs): Learner {
    const day = dayOf(args.asOf);
    const assessed = assessHoldings(catalog, [], statementsOf(args.holdings), day);
    const view = { day, counting: countingCodes(assessed) };
    return {
      asOf: day,
      credentials: assessed.map((held) => toHeld(held, view)),
      actions: learnerActions(assessed, day),
    };
  }

  @Query(() => [ValidityPolicy], {
    description:
      'How long certifications count once earned, and how they are renewed, as sourced policies (seeds/microsoft/validity-policies.yaml); with `level`, only those covering it.',
  })
  validityPolicies(
    @Ctx() { catalog }: Context,
    @Arg('level', () => String, { nullable: true }) level?: string | null,
  ): ValidityPolicy[] {
    const wanted = level?.trim().toUpperCase();
    return catalog.validityPolicies.filter(
      (policy) => !wanted || (policy.levels as string[]).includes(wanted),
    );
  }

  @FieldResolver(() => [Unlock], {
    description:
      'Certifications it counts toward on the day asked, with the rest of what is held: none once expired.',
  })
  unlocks(@Root() held: HeldInView, @Ctx() { paths }: Context): Promise<Unlock[]> | Unlock[] {
    if (!held.counts) return [];
    return paths.unlocks(held.code, held.view.counting, {
      day: held.view.day,
      minConfidence: 'SECONDARY',
    });
  }

  @FieldResolver(() => ExpiryCost, {
    nullable: true,
    description:
      'What it costs when it expires (for an expired one: has cost), on the first day without it; null when it does not expire.',
  })
  async ifExpired(
    @Root() held: HeldInView,
    @Ctx() { paths, catalog }: Context,
  ): Promise<ExpiryCost | null> {
    if (held.validUntil === undefined) return null;
    const from = addDays(held.validUntil, 1);
    const day = held.view.day > from ? held.view.day : from;
    const question = { day, minConfidence: 'SECONDARY' as const };
    const others = held.view.counting.filter((code) => code !== held.code);
    const held0 = new Set(held.view.counting);
    const met = async (holding: string[]) =>
      new Set(
        (await paths.unlocks(held.code, holding, question))
          .filter((unlock) => unlock.earned && !held0.has(unlock.certification.code))
          .map((unlock) => unlock.certification.code),
      );
    // Met with it (it counts as held) but not without it: what it alone keeps met.
    const withIt = await met(others);
    const withoutIt = new Set<string>();
    for (const code of withIt) {
      const plan = await paths.plan(code, others, 'FEWEST_EXAMS', question);
      if (plan?.alreadyQualified) withoutIt.add(code);
    }
    const stopsMeeting = [...withIt]
      .filter((code) => !withoutIt.has(code))
      .map((code) => catalog.item('Certification', code))
      .filter((cert): cert is Certification => cert !== null);
    const reEarn =
      held.item instanceof Certification
        ? await paths.plan(held.code, others, 'FEWEST_EXAMS', question)
        : null;
    return { from, stopsMeeting, reEarn };
  }
}
