import { certificationCode, examOrCourseCode } from '../domain/codes';
import { Day } from '../domain/days';
import { isAvailableOn } from '../domain/status';
import { certificationNodeId, examNodeId } from '../paths/requirement-dag';
import { CoursesByExam, RequirementSubgraph } from '../paths/requirement-subgraph';
import { AnyItem } from '../store/records';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/** The codes a learner says they hold, in both canonical cases (the catalog decides which exist). */
export interface HoldingQuery {
  certificationCodes: string[];
  examCodes: string[];
}

/** What a path question works on: the catalog's requirement DAG, and who the question is about. */
export interface QuestionSubgraph extends RequirementSubgraph {
  /** The certifications the question is about (the target, or what an item counts toward). */
  roots: string[];
  /** The subject item's node id (unlocks), or the target's; null when it does not exist. */
  subject: string | null;
  /** The subject's replacement and successor, as "name (code)", or the code when it is the name. */
  successors: string[];
  /** Which of the holding codes exist, by kind; courses only to explain a mistaken code. */
  held: { certifications: string[]; exams: string[]; courses: string[] };
}

/**
 * The question about earning `target` (a canonical certification code): the whole catalog's DAG
 * (the algorithms take only what the target and the holding reach), with the target as the root.
 */
export function targetSubgraph(
  catalog: CatalogSnapshot,
  target: string,
  holding: HoldingQuery,
  day: Day,
): QuestionSubgraph {
  const subject = catalog.item('Certification', target) ? certificationNodeId(target) : null;
  return questionOn(catalog, subject, subject ? [subject] : [], holding, day);
}

/** The question about what `code` (a certification or exam, any case) counts toward. */
export function unlocksSubgraph(
  catalog: CatalogSnapshot,
  code: string,
  holding: HoldingQuery,
  day: Day,
): QuestionSubgraph {
  const subject = catalog.item('Certification', certificationCode(code))
    ? certificationNodeId(certificationCode(code))
    : catalog.item('Exam', examOrCourseCode(code))
      ? examNodeId(examOrCourseCode(code))
      : null;
  return questionOn(
    catalog,
    subject,
    subject ? certificationsAbove(catalog, subject) : [],
    holding,
    day,
  );
}

function questionOn(
  catalog: CatalogSnapshot,
  subject: string | null,
  roots: string[],
  holding: HoldingQuery,
  day: Day,
): QuestionSubgraph {
  const item = subject ? catalog.itemById(subject) : undefined;
  const succession = item ? catalog.successionOf(item.code) : undefined;
  const next = [succession?.replacedBy, succession?.successor].filter(
    (found): found is AnyItem => found != null,
  );
  const successors = [...new Map(next.map((found) => [found.code, found])).values()]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((found) => (found.name === found.code ? found.code : `${found.name} (${found.code})`));
  const existing = (label: 'Certification' | 'Exam' | 'Course', codes: string[]) =>
    [...new Set(codes)].filter((code) => catalog.item(label, code));
  return {
    ...catalog.subgraph,
    coursesOfExam: offeredOn(catalog.subgraph, day),
    roots,
    subject,
    successors,
    held: {
      certifications: existing('Certification', holding.certificationCodes),
      exams: existing('Exam', holding.examCodes),
      courses: existing('Course', holding.examCodes),
    },
  };
}

/** Every certification from which `id` is reachable over requirement edges, at any depth. */
function certificationsAbove(catalog: CatalogSnapshot, id: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const edge of catalog.parentsOf(stack.pop()!)) {
      if (seen.has(edge.from)) continue;
      seen.add(edge.from);
      if (edge.from.startsWith('Certification:')) found.add(edge.from);
      stack.push(edge.from);
    }
  }
  return [...found].sort();
}

/** The courses of each exam, keeping only those offered on `day`; read lazily, exam by exam. */
function offeredOn(subgraph: RequirementSubgraph, day: Day): CoursesByExam {
  const offered = new Map<string, readonly string[]>();
  const of = (exam: string) => {
    let courses = offered.get(exam);
    if (!courses) {
      courses = (subgraph.coursesOfExam.get(exam) ?? []).filter((id) =>
        isAvailableOn(subgraph.items.get(id) ?? {}, day),
      );
      offered.set(exam, courses);
    }
    return courses;
  };
  return { get: (exam) => (subgraph.coursesOfExam.get(exam) ? of(exam) : undefined) };
}
