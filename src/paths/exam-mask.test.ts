import fc from 'fast-check';
import { bit, indicesOf, isSubset, popcount } from './exam-mask';
import { MinHeap } from './min-heap';

test.each([
  [0n, []],
  [1n, [0]],
  [bit(31), [31]],
  [bit(32) | bit(0), [0, 32]],
  [(1n << 64n) - 1n, Array.from({ length: 64 }, (_, i) => i)],
])('indicesOf(%s)', (mask, indices) => {
  expect(indicesOf(mask)).toEqual(indices);
  expect(popcount(mask)).toBe(indices.length);
});

test('indicesOf and popcount agree with the set of bits, at any width', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.nat(400)), (indices) => {
      const mask = indices.reduce((m, i) => m | bit(i), 0n);
      expect(indicesOf(mask)).toEqual([...indices].sort((a, b) => a - b));
      expect(popcount(mask)).toBe(indices.length);
    }),
  );
});

test('isSubset', () => {
  expect(isSubset(bit(1), bit(1) | bit(2))).toBe(true);
  expect(isSubset(bit(1) | bit(3), bit(1) | bit(2))).toBe(false);
});

test('MinHeap pops in order, ties as the comparator says', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(100))), (items) => {
      const heap = new MinHeap<[number, number]>(
        (a, b) => a[0] - b[0] < 0 || (a[0] === b[0] && a[1] < b[1]),
      );
      items.forEach((item) => heap.push(item));
      const popped: [number, number][] = [];
      while (heap.size > 0) popped.push(heap.pop()!);
      expect(popped).toEqual([...items].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }),
  );
});
