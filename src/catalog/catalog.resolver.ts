import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Context } from '../context';
import { asOfDay, DateScalar } from '../history/as-of';
import { ItemStatus } from '../history/item-status';
import { CatalogItem } from './catalog-item.type';
import { certificationCode, examOrCourseCode } from './catalog-codes';
import { Certification, CertificationLevel } from './certification.type';
import { Connection, toConnection } from './connection.type';
import { Course } from './course.type';
import { Exam } from './exam.type';
import { pageRequest, checkPageSize } from './pagination';
import { DEFAULT_SEARCH_RESULTS, MAX_SEARCH_RESULTS, toFullTextQuery } from './search-query';

const CertificationConnection = Connection(Certification, 'Certification');
const ExamConnection = Connection(Exam, 'Exam');
const CourseConnection = Connection(Course, 'Course');

const FIRST = { nullable: true, description: 'Page size, 0 to 100 (default 20).' } as const;
const AFTER = {
  nullable: true,
  description: 'The `cursor` (or `pageInfo.endCursor`) after which to start.',
} as const;
const CODE = 'Any letter case.';
const STATUS = {
  nullable: true,
  description: 'Only items with one of these statuses on `asOf`.',
} as const;
const LIST_AS_OF = {
  nullable: true,
  description: 'The day `status` is judged on, YYYY-MM-DD (default: today, UTC).',
} as const;

@Resolver()
export class CatalogResolver {
  @Query(() => Certification, {
    nullable: true,
    description: `A certification by its slug. ${CODE}`,
  })
  certification(@Arg('code') code: string, @Ctx() { loaders }: Context) {
    return loaders.certification.load(certificationCode(code));
  }

  @Query(() => Exam, { nullable: true, description: `An exam by its code, e.g. "AZ-400". ${CODE}` })
  exam(@Arg('code') code: string, @Ctx() { loaders }: Context) {
    return loaders.exam.load(examOrCourseCode(code));
  }

  @Query(() => Course, {
    nullable: true,
    description: `A course by its code, e.g. "AZ-400T00". ${CODE}`,
  })
  course(@Arg('code') code: string, @Ctx() { loaders }: Context) {
    return loaders.course.load(examOrCourseCode(code));
  }

  @Query(() => CertificationConnection, {
    description: 'Certifications by code, optionally of one level and status.',
  })
  async certifications(
    @Ctx() { catalog }: Context,
    @Arg('level', () => CertificationLevel, { nullable: true }) level?: CertificationLevel,
    @Arg('status', () => [ItemStatus], STATUS) status?: ItemStatus[] | null,
    @Arg('asOf', () => DateScalar, LIST_AS_OF) asOf?: Date | null,
    @Arg('first', () => Int, FIRST) first?: number,
    @Arg('after', () => String, AFTER) after?: string,
  ) {
    const filter = { level, statuses: status ?? undefined, day: asOfDay(asOf) };
    return toConnection(await catalog.list('Certification', pageRequest(first, after), filter));
  }

  @Query(() => ExamConnection, { description: 'Exams by code, optionally of one status.' })
  async exams(
    @Ctx() { catalog }: Context,
    @Arg('status', () => [ItemStatus], STATUS) status?: ItemStatus[] | null,
    @Arg('asOf', () => DateScalar, LIST_AS_OF) asOf?: Date | null,
    @Arg('first', () => Int, FIRST) first?: number,
    @Arg('after', () => String, AFTER) after?: string,
  ) {
    const filter = { statuses: status ?? undefined, day: asOfDay(asOf) };
    return toConnection(await catalog.list('Exam', pageRequest(first, after), filter));
  }

  @Query(() => CourseConnection, { description: 'Courses by code, optionally of one status.' })
  async courses(
    @Ctx() { catalog }: Context,
    @Arg('status', () => [ItemStatus], STATUS) status?: ItemStatus[] | null,
    @Arg('asOf', () => DateScalar, LIST_AS_OF) asOf?: Date | null,
    @Arg('first', () => Int, FIRST) first?: number,
    @Arg('after', () => String, AFTER) after?: string,
  ) {
    const filter = { statuses: status ?? undefined, day: asOfDay(asOf) };
    return toConnection(await catalog.list('Course', pageRequest(first, after), filter));
  }

  @Query(() => [CatalogItem], {
    description:
      'Full-text search over codes and names of every kind of item; each word matches as a prefix. An exact code comes first.',
  })
  search(
    @Ctx() { catalog }: Context,
    @Arg('text') text: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many results, 0 to ${MAX_SEARCH_RESULTS} (default ${DEFAULT_SEARCH_RESULTS}).`,
    })
    first?: number,
  ) {
    const limit = checkPageSize(first, 'first', MAX_SEARCH_RESULTS, DEFAULT_SEARCH_RESULTS);
    return catalog.search(toFullTextQuery(text), text.trim().toLowerCase(), limit);
  }
}
