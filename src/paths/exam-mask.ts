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

// Both below read the mask 32 bits at a time: shifting a bigint copies it, so going bit by bit
// would be quadratic for the hundreds of exams of deep targets.

const WORD = 32n;
const WORD_MASK = 0xffffffffn;

function bitsIn(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function popcount(mask: ExamMask): number {
  let count = 0;
  for (let rest = mask; rest !== 0n; rest >>= WORD) count += bitsIn(Number(rest & WORD_MASK));
  return count;
}

/** The exam indices in a mask, ascending. */
export function indicesOf(mask: ExamMask): number[] {
  const indices: number[] = [];
  for (let rest = mask, base = 0; rest !== 0n; rest >>= WORD, base += 32) {
    let word = Number(rest & WORD_MASK);
    while (word !== 0) {
      const lowest = word & -word;
      indices.push(base + 31 - Math.clz32(lowest));
      word = (word ^ lowest) >>> 0;
    }
  }
  return indices;
}
