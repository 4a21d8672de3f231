import DataLoader from 'dataloader';
import { Day } from '../history/as-of';
import { CatalogRepository } from './catalog.repository';

/** Turns a batch function's Map into DataLoader's answer: one entry per key, in key order. */
function inKeyOrder<V>(fallback: () => V) {
  return (keys: readonly string[], found: Map<string, V>) =>
    keys.map((key) => found.get(key) ?? fallback());
}

/**
 * Per-request loaders: every lookup made while resolving one level of a query goes to Neo4j as
 * one batched read, so a nested query costs a round trip per level, not per item.
 */
export function createCatalogLoaders(repository: CatalogRepository) {
  const one = <V>(batch: (codes: readonly string[]) => Promise<Map<string, V>>) =>
    new DataLoader<string, V | null>(async (codes) =>
      inKeyOrder<V | null>(() => null)(codes, await batch(codes)),
    );
  const many = <V>(batch: (codes: readonly string[]) => Promise<Map<string, V[]>>) =>
    new DataLoader<string, V[]>(async (codes) =>
      inKeyOrder<V[]>(() => [])(codes, await batch(codes)),
    );

  // Loaders for questions asked as of a day: one set per day asked in the request.
  const byDay = new Map<Day, ReturnType<typeof datedLoaders>>();
  const datedLoaders = (day: Day) => ({
    requirements: one((codes) => repository.requirementStructures(codes, day)),
    certificationRequiredBy: many((codes) => repository.requiredBy('Certification', codes, day)),
    examRequiredBy: many((codes) => repository.requiredBy('Exam', codes, day)),
  });

  return {
    certification: one((codes) => repository.findByCodes('Certification', codes)),
    exam: one((codes) => repository.findByCodes('Exam', codes)),
    course: one((codes) => repository.findByCodes('Course', codes)),
    // A group's certifications and exams load together, so every group of a level is ready at
    // once and the next level is again one batch.
    requirementItem: one((codes) => repository.requirementItems(codes)),
    examCourses: many((codes) => repository.coursesForExams(codes)),
    courseExams: many((codes) => repository.examsForCourses(codes)),
    succession: one((codes) => repository.succession(codes)),
    requirementChanges: many((codes) => repository.requirementChanges(codes)),
    asOf(day: Day) {
      if (!byDay.has(day)) byDay.set(day, datedLoaders(day));
      return byDay.get(day)!;
    },
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
