import { Database } from '../db/database';
import { Course } from '../model/course.type';
import { Exam } from '../model/exam.type';
import { groupedItems } from './records';

const COURSES_FOR_EXAMS = `
UNWIND $codes AS code
MATCH (course:Course)-[r:PREPARES_FOR]->(:Exam {code: code})
RETURN code, properties(course) AS properties
ORDER BY course.code`;

const EXAMS_FOR_COURSES = `
UNWIND $codes AS code
MATCH (:Course {code: code})-[r:PREPARES_FOR]->(exam:Exam)
RETURN code, properties(exam) AS properties
ORDER BY r.position`;

/** Which courses prepare for which exams (PREPARES_FOR), both ways, many codes per read. */
export class PreparationRepository {
  constructor(private readonly database: Database) {}

  coursesForExams(codes: readonly string[]): Promise<Map<string, Course[]>> {
    return groupedItems(this.database, COURSES_FOR_EXAMS, 'Course', codes);
  }

  examsForCourses(codes: readonly string[]): Promise<Map<string, Exam[]>> {
    return groupedItems(this.database, EXAMS_FOR_COURSES, 'Exam', codes);
  }
}
