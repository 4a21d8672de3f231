import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CatalogResolver } from '../catalog/catalog.resolver';
import { CertificationResolver } from '../catalog/certification.resolver';
import { CourseResolver } from '../catalog/course.resolver';
import { ExamResolver } from '../catalog/exam.resolver';
import { RequirementGroupResolver } from '../catalog/requirement-group.resolver';
import { DiagramResolver } from '../diagram/diagram.resolver';
import { Course } from '../catalog/course.type';
import { Exam } from '../catalog/exam.type';
import { Certification } from '../catalog/certification.type';
import { CertificationPathsResolver } from '../paths/certification-paths.resolver';
import { CourseDurationResolver } from '../paths/course-duration.resolver';
import { ExamUnlocksResolver } from '../paths/exam-unlocks.resolver';
import { PlanResolver, PlanSuccessorsResolver } from '../paths/plan.resolver';
import {
  CertificationSuccessionResolver,
  CourseSuccessionResolver,
  ExamSuccessionResolver,
} from '../history/succession.resolver';

/** The one list of resolvers; every type the API exposes is reachable from them. */
export const RESOLVERS = [
  CatalogResolver,
  CertificationResolver,
  ExamResolver,
  CourseResolver,
  RequirementGroupResolver,
  CertificationPathsResolver,
  ExamUnlocksResolver,
  CourseDurationResolver,
  PlanResolver,
  PlanSuccessorsResolver,
  DiagramResolver,
  CertificationSuccessionResolver,
  ExamSuccessionResolver,
  CourseSuccessionResolver,
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
