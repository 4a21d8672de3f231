import { LRUCache } from 'lru-cache';
import { Day } from '../../domain/days';
import { isAvailableOn, ItemStatus, statusInUse, statusOn } from '../../domain/status';
import { Certification } from '../../model/certification.type';
import { Course } from '../../model/course.type';
import { certificationNodeId } from '../../paths/requirement-dag';
import { dayViewOf } from '../../paths/requirements-on-day';
import { AnyItem } from '../records';
import { CatalogSnapshot } from './catalog-snapshot';

/**
 * Answers remembered per snapshot, by (day, certification), least recently used forgotten first.
 * Every `asOf` a client sends is a new day, so the cache is bounded by entries and by bytes (a
 * key is about 60 bytes in the heap with its entry; 20,000 of them about 1.2 MiB); the snapshot
 * going out of use drops its cache with it (WeakMap).
 */
export const EARNABLE_CACHE_BOUNDS = { entries: 20_000, bytes: 2 * 2 ** 20 };
const earnable = new WeakMap<CatalogSnapshot, LRUCache<string, boolean>>();

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
  let answers = earnable.get(catalog);
  if (!answers) {
    answers = new LRUCache<string, boolean>({
      max: EARNABLE_CACHE_BOUNDS.entries,
      maxSize: EARNABLE_CACHE_BOUNDS.bytes,
      sizeCalculation: (_answer, key) => 2 * key.length + 40,
    });
    earnable.set(catalog, answers);
  }
  const key = `${day} ${code}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    const root = certificationNodeId(code);
    answer = dayViewOf(catalog.subgraph, [root], [], day, 'UNCONFIRMED').dag.has(root);
    answers.set(key, answer);
  }
  return answer;
}
