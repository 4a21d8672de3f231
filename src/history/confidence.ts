import { registerEnumType } from 'type-graphql';
import { CONFIDENCE_GRADES, Confidence as ConfidenceName } from '../seed/catalog';

export const Confidence = Object.fromEntries(CONFIDENCE_GRADES.map((g) => [g, g])) as {
  [G in ConfidenceName]: G;
};
export type Confidence = ConfidenceName;
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How sure a fact is.',
  valuesConfig: {
    OFFICIAL: {
      description: 'A Microsoft page says so (directly, or in a dated copy that quotes it).',
    },
    SECONDARY: { description: 'Only other sources say so: blogs, trainers, prep sites.' },
    UNCONFIRMED: {
      description:
        'Believed, but no collected source shows it. Never present it as certain; check the listed page.',
    },
  },
});

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
