import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Certification } from './certification.type';
import { Course } from './course.type';
import { Exam } from './exam.type';

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field({ nullable: true })
  startCursor?: string;

  @Field({ nullable: true })
  endCursor?: string;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node`, plus the `nodes` and `totalCount` shortcuts. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Pass as `after` to get the items that follow this one.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, over all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export const CertificationConnection = Connection(Certification, 'Certification');
export const ExamConnection = Connection(Exam, 'Exam');
export const CourseConnection = Connection(Course, 'Course');
