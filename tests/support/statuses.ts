import { ITEM_STATUSES } from '../../src/domain/status';

/**
 * Every status, as a GraphQL list literal: lists and searches show only some statuses unless
 * asked (lists: what can be taken or earned that day), so a test that means "every item" says so.
 */
export const ANY_STATUS = `[${ITEM_STATUSES.join(', ')}]`;
