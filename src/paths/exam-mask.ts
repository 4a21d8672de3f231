/**
 * Sets of exams as bigint bit masks: bit i stands for exam i of a compiled problem. Requirement
 * subgraphs hold tens to hundreds of exams, where a bigint's union, intersection and subset test
 * are single operations and a mask doubles as a map key.
 */
export type ExamMask = bigint;

export const NO_EXAMS: ExamMask = 0n;

export const bit = (index: number): ExamMask => 1n << BigInt(index);

export const overlaps = (a: ExamMask, b: ExamMask): boolean => (a & b) !== 0n;

export const isSubset = (a: ExamMask, b: ExamMask): boolean => (a & b) === a;

export function popcount(mask: ExamMask): number {
  let count = 0;
  for (let rest = mask; rest !== 0n; rest &= rest - 1n) count++;
  return count;
}

/** The exam indices in a mask, ascending. */
export function indicesOf(mask: ExamMask): number[] {
  const indices: number[] = [];
  for (let rest = mask, i = 0; rest !== 0n; rest >>= 1n, i++) if (rest & 1n) indices.push(i);
  return indices;
}
