/** The catalog's words, shared by the seeds, the graph, the algorithms and the API. */

export const CERTIFICATION_LEVELS = ['FUNDAMENTALS', 'ASSOCIATE', 'EXPERT', 'SPECIALTY'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

/** ALL_OF: every item must be met; ONE_OF: any one is enough, the learner chooses. */
export const REQUIREMENT_MODES = ['ALL_OF', 'ONE_OF'] as const;
export type RequirementMode = (typeof REQUIREMENT_MODES)[number];

/** What a plan minimises (paths/plan-costs.ts gives each its cost per exam). */
export const PLAN_OBJECTIVES = [
  'FEWEST_EXAMS',
  'FEWEST_COURSE_DAYS',
  'FEWEST_COURSE_HOURS',
  'LOWEST_EXAM_COST',
] as const;
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];
