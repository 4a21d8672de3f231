import { Day } from '../../domain/days';
import { isAvailableOn, ItemStatus, statusInUse, statusOn } from '../../domain/status';
import { Certification } from '../../model/certification.type';
import { Course } from '../../model/course.type';
import { certificationNodeId } from '../../paths/requirement-dag';
import { dayViewOf } from '../../paths/requirements-on-day';
import { AnyItem } from '../records';
import { CatalogSnapshot } from './catalog-snapshot';

/** Days whose answers are remembered per snapshot; the oldest is forgotten first. */
const MAX_DAYS = 64;
const earnable = new WeakMap<CatalogSnapshot, Map<Day, Map<string, boolean>>>();

/**
 * An item's status on `day` as answers show it: its lifecycle's (domain/status.ts), or BLOCKED
 * when it is available by its own dates but cannot be used: a certification with no way left to
 * earn it (every way needs something retired, not yet available or undated), a course whose exams
 * can all no longer be taken.
 */
export function statusIn(catalog: CatalogSnapshot, item: AnyItem, day: Day): ItemStatus {
  const lifecycle = statusOn(item, day);
  if (item instanceof Certification) {
    return statusInUse(lifecycle, isEarnableOn(catalog, item.code, day));
  }
  if (item instanceof Course) {
    const exams = catalog.examsFor(item.code);
    return statusInUse(lifecycle, exams.length === 0 || exams.some((e) => isAvailableOn(e, day)));
  }
  return lifecycle;
}

/** Whether some way to earn the certification remains on `day`, for a learner who holds nothing. */
export function isEarnableOn(catalog: CatalogSnapshot, code: string, day: Day): boolean {
  let days = earnable.get(catalog);
  if (!days) {
    days = new Map();
    earnable.set(catalog, days);
  }
  let answers = days.get(day);
  if (!answers) {
    if (days.size >= MAX_DAYS) days.delete(days.keys().next().value!);
    answers = new Map();
    days.set(day, answers);
  }
  let answer = answers.get(code);
  if (answer === undefined) {
    const root = certificationNodeId(code);
    answer = dayViewOf(catalog.subgraph, [root], [], day, 'UNCONFIRMED').dag.has(root);
    answers.set(code, answer);
  }
  return answer;
}
