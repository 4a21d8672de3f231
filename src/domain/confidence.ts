/** How sure a fact is: a Microsoft page (or a dated copy of one), another source, or no source. */
export const CONFIDENCE_GRADES = ['OFFICIAL', 'SECONDARY', 'UNCONFIRMED'] as const;
export type Confidence = (typeof CONFIDENCE_GRADES)[number];

const RANK: Record<Confidence, number> = { OFFICIAL: 2, SECONDARY: 1, UNCONFIRMED: 0 };

/** Whether a fact graded `grade` is at least as sure as `minimum`. */
export const isAtLeast = (grade: Confidence, minimum: Confidence): boolean =>
  RANK[grade] >= RANK[minimum];

/** The least sure of the grades (OFFICIAL for none): a conclusion is only as sure as its weakest fact. */
export const weakest = (grades: Iterable<Confidence>): Confidence => {
  let result: Confidence = 'OFFICIAL';
  for (const grade of grades) if (RANK[grade] < RANK[result]) result = grade;
  return result;
};
