/**
 * Codes are stored in one canonical case (the seed loader enforces it): certification slugs in
 * lower case, exam and course codes in upper case. Normalising input the same way makes every
 * lookup case-insensitive while still using the uniqueness index.
 */
export const certificationCode = (input: string): string => input.trim().toLowerCase();
export const examOrCourseCode = (input: string): string => input.trim().toUpperCase();
