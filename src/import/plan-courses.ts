import { LearnCatalog } from './learn-catalog';
import { cleanUrl, examOrCourseCode, LEARN_CATALOG_API } from './map-records';
import { MergeBuilder } from './merge-builder';
import { ExamIndex } from './plan-exams';

interface Links {
  /** Exam uids, in the order the file gives them. */
  exams: string[];
  /** The record that gave the links, for the report and the item's sources. */
  record: { uid: string; url?: string };
}

/**
 * Course–exam links come from both sides, `courses[].exam` and `exams[].courses`; they are only
 * ever added to a course's `exams`, never removed (the API's silence is no evidence).
 */
function collectLinks(learn: LearnCatalog, builder: MergeBuilder, exams: ExamIndex) {
  const byCourse = new Map<string, Links>(
    learn.courses.map((course) => [
      course.uid,
      { exams: course.exam ? [course.exam] : [], record: course },
    ]),
  );
  // Links from exam records to courses the seeds have but the file does not.
  const toSeedCourses = new Map<string, Links>();
  for (const record of learn.exams) {
    if (!exams.read(record.uid)) continue;
    for (const courseUid of record.courses) {
      const code = examOrCourseCode(courseUid);
      const links =
        byCourse.get(courseUid) ??
        (code && builder.existing.courses.has(code) ? toSeedCourses.get(code) : undefined);
      if (links) {
        if (!links.exams.includes(record.uid)) links.exams.push(record.uid);
      } else if (code && builder.existing.courses.has(code)) {
        const url = record.url && cleanUrl(record.url);
        toSeedCourses.set(code, { exams: [record.uid], record: { uid: record.uid, url } });
      } else {
        builder.skip(
          'exams',
          record.uid,
          `link to course "${courseUid}" not imported: the course is neither in the seeds nor in the file`,
        );
      }
    }
  }
  return { byCourse, toSeedCourses };
}

/**
 * The Catalog API's `duration_in_hours` as a seed `duration` block: hours only (the API gives no
 * days), graded official, with the API as its source.
 */
function durationOf(hours: number | undefined) {
  return hours === undefined
    ? undefined
    : { hours, confidence: 'official', sources: [LEARN_CATALOG_API] };
}

export function planCourses(learn: LearnCatalog, builder: MergeBuilder, exams: ExamIndex): void {
  const { byCourse, toSeedCourses } = collectLinks(learn, builder, exams);
  /** The course's exam codes after the merge, and the linked exams nobody knows. */
  const resolve = (links: Links, current: unknown) => {
    const codes = Array.isArray(current) ? [...(current as string[])] : [];
    const unknown: string[] = [];
    for (const uid of links.exams) {
      const code = exams.code(uid);
      if (!exams.isKnown(code)) unknown.push(uid);
      else if (!codes.includes(code)) codes.push(code);
    }
    return { codes, unknown };
  };
  const skipUnknown = (uid: string, unknown: string[]) =>
    unknown.forEach((exam) =>
      builder.skip(
        'courses',
        uid,
        `link to exam "${exam}" not imported: references an unknown exam`,
      ),
    );

  const where = new Map<string, string>();
  for (const record of learn.courses) {
    const code = examOrCourseCode(record.uid, record.courseNumber);
    const url = record.url && cleanUrl(record.url);
    if (!code) {
      builder.skip('courses', record.uid, 'no course code in course_number or uid');
      continue;
    }
    if (where.has(code)) {
      builder.skip(
        'courses',
        record.uid,
        `same course code ${code} as ${where.get(code)}, which is the one read`,
      );
      continue;
    }
    where.set(code, record.where);
    toSeedCourses.delete(code);
    const seed = builder.existing.courses.get(code);
    const { codes, unknown } = resolve(byCourse.get(record.uid)!, seed?.value.exams);
    const duration = durationOf(record.durationInHours);
    if (seed) {
      // A curated length is kept (its days and grade are the curator's); a missing one is added.
      const curated = seed.value.duration as { hours?: unknown } | undefined;
      if (curated && duration && curated.hours !== duration.hours) {
        builder.skip(
          'courses',
          record.uid,
          `duration not changed: the seeds give a curated length; the file says ${duration.hours} hours`,
        );
      }
      builder.update('courses', code, { uid: record.uid, url }, [
        ['name', record.title],
        ['url', url],
        ['exams', codes],
        ['duration', curated ? undefined : duration],
      ]);
      skipUnknown(record.uid, unknown);
    } else if (codes.length > 0) {
      const { title: name } = record;
      builder.add('courses', code, { code, name, url, exams: codes, duration }, url);
      skipUnknown(record.uid, unknown);
    } else {
      builder.skip(
        'courses',
        record.uid,
        unknown.length > 0
          ? `not added: references an unknown exam ${unknown.map((u) => `"${u}"`).join(', ')}`
          : 'not added: it names no exam, and a course must prepare for one',
      );
    }
  }
  for (const [code, links] of toSeedCourses) {
    const { codes } = resolve(links, builder.existing.courses.get(code)!.value.exams);
    builder.update('courses', code, links.record, [['exams', codes]]);
  }
}
