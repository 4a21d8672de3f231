import { Certification } from '../model/certification.type';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';
import { RequirementSubgraph } from '../paths/requirement-subgraph';
import { AnyItem, CatalogItemLabel, ItemOf, toItem } from '../store/records';

/**
 * Turns the subgraph's item properties into the model's classes, one instance per id per
 * question: the answer needs no further queries, and nested fields (an exam's courses, a
 * certification's requirements) resolve through the usual loaders.
 */
export class CatalogItems {
  private readonly made = new Map<string, AnyItem>();

  constructor(private readonly subgraph: RequirementSubgraph) {}

  certification = (id: string): Certification => this.item(id, 'Certification');
  exam = (id: string): Exam => this.item(id, 'Exam');
  course = (id: string): Course => this.item(id, 'Course');

  /** The courses that prepare for an exam, by code. */
  coursesOf = (examId: string): Course[] =>
    (this.subgraph.coursesOfExam.get(examId) ?? []).map(this.course);

  private item<L extends CatalogItemLabel>(id: string, label: L): ItemOf<L> {
    let item = this.made.get(id);
    if (!item) {
      const properties = this.subgraph.items.get(id);
      if (!properties) throw new Error(`${id} is missing from the fetched subgraph`);
      item = toItem(label, properties);
      this.made.set(id, item);
    }
    return item as ItemOf<L>;
  }
}
