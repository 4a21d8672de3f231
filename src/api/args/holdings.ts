import { BadUserInputError } from '../../errors';
import { HeldCredentialInput } from '../../model/learner.type';
import {
  AssessedCredential,
  assessHoldings,
  countingCodes,
  HeldCredentialStatement,
} from '../../services/held-credentials';
import { CatalogSnapshot } from '../../store/snapshot/catalog-snapshot';
import { dayOf } from './as-of.args';

/** A `Date` argument (graphql-scalars parses YYYY-MM-DD to a UTC midnight) as a day. */
function dayArgument(value: Date | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Number.isNaN(value.getTime())) {
    throw new BadUserInputError(`${argument}: not a valid date`, argument);
  }
  return value.toISOString().slice(0, 10);
}

/** The `holdings` argument as statements, each date checked and named by its path. */
export const statementsOf = (
  holdings: readonly HeldCredentialInput[] | null | undefined,
  argument = 'holdings',
): HeldCredentialStatement[] =>
  (holdings ?? []).map((held, i) => ({
    code: held.code,
    earnedOn: dayArgument(held.earnedOn, `${argument}[${i}].earnedOn`),
    renewedOn: dayArgument(held.renewedOn, `${argument}[${i}].renewedOn`),
  }));

interface HoldingArgs {
  holding?: string[] | null;
  holdings?: HeldCredentialInput[] | null;
  asOf?: Date | null;
}

/** The dated holdings judged on the day asked (bare `holding` codes have no dates to judge). */
export const assessedHoldings = (
  catalog: CatalogSnapshot,
  args: HoldingArgs,
): AssessedCredential[] =>
  assessHoldings(catalog, [], statementsOf(args.holdings), dayOf(args.asOf));

/**
 * What counts on the day asked, as the path questions take it: the bare `holding` codes as
 * always (checked there, with their own messages), plus every dated holding not expired.
 */
export const countedHolding = (catalog: CatalogSnapshot, args: HoldingArgs): string[] => [
  ...(args.holding ?? []),
  ...countingCodes(assessedHoldings(catalog, args)),
];
