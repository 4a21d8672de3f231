import { BadUserInputError } from '../errors';

export const MAX_SEARCH_RESULTS = 50;
export const DEFAULT_SEARCH_RESULTS = 10;
const MAX_SEARCH_TEXT = 200;

/**
 * Turns what a person types into a Lucene query for the full-text index: every word must match
 * as a prefix, so "az-4" finds AZ-400 and "devops eng" finds DevOps Engineer Expert. Lucene's
 * operators are never passed through: words are cut at anything but letters and digits.
 */
export function toFullTextQuery(text: string): string {
  if (text.trim().length === 0) throw new BadUserInputError('text must not be empty', 'text');
  if (text.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(
      `text must be at most ${MAX_SEARCH_TEXT} characters; got ${text.length}`,
      'text',
    );
  }
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) {
    throw new BadUserInputError(`text must contain a letter or digit; got "${text}"`, 'text');
  }
  return words.map((word) => `${word}*`).join(' AND ');
}
