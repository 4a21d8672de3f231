/**
 * Search as people type it, against the seeded catalog through GraphQL: codes without their
 * hyphen or with a space, words that are query operators elsewhere, typos, stray syntax, and the
 * day a search is asked for.
 */
import { useSeededApi } from '../support/seeded-api';

const seeded = useSeededApi();
const TODAY = '2026-11-27';

async function search(text: string, variables: Record<string, unknown> = {}) {
  const result = await seeded.api.execute<{ search: { __typename: string; code: string }[] }>(
    `query($t: String!, $asOf: Date, $status: [ItemStatus!], $first: Int) {
      search(text: $t, asOf: $asOf, status: $status, first: $first) { __typename code }
    }`,
    { t: text, asOf: TODAY, ...variables },
  );
  return {
    errors: result.errors,
    hits: (result.data?.search ?? []).map((item) => `${item.__typename}:${item.code}`),
  };
}

describe('what people type finds what they mean, the exact code first', () => {
  test.each([
    ['AZ104', 'Exam:AZ-104'],
    ['az 104', 'Exam:AZ-104'],
    ['az-104', 'Exam:AZ-104'],
    ['  AZ-104  ', 'Exam:AZ-104'],
    ['AZ-104T00', 'Course:AZ-104T00'],
    ['az104t00', 'Course:AZ-104T00'],
    ['pl 600', 'Exam:PL-600'],
    ['devops-engineer', 'Certification:devops-engineer'],
    ['devops engineer expert', 'Certification:devops-engineer'],
    ['devops engneer expert', 'Certification:devops-engineer'], // a typo
    ['DevOps Enginer', 'Certification:devops-engineer'], // another
    ['"azure administrator"', 'Certification:azure-administrator'], // quotes are not syntax
    ['(azure administrator', 'Certification:azure-administrator'],
    ['azure AND administrator', 'Certification:azure-administrator'],
  ])('%j → %s first', async (text, first) => {
    const { errors, hits } = await search(text);
    expect(errors).toBeUndefined();
    expect(hits[0]).toBe(first);
  });

  test('a code prefix lists the codes that start with it before name matches', async () => {
    const { hits } = await search('AZ-40');
    expect(hits.slice(0, 2)).toEqual(['Exam:AZ-400', 'Course:AZ-400T00']);
  });

  test('a number is never read as a typo of another: AZ-104T00 does not find AZ-204T00', async () => {
    const { hits } = await search('AZ 104T00', { status: null });
    expect(hits).toContain('Course:AZ-104T00');
    expect(hits).not.toContain('Course:AZ-204T00');
  });

  test('words that are operators in query languages are plain words', async () => {
    const and = await search('and');
    expect(and.errors).toBeUndefined();
    // "Designing and Implementing Microsoft DevOps Solutions"
    expect(and.hits).toContain('Exam:AZ-400');
    for (const word of ['OR', 'NOT', 'AND OR']) {
      expect((await search(word)).errors).toBeUndefined();
    }
  });

  test('honours first, and finds nothing for a word no item has', async () => {
    expect((await search('azure', { first: 2 })).hits).toHaveLength(2);
    expect((await search('quantum')).hits).toEqual([]);
  });

  test.each([
    ['', 'text must not be empty'],
    ['   ', 'text must not be empty'],
    ['*', 'text must contain a letter or digit; got "*"'],
    ['~', 'text must contain a letter or digit; got "~"'],
    ['"()"', 'text must contain a letter or digit; got ""()""'],
    ['x'.repeat(201), 'text must be at most 200 characters; got 201'],
  ])('refuses %j naming text', async (text, message) => {
    const { errors } = await search(text);
    expect(errors?.[0]).toMatchObject({
      message,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'text' },
    });
  });
});

describe('a search is asked for a day', () => {
  test('nothing a source does not show by that day is found', async () => {
    expect((await search('AZ-305', { asOf: '2021-06-01' })).hits).toEqual([]);
    expect((await search('AZ-305')).hits[0]).toBe('Exam:AZ-305');
    expect((await search('devops', { asOf: '1990-01-01' })).hits).toEqual([]);
  });

  test('a retired item is still found, so a learner sees it retired; a status filter narrows', async () => {
    expect((await search('AZ-204')).hits[0]).toBe('Exam:AZ-204');
    const available = await search('AZ-204', { status: ['BETA', 'ACTIVE', 'RETIRING'] });
    expect(available.hits).not.toContain('Exam:AZ-204');
  });

  test("on the seed document's day, what could be taken is the seed document's AZ-30x exams", async () => {
    const { hits } = await search('AZ-30', {
      asOf: '2021-06-01',
      status: ['BETA', 'ACTIVE', 'RETIRING'],
    });
    expect(hits.filter((hit) => hit.startsWith('Exam:'))).toEqual(['Exam:AZ-303', 'Exam:AZ-304']);
  });
});
