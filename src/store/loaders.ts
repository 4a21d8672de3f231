import DataLoader from 'dataloader';
import { Day } from '../domain/days';
import { CatalogStore } from './catalog-store';

/** Turns a batch function's Map into DataLoader's answer: one entry per key, in key order. */
function inKeyOrder<V>(fallback: () => V) {
  return (keys: readonly string[], found: Map<string, V>) =>
    keys.map((key) => found.get(key) ?? fallback());
}

const one = <V>(batch: (codes: readonly string[]) => Promise<Map<string, V>>) =>
  new DataLoader<string, V | null>(async (codes) =>
    inKeyOrder<V | null>(() => null)(codes, await batch(codes)),
  );

const many = <V>(batch: (codes: readonly string[]) => Promise<Map<string, V[]>>) =>
  new DataLoader<string, V[]>(async (codes) =>
    inKeyOrder<V[]>(() => [])(codes, await batch(codes)),
  );

/**
 * Per-request loaders: every lookup made while resolving one level of a query goes to Neo4j as
 * one batched read, so a nested query costs a round trip per level, not per item.
 */
export function createCatalogLoaders({ items, requirements, preparation }: CatalogStore) {
  // Loaders for questions asked as of a day: one set per day asked in the request.
  const byDay = new Map<Day, ReturnType<typeof datedLoaders>>();
  const datedLoaders = (day: Day) => ({
    requirements: one((codes) => requirements.structures(codes, day)),
    certificationRequiredBy: many((codes) => requirements.requiredBy('Certification', codes, day)),
    examRequiredBy: many((codes) => requirements.requiredBy('Exam', codes, day)),
  });

  return {
    certification: one((codes) => items.findByCodes('Certification', codes)),
    exam: one((codes) => items.findByCodes('Exam', codes)),
    course: one((codes) => items.findByCodes('Course', codes)),
    // A group's certifications and exams load together, so every group of a level is ready at
    // once and the next level is again one batch.
    requirementItem: one((codes) => items.requirementItems(codes)),
    succession: one((codes) => items.succession(codes)),
    examCourses: many((codes) => preparation.coursesForExams(codes)),
    courseExams: many((codes) => preparation.examsForCourses(codes)),
    requirementChanges: many((codes) => requirements.changes(codes)),
    asOf(day: Day) {
      let loaders = byDay.get(day);
      if (!loaders) {
        loaders = datedLoaders(day);
        byDay.set(day, loaders);
      }
      return loaders;
    },
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
