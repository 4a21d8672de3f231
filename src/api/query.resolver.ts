import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { certificationCode, examOrCourseCode } from '../domain/codes';
import { CatalogItem } from '../model/catalog-item.type';
import { Certification } from '../model/certification.type';
import {
  CertificationConnection,
  CourseConnection,
  ExamConnection,
} from '../model/connection.type';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';
import { Node } from '../model/node.type';
import { BadUserInputError } from '../errors';
import { Plan } from '../model/plan.type';
import { Unlock } from '../model/unlock.type';
import { EXISTING_STATUSES } from '../domain/status';
import { searchItems } from '../store/snapshot/search';
import { dayOf } from './args/as-of.args';
import {
  DEFAULT_SEARCH_RESULTS,
  MAX_SEARCH_RESULTS,
  SearchArgs,
  searchText,
} from './args/search.args';
import { listItems } from '../store/snapshot/listing';
import { CertificationListArgs, ListArgs, listQuery } from './args/list.args';
import { PlanArgs, pathQuestion, UnlocksArgs } from './args/path.args';
import { inTurn } from '../services/turns';
import { assessedHoldings, countedHolding } from './args/holdings';
import { countingCodes } from '../services/held-credentials';
import { planValidity } from '../services/plan-validity';
import { withValidity } from './plan.resolver';
import { Context } from './context';
import { nodeById } from './node-lookup';
import { checkPageSize, toConnection } from './pagination';

const CODE = 'Any letter case.';
const MAX_NODE_IDS = 100;

/** Every field of Query: lookups, lists, search, and the plan and unlocks questions. */
@Resolver()
export class QueryResolver {
  @Query(() => Certification, {
    nullable: true,
    description: `A certification by its slug. ${CODE}`,
  })
  certification(@Arg('code') code: string, @Ctx() { catalog }: Context) {
    return catalog.item('Certification', certificationCode(code));
  }

  @Query(() => Exam, { nullable: true, description: `An exam by its code, e.g. "AZ-400". ${CODE}` })
  exam(@Arg('code') code: string, @Ctx() { catalog }: Context) {
    return catalog.item('Exam', examOrCourseCode(code));
  }

  @Query(() => Course, {
    nullable: true,
    description: `A course by its code, e.g. "AZ-400T00". ${CODE}`,
  })
  course(@Arg('code') code: string, @Ctx() { catalog }: Context) {
    return catalog.item('Course', examOrCourseCode(code));
  }

  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this id (Relay Global Object Identification): a certification, exam, course or requirement group. Null when nothing has it.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() { catalog }: Context) {
    return nodeById(catalog, id, 'id');
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects with these ids, in the same order; null for an id nothing has. At most ${MAX_NODE_IDS} ids.`,
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() { catalog }: Context) {
    if (ids.length > MAX_NODE_IDS) {
      throw new BadUserInputError(`ids: at most ${MAX_NODE_IDS}; got ${ids.length}`, 'ids');
    }
    return ids.map((id, i) => nodeById(catalog, id, `ids[${i}]`));
  }

  @Query(() => CertificationConnection, {
    description: 'Certifications by code, optionally of one level and status.',
  })
  certifications(@Ctx() { catalog }: Context, @Args() args: CertificationListArgs) {
    const { page, filter } = listQuery('Certification', args);
    return toConnection('Certification', listItems(catalog, 'Certification', page, filter));
  }

  @Query(() => ExamConnection, { description: 'Exams by code, optionally of one status.' })
  exams(@Ctx() { catalog }: Context, @Args() args: ListArgs) {
    const { page, filter } = listQuery('Exam', args);
    return toConnection('Exam', listItems(catalog, 'Exam', page, filter));
  }

  @Query(() => CourseConnection, { description: 'Courses by code, optionally of one status.' })
  courses(@Ctx() { catalog }: Context, @Args() args: ListArgs) {
    const { page, filter } = listQuery('Course', args);
    return toConnection('Course', listItems(catalog, 'Course', page, filter));
  }

  @Query(() => [CatalogItem], {
    description:
      'Search codes and names of every kind of item, as people type them: a code with or without its hyphen ("AZ104", "az 104"), words as prefixes of names, a typo forgiven in longer words. An exact code comes first, then codes that start with the text. Query syntax (quotes, *, AND, OR, parentheses) is read as plain words.',
  })
  search(@Ctx() { catalog }: Context, @Args() args: SearchArgs) {
    const text = searchText(args.text);
    const filter = {
      day: dayOf(args.asOf),
      statuses: args.status ?? EXISTING_STATUSES,
      limit: checkPageSize(args.first, 'first', MAX_SEARCH_RESULTS, DEFAULT_SEARCH_RESULTS),
    };
    return inTurn(() => searchItems(catalog, text, filter));
  }

  @Query(() => Plan, {
    nullable: true,
    description:
      'The single best path to a certification from what the learner holds, proven optimal where `optimal` says so. Null when no certification has that code.',
  })
  async plan(@Ctx() { paths, catalog }: Context, @Args() args: PlanArgs) {
    const assessed = assessedHoldings(catalog, args);
    const plan = await paths.plan(
      args.target,
      [...(args.holding ?? []), ...countingCodes(assessed)],
      args.optimizeFor ?? 'FEWEST_EXAMS',
      pathQuestion(args, 'SECONDARY'),
    );
    return plan && withValidity(plan, planValidity(catalog, plan, assessed));
  }

  @Query(() => [Unlock], {
    description:
      'What an exam or certification counts toward, at any depth, and how much is left for each once it is held. Closest first.',
  })
  unlocks(
    @Ctx() { paths, catalog }: Context,
    @Arg('code', { description: 'An exam code or certification slug, any letter case.' })
    code: string,
    @Args() args: UnlocksArgs,
  ) {
    return paths.unlocks(code, countedHolding(catalog, args), pathQuestion(args, 'SECONDARY'));
  }
}
