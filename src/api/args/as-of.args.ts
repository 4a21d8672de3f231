import { ArgsType, Field } from 'type-graphql';
import { Day, today } from '../../domain/days';
import { BadUserInputError } from '../../errors';
import { DateScalar } from '../../model/scalars';

/** The `asOf` argument of every field that walks requirements or judges a status. */
@ArgsType()
export class AsOfArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day to answer for, YYYY-MM-DD (default: today, UTC). Requirements apply as they did that day, and items retired by then cannot be newly taken.',
  })
  asOf?: Date | null;
}

/** The day an `asOf` argument names (graphql-scalars parses it to a UTC midnight), or today. */
export function dayOf(asOf: Date | null | undefined): Day {
  if (asOf === null || asOf === undefined) return today();
  if (Number.isNaN(asOf.getTime())) throw new BadUserInputError('asOf: not a valid date', 'asOf');
  return asOf.toISOString().slice(0, 10);
}
