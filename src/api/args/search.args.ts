import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { ItemStatus } from '../../model/enums';
import { DateScalar } from '../../model/scalars';
import { wordsOf } from '../../store/snapshot/search';

export const MAX_SEARCH_RESULTS = 50;
export const DEFAULT_SEARCH_RESULTS = 10;
const MAX_SEARCH_TEXT = 200;

@ArgsType()
export class SearchArgs {
  @Field({ description: 'What the person typed.' })
  text!: string;

  @Field(() => Int, {
    nullable: true,
    description: `At most this many results, 0 to ${MAX_SEARCH_RESULTS} (default ${DEFAULT_SEARCH_RESULTS}).`,
  })
  first?: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the catalog is searched as of, YYYY-MM-DD (default: today, UTC): what no source shows by then is not found.',
  })
  asOf?: Date | null;

  @Field(() => [ItemStatus], {
    nullable: true,
    description:
      'Only items with one of these statuses on `asOf`; default: everything that existed that day (BETA, ACTIVE, RETIRING, BLOCKED, RETIRED), so a retired exam is still found.',
  })
  status?: ItemStatus[] | null;
}

/** The text checked: something to search for, of a reasonable length. */
export function searchText(text: string): string {
  if (text.trim().length === 0) throw new BadUserInputError('text must not be empty', 'text');
  if (text.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(
      `text must be at most ${MAX_SEARCH_TEXT} characters; got ${text.length}`,
      'text',
    );
  }
  if (wordsOf(text).length === 0) {
    throw new BadUserInputError(`text must contain a letter or digit; got "${text}"`, 'text');
  }
  return text;
}
