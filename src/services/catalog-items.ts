import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';
import { RequirementSubgraph } from '../paths/requirement-subgraph';
import { AnyItem } from '../store/records';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/**
 * The model's objects for the node ids an algorithm answers with, taken from the snapshot; the
 * courses of an exam as the question's subgraph offers them on its day.
 */
export class CatalogItems {
  constructor(
    private readonly catalog: CatalogSnapshot,
    private readonly subgraph: RequirementSubgraph,
  ) {}

  certification = (id: string): Certification => this.item(id, Certification);
  exam = (id: string): Exam => this.item(id, Exam);
  course = (id: string): Course => this.item(id, Course);

  /** The courses that prepare for an exam, by code. */
  coursesOf = (examId: string): Course[] =>
    (this.subgraph.coursesOfExam.get(examId) ?? []).map(this.course);

  private item<T extends AnyItem>(id: string, kind: abstract new () => T): T {
    const item = this.catalog.itemById(id);
    if (!(item instanceof kind)) throw new Error(`${id} is not in the catalog snapshot`);
    return item;
  }
}
