import { GraphQLError } from 'graphql';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CatalogChangeRecord, readChanges } from '../curation/catalog-changes';
import { NOT_CONFIGURED } from '../curation/auth';
import { catalogVersion, curate } from '../curation/curate';
import * as mutations from '../curation/mutations';
import { Applied, CurationRefusal } from '../curation/mutations';
import { BadUserInputError } from '../errors';
import { Catalog } from '../seed/catalog';
import {
  CatalogChange,
  CatalogChangeConnection,
  CertificationInput,
  CertificationPayload,
  CourseInput,
  CoursePayload,
  ExamInput,
  ExamPayload,
  RemovePayload,
  RequirementInput,
  RetirePayload,
} from '../model/curation.type';
import { Confidence } from '../model/enums';
import { DateScalar } from '../model/scalars';
import { Context, CurationContext, useSnapshot } from './context';
import { checkPageSize, decodeCursor, encodeCursor } from './pagination';

const EXPECTED =
  'The catalogVersion the curator last read; a stale one is refused with CONFLICT. Omit to write regardless.';

/** A server built without curation (an embedder's own context) refuses as an unconfigured one. */
function curationOf(context: Context): CurationContext {
  if (!context.curation) {
    throw new GraphQLError(NOT_CONFIGURED, { extensions: { code: 'FORBIDDEN' } });
  }
  return context.curation;
}

/** A refusal in the seeds' words, as a GraphQL error naming the argument path. */
function badInput(refusal: CurationRefusal): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argumentPath: refusal.problems[0]?.path ?? [],
      problems: refusal.problems,
    },
  });
}

/** Authenticates, writes in one transaction, and reloads the snapshot before answering. */
async function run(
  context: Context,
  mutation: string,
  args: Record<string, unknown>,
  sources: string[],
  expectedVersion: number | null | undefined,
  apply: (catalog: Catalog) => Applied,
) {
  const curation = curationOf(context);
  const who = await curation.auth.requireCurator(curation.authorization);
  try {
    const result = await curate(curation.database, {
      mutation,
      arguments: args,
      who,
      sources,
      expectedVersion,
      apply,
    });
    useSnapshot(context, await curation.projection.reload());
    return { catalogVersion: result.version, change: result.change, touched: result.touched };
  } catch (error) {
    throw error instanceof CurationRefusal ? badInput(error) : error;
  }
}

const item = (context: Context, kind: 'Certification' | 'Exam' | 'Course', code: string) => {
  const found = context.catalog.item(kind, code);
  if (!found) throw new Error(`${kind} ${code} is missing from the snapshot just written`);
  return found;
};

/** The Date scalar gives a JavaScript Date at UTC midnight; the seeds speak YYYY-MM-DD. */
const day = (date: Date) => date.toISOString().slice(0, 10);

const LABEL = { certifications: 'Certification', exams: 'Exam', courses: 'Course' } as const;

/** The catalog's mutations (curators only), its version and its audit trail. */
@Resolver()
export class CurationResolver {
  @Query(() => Int, {
    description: 'The catalog version: 0 before the first curated change, one more per change.',
  })
  catalogVersion(@Ctx() context: Context) {
    return catalogVersion(curationOf(context).database);
  }

  @Query(() => CatalogChangeConnection, {
    description: 'Curated changes, oldest first: who, when, what before and after, which sources.',
  })
  async catalogChanges(
    @Ctx() context: Context,
    @Arg('since', () => String, { nullable: true, description: 'An ISO 8601 day or instant.' })
    since?: string | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    if (since != null && Number.isNaN(Date.parse(since))) {
      throw new BadUserInputError(`since: "${since}" is not an ISO 8601 day or instant`, 'since');
    }
    const size = checkPageSize(first ?? undefined);
    const afterVersion = after == null ? undefined : Number(decodeCursor(after, 'CatalogChange'));
    const { changes, totalCount } = await readChanges(curationOf(context).database, {
      since: since == null ? undefined : new Date(since).toISOString(),
      afterVersion,
      limit: size + 1,
    });
    const page = changes.slice(0, size);
    const edges = page.map((node: CatalogChangeRecord) => ({
      cursor: encodeCursor('CatalogChange', String(node.version)),
      node,
    }));
    return {
      edges,
      nodes: page,
      totalCount,
      pageInfo: {
        hasNextPage: changes.length > size,
        hasPreviousPage: afterVersion !== undefined,
        startCursor: edges[0]?.cursor,
        endCursor: edges.at(-1)?.cursor,
      },
    };
  }

