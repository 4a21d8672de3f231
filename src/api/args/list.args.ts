import { ArgsType, Field, Int } from 'type-graphql';
import { CertificationLevel, ItemStatus } from '../../model/enums';
import { DateScalar } from '../../model/scalars';
import { ListFilter, PageRequest } from '../../store/snapshot/listing';
import { ListName, pageRequest } from '../pagination';
import { dayOf } from './as-of.args';

/** The arguments of the catalog's lists: a status filter on a day, and a page. */
@ArgsType()
export class ListArgs {
  @Field(() => [ItemStatus], {
    nullable: true,
    description:
      'Only items with one of these statuses on `asOf`; default: those a learner could take or earn that day (BETA, ACTIVE, RETIRING). Ask for RETIRED, BLOCKED, UPCOMING or UNKNOWN to see the others.',
  })
  status?: ItemStatus[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day `status` is judged on, YYYY-MM-DD (default: today, UTC).',
  })
  asOf?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'The `cursor` (or `pageInfo.endCursor`) after which to start.',
  })
  after?: string;
}

@ArgsType()
export class CertificationListArgs extends ListArgs {
  @Field(() => CertificationLevel, { nullable: true })
  level?: CertificationLevel;
}

/** The page and filter that list arguments ask for, checked. */
export function listQuery(
  list: ListName,
  args: ListArgs & { level?: CertificationLevel },
): {
  page: PageRequest;
  filter: ListFilter;
} {
  return {
    page: pageRequest(list, args.first, args.after),
    filter: { level: args.level, statuses: args.status ?? undefined, day: dayOf(args.asOf) },
  };
}
