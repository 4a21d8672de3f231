import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CatalogItemResolver } from '../api/catalog-item.resolver';
import { CertificationResolver } from '../api/certification.resolver';
import { CourseResolver } from '../api/course.resolver';
import { CurationResolver } from '../api/curation.resolver';
import { ExamResolver } from '../api/exam.resolver';
import { LearnerResolver } from '../api/learner.resolver';
import { PlanResolver } from '../api/plan.resolver';
import { QueryResolver } from '../api/query.resolver';
import { RequirementGroupResolver } from '../api/requirement-group.resolver';
import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';

/** The one list of resolvers, one per GraphQL type; every type the API exposes is reachable from them. */
export const RESOLVERS = [
  QueryResolver,
  CatalogItemResolver,
  CertificationResolver,
  ExamResolver,
  CourseResolver,
  RequirementGroupResolver,
  PlanResolver,
  LearnerResolver,
  CurationResolver,
] as const;

export function buildCertgraphSchema(): Promise<GraphQLSchema> {
  // Interface implementations reached only through `search` must be listed explicitly.
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: [Certification, Exam, Course],
    validate: false,
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
