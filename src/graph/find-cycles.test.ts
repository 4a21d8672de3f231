import { findCycles, Graph } from './find-cycles';

const graph = (edges: Record<string, string[]>): Graph<string> => new Map(Object.entries(edges));

describe('findCycles', () => {
  test.each([
    ['empty', {}, []],
    ['a chain', { a: ['b'], b: ['c'] }, []],
    ['a diamond (shared prerequisite, no cycle)', { a: ['b', 'c'], b: ['d'], c: ['d'] }, []],
    ['a self-loop', { a: ['a'] }, [['a', 'a']]],
    ['two nodes', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    [
      'a long cycle named whole',
      { a: ['b'], b: ['c'], c: ['d'], d: ['b'] },
      [['b', 'c', 'd', 'b']],
    ],
    [
      'two separate cycles',
      { a: ['b'], b: ['a'], c: ['d'], d: ['c'] },
      [
        ['a', 'b', 'a'],
        ['c', 'd', 'c'],
      ],
    ],
  ])('%s', (_name, edges, expected) => {
    expect(findCycles(graph(edges))).toEqual(expected);
  });
});
