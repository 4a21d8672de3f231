import { LearnCatalog } from './learn-catalog';
import { MergeBuilder, ExistingItems, MergePlan, PlanOptions } from './merge-builder';
import { planCertifications } from './plan-certifications';
import { planCourses } from './plan-courses';
import { planExams } from './plan-exams';

export type { ExistingItem, ExistingItems, MergePlan, NewItem, PlanOptions } from './merge-builder';

/**
 * Decides what a Learn catalog changes in the seeds, without touching any file: names, urls,
 * levels, course durations and course–exam links are taken; an existing certification's
 * `requires` never is. Exams come first because courses and certifications refer to them.
 */
export function planMerge(
  learn: LearnCatalog,
  existing: ExistingItems,
  options: PlanOptions,
): MergePlan {
  const builder = new MergeBuilder(existing, options);
  const exams = planExams(learn, builder);
  planCourses(learn, builder, exams);
  planCertifications(learn, builder, exams);
  return builder.plan(learn.skipped);
}
