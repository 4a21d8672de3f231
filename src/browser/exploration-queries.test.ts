import { parseExplorationQuery } from './exploration-queries';

const file = (header: string[], cypher: string) =>
  [...header.map((line) => `//${line && ` ${line}`}`), cypher].join('\n');

const GOOD = file(
  [
    'Shortest chain',
    '',
    'Shows: the fewest steps from one',
    'certification to another.',
    '',
    'Parameters:',
    '  $from  where to start',
    '  $to    where to end',
    'Example:',
    ":param from => 'a'",
    ":param to => 'b'",
  ],
  'MATCH p = (a {code: $from})-->(b {code: $to})\nRETURN p\n',
);

describe('parseExplorationQuery', () => {
  test('reads name, description, parameters, example :param lines and the statement', () => {
    expect(parseExplorationQuery('chain.cypher', GOOD)).toEqual({
      file: 'chain.cypher',
      name: 'Shortest chain',
      shows: 'the fewest steps from one certification to another.',
      parameters: [
        { name: 'from', description: 'where to start' },
        { name: 'to', description: 'where to end' },
      ],
      exampleParams: [
        { name: 'from', expression: "'a'", line: ":param from => 'a'" },
        { name: 'to', expression: "'b'", line: ":param to => 'b'" },
      ],
      cypher: 'MATCH p = (a {code: $from})-->(b {code: $to})\nRETURN p',
    });
  });

  test('a query without parameters needs neither section', () => {
    const parsed = parseExplorationQuery(
      'all.cypher',
      file(['All', 'Shows: all'], 'MATCH (n) RETURN n'),
    );
    expect(parsed.parameters).toEqual([]);
    expect(parsed.exampleParams).toEqual([]);
  });

  test.each([
    [
      'no name',
      file(['', 'Shows: x'], 'RETURN 1'),
      'the first line must be a comment naming the query',
    ],
    ['no Shows:', file(['Name'], 'RETURN 1'), 'the header needs a "Shows:" paragraph'],
    ['no statement', file(['Name', 'Shows: x'], ''), 'no Cypher statement after the header'],
    [
      'an undeclared parameter',
      GOOD.replace('//   $to    where to end\n', ''),
      'the statement uses [from,to] but "Parameters:" lists [from]',
    ],
    [
      'a parameter without an example',
      GOOD.replace("\n// :param to => 'b'", ''),
      'the statement uses [from,to] but "Example:" sets [from]',
    ],
    [
      'a malformed example',
      GOOD.replace(":param to => 'b'", ':param to = b'),
      '":param to = b" is not a ":param name => value" line',
    ],
  ])('names the file and the problem: %s', (_, text, message) => {
    expect(() => parseExplorationQuery('q.cypher', text)).toThrow(
      `schema/queries/q.cypher: ${message}`,
    );
  });
});
