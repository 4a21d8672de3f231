import { DateResolver } from 'graphql-scalars';

/** The `Date` scalar: a calendar day, YYYY-MM-DD (RFC 3339 full-date), from graphql-scalars. */
export const DateScalar = DateResolver;