  @Mutation(() => CertificationPayload, {
    description: 'Adds a certification or updates its facts.',
  })
  async upsertCertification(
    @Arg('input', () => CertificationInput) input: CertificationInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const done = await run(
      context,
      'upsertCertification',
      { input },
      input.sources,
      expectedVersion,
      (c) => mutations.upsertCertification(c, input),
    );
    return { ...done, certification: item(context, 'Certification', done.touched[0].code) };
  }

  @Mutation(() => ExamPayload, { description: 'Adds an exam or updates its facts.' })
  async upsertExam(
    @Arg('input', () => ExamInput) input: ExamInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const done = await run(context, 'upsertExam', { input }, input.sources, expectedVersion, (c) =>
      mutations.upsertExam(c, input),
    );
    return { ...done, exam: item(context, 'Exam', done.touched[0].code) };
  }

  @Mutation(() => CoursePayload, { description: 'Adds a course or updates its facts.' })
  async upsertCourse(
    @Arg('input', () => CourseInput) input: CourseInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const done = await run(
      context,
      'upsertCourse',
      { input },
      input.sources,
      expectedVersion,
      (c) => mutations.upsertCourse(c, input),
    );
    return { ...done, course: item(context, 'Course', done.touched[0].code) };
  }

  @Mutation(() => CertificationPayload, {
    description:
      'A new version of the requirements from validFrom on; the version that applied until then ends the day before.',
  })
  async setRequirements(
    @Arg('certification') certification: string,
    @Arg('requirements', () => RequirementInput) requirements: RequirementInput,
    @Arg('validFrom', () => DateScalar) validFromDate: Date,
    @Arg('sources', () => [String]) sources: string[],
    @Arg('confidence', () => Confidence) confidence: Confidence,
    @Arg('notes', () => [String], { nullable: true }) notes: string[] | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const validFrom = day(validFromDate);
    const args = { certification, requirements, validFrom, sources, confidence, notes };
    const done = await run(context, 'setRequirements', args, sources, expectedVersion, (c) =>
      mutations.setRequirements(c, args),
    );
    return { ...done, certification: item(context, 'Certification', done.touched[0].code) };
  }

  @Mutation(() => RetirePayload, {
    description: 'Dates the retirement of an exam, certification or course, and its replacement.',
  })
  async retire(
    @Arg('code') code: string,
    @Arg('retiredOn', () => DateScalar) retiredOnDate: Date,
    @Arg('replacedBy', () => String, { nullable: true }) replacedBy: string | null,
    @Arg('sources', () => [String]) sources: string[],
    @Arg('confidence', () => Confidence, {
      nullable: true,
      description: "The lifecycle's grade; default: the one it has (needed when it has none).",
    })
    confidence: Confidence | null,
    @Arg('notes', () => [String], { nullable: true }) notes: string[] | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const retiredOn = day(retiredOnDate);
    const args = { code, retiredOn, replacedBy, sources, confidence, notes };
    const done = await run(context, 'retire', args, sources, expectedVersion, (c) =>
      mutations.retire(c, args),
    );
    const { kind, code: canonical } = done.touched[0];
    return { ...done, item: item(context, LABEL[kind], canonical) };
  }

  @Mutation(() => CoursePayload, { description: 'The course prepares for the exam too.' })
  async linkCourse(
    @Arg('course') course: string,
    @Arg('exam') exam: string,
    @Arg('sources', () => [String]) sources: string[],
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const args = { course, exam, sources };
    const done = await run(context, 'linkCourse', args, sources, expectedVersion, (c) =>
      mutations.linkCourse(c, args),
    );
    return { ...done, course: item(context, 'Course', done.touched[0].code) };
  }

  @Mutation(() => RemovePayload, {
    description: 'Removes an item; refused while anything still refers to it.',
  })
  async removeItem(
    @Arg('code') code: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED })
    expectedVersion: number | null,
    @Ctx() context: Context,
  ) {
    const done = await run(context, 'removeItem', { code }, [], expectedVersion, (c) =>
      mutations.removeItem(c, code),
    );
    return { ...done, code: done.touched[0].code };
  }
}

export { CatalogChange };
