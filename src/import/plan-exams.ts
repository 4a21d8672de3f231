import { LearnCatalog } from './learn-catalog';
import { cleanUrl, examOrCourseCode } from './map-records';
import { MergeBuilder } from './merge-builder';

/** Exam codes by uid, and which codes the merged seeds will have. */
export interface ExamIndex {
  /** Whether the file's record with this uid was read (not skipped). */
  read(uid: string): boolean;
  /** The code of an exam uid: from its record when the file has one, else from the uid. */
  code(uid: string): string | undefined;
  /** In the seeds already, or added by this import. */
  isKnown(code: string | undefined): code is string;
}

export function planExams(learn: LearnCatalog, builder: MergeBuilder): ExamIndex {
  const codeByUid = new Map<string, string>();
  const where = new Map<string, string>();
  for (const record of learn.exams) {
    const code = examOrCourseCode(record.uid, record.displayName);
    const url = record.url && cleanUrl(record.url);
    if (!code) {
      builder.skip('exams', record.uid, 'no exam code in display_name or uid');
      continue;
    }
    if (where.has(code)) {
      builder.skip(
        'exams',
        record.uid,
        `same exam code ${code} as ${where.get(code)}, which is the one read`,
      );
      continue;
    }
    where.set(code, record.where);
    codeByUid.set(record.uid, code);
    if (builder.existing.exams.has(code)) {
      builder.update('exams', code, { uid: record.uid, url }, [
        ['name', record.title],
        ['url', url],
      ]);
    } else {
      builder.add('exams', code, { code, name: record.title, url }, url);
    }
  }
  const known = new Set([...builder.existing.exams.keys(), ...builder.addedCodes('exams')]);
  return {
    read: (uid) => codeByUid.has(uid),
    code: (uid) => codeByUid.get(uid) ?? examOrCourseCode(uid),
    isKnown: (code): code is string => code !== undefined && known.has(code),
  };
}
