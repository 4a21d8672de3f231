import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../model/catalog-item.type';
import { LearnerAction } from '../model/learner.type';
import { Plan } from '../model/plan.type';
import { NO_PLAN_VALIDITY, PlanValidity } from '../services/plan-validity';
import { Context } from './context';

/** A plan with what the validity of the held credentials it counts means for it. */
type PlanWithValidity = Plan & { validity?: PlanValidity };

export const withValidity = (plan: Plan, validity: PlanValidity): PlanWithValidity =>
  Object.assign(plan, { validity });

/** Every field of Plan beyond what the paths service computes. */
@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => [CatalogItem], {
    description:
      "Where to go instead of the target: its direct replacement and Microsoft's successor pathway, when named (typically for a retired or retiring target).",
  })
  successors(@Root() plan: Plan, @Ctx() { catalog }: Context) {
    const { replacedBy, successor } = catalog.successionOf(plan.target.code);
    return [replacedBy, successor].filter((item) => item !== null);
  }

  @FieldResolver(() => [String], {
    description:
      'What the validity of held credentials means for this plan (from `holdings`): one it counts that is in its renewal window, retired, expired, or expiring before an exam of the path can be taken.',
  })
  warnings(@Root() plan: PlanWithValidity): string[] {
    return (plan.validity ?? NO_PLAN_VALIDITY).warnings;
  }

  @FieldResolver(() => [LearnerAction], {
    description:
      'The renewal windows and deadlines of the held certifications this plan counts, in date order: keep them, or the plan no longer holds.',
  })
  renewals(@Root() plan: PlanWithValidity): LearnerAction[] {
    return (plan.validity ?? NO_PLAN_VALIDITY).renewals;
  }
}
