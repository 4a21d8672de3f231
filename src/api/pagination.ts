import { BadUserInputError } from '../errors';
import { ConnectionShape } from '../model/connection.type';
import { Page, PageRequest } from '../store/snapshot/listing';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'code:';

/** Cursors are opaque to clients; inside, the code of the last item seen (lists sort by code). */
export const encodeCursor = (code: string): string =>
  Buffer.from(CURSOR_PREFIX + code).toString('base64url');

export function decodeCursor(cursor: string, argumentName = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (
    !decoded.startsWith(CURSOR_PREFIX) ||
    decoded.length === CURSOR_PREFIX.length ||
    encodeCursor(decoded.slice(CURSOR_PREFIX.length)) !== cursor
  ) {
    throw new BadUserInputError(
      `${argumentName}: "${cursor}" is not a cursor returned by this API`,
      argumentName,
    );
  }
  return decoded.slice(CURSOR_PREFIX.length);
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
  first: number | undefined,
  after: string | undefined | null,
): PageRequest {
  return { first: checkPageSize(first), after: after == null ? undefined : decodeCursor(after) };
}

/** A page of items (sorted by code) as a Relay connection. */
export function toConnection<T extends { code: string }>(page: Page<T>): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: encodeCursor(node.code), node }));
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
