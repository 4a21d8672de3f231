import { BadUserInputError } from '../errors';
import { ConnectionShape } from '../model/connection.type';
import { Page, PageRequest } from '../store/snapshot/listing';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Which list a cursor was given out by: a cursor only ever continues its own list. */
export type ListName = 'Certification' | 'Exam' | 'Course' | 'CatalogChange';

/**
 * Cursors are opaque to clients; inside, the list that gave it out and the code of the last
 * item seen (lists sort by code), so a cursor of one list handed to another is refused.
 */
export const encodeCursor = (list: ListName, code: string): string =>
  Buffer.from(`${list}:${code}`).toString('base64url');

export function decodeCursor(cursor: string, list: ListName, argumentName = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const [from, code] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const refuse = (why: string) =>
    new BadUserInputError(`${argumentName}: "${cursor}" ${why}`, argumentName);
  if (colon < 1 || code === '' || Buffer.from(decoded).toString('base64url') !== cursor) {
    throw refuse('is not a cursor returned by this API');
  }
  if (from !== list) {
    throw refuse(`continues the ${from.toLowerCase()} list, not this ${list.toLowerCase()} list`);
  }
  return code;
}

export function checkPageSize(
  first: number | undefined,
  argumentName = 'first',
  max = MAX_PAGE_SIZE,
  fallback = DEFAULT_PAGE_SIZE,
): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > max) {
    throw new BadUserInputError(
      `${argumentName} must be between 0 and ${max}; got ${first}`,
      argumentName,
    );
  }
  return size;
}

export function pageRequest(
  list: ListName,
  first: number | undefined,
  after: string | undefined | null,
): PageRequest {
  return {
    first: checkPageSize(first),
    after: after == null ? undefined : decodeCursor(after, list),
  };
}

/** A page of items (sorted by code) as a Relay connection. */
export function toConnection<T extends { code: string }>(
  list: ListName,
  page: Page<T>,
): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(list, node.code), node }));
  return {
    edges,
    nodes: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor,
      endCursor: edges.at(-1)?.cursor,
    },
  };
}
