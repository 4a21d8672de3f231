import { Certification } from '../catalog/certification.type';
import { Course } from '../catalog/course.type';
import { Exam } from '../catalog/exam.type';
import { RequirementSubgraph } from './requirement-subgraph';

const CLASS_OF = { Certification, Exam, Course } as const;
type ItemLabel = keyof typeof CLASS_OF;

/**
 * Turns the subgraph's item properties into the catalog's GraphQL classes, one instance per id
 * per question: the answer needs no further queries, and nested fields (an exam's courses, a
 * certification's requirements) resolve through the usual loaders.
 */
export class CatalogItems {
  private readonly made = new Map<string, Certification | Exam | Course>();

  constructor(private readonly subgraph: RequirementSubgraph) {}

  certification = (id: string): Certification => this.item(id, 'Certification');
  exam = (id: string): Exam => this.item(id, 'Exam');
  course = (id: string): Course => this.item(id, 'Course');

  /** The courses that prepare for an exam, by code. */
  coursesOf = (examId: string): Course[] =>
    (this.subgraph.coursesOfExam.get(examId) ?? []).map(this.course);

  private item<L extends ItemLabel>(id: string, label: L): InstanceType<(typeof CLASS_OF)[L]> {
    let item = this.made.get(id);
    if (!item) {
      const properties = this.subgraph.items.get(id);
      if (!properties) throw new Error(`${id} is missing from the fetched subgraph`);
      item = Object.assign(new CLASS_OF[label](), { sources: [], notes: [], ...properties });
      this.made.set(id, item);
    }
    return item as InstanceType<(typeof CLASS_OF)[L]>;
  }
}
