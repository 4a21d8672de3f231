import { describeRequires, requiresAgree } from './compare-requires';
import { LearnCatalog, LearnCertification } from './learn-catalog';
import {
  certificationCode,
  certificationLevel,
  certificationName,
  cleanUrl,
  FLAT_REQUIRES_NOTE,
} from './map-records';
import { MergeBuilder } from './merge-builder';
import { ExamIndex } from './plan-exams';

/** Why a new certification cannot be added, if it cannot. */
function whyNotNew(record: LearnCertification, exams: ExamIndex): string | undefined {
  if (record.exams === undefined) {
    return 'not added: mergedCertifications records have no exam list, so its requirements are unknown';
  }
  if (record.exams.length === 0) {
    return 'not added: the record lists no exams, so its requirements are unknown';
  }
  const unknown = record.exams.filter((uid) => !exams.isKnown(exams.code(uid)));
  if (unknown.length > 0) {
    return `not added: references an unknown exam ${unknown.map((uid) => `"${uid}"`).join(', ')}`;
  }
  return undefined;
}

/**
 * Names, urls and levels of existing certifications are updated; their `requires` never is, and
 * a flat exam list that disagrees with it is reported. A new certification requires all of its
 * exams, and is added only when its level is clear and every exam is known.
 */
export function planCertifications(
  learn: LearnCatalog,
  builder: MergeBuilder,
  exams: ExamIndex,
): void {
  const { date } = builder.options;
  const where = new Map<string, string>();
  for (const record of learn.certifications) {
    const code = certificationCode(record.uid);
    if (!code) {
      builder.skip(
        'certifications',
        record.uid,
        'the uid does not end in a lower-case slug such as "devops-engineer"',
      );
      continue;
    }
    if (where.has(code)) {
      builder.skip(
        'certifications',
        `${record.where} "${record.uid}"`,
        `also at ${where.get(code)}, which is the one read`,
      );
      continue;
    }
    where.set(code, record.where);
    const url = record.url && cleanUrl(record.url);
    const level = certificationLevel(record.certificationType, record.levels);
    const seed = builder.existing.certifications.get(code);
    // A curated name written either way ("Microsoft Certified: X" or "X") already matches.
    const name = [record.title, certificationName(record.title)].includes(
      seed?.value.name as string,
    )
      ? (seed!.value.name as string)
      : certificationName(record.title);
    if (seed) {
      if ('reason' in level) {
        builder.skip('certifications', record.uid, `level not set: ${level.reason}`);
      }
      builder.update('certifications', code, { uid: record.uid, url }, [
        ['name', name],
        ['url', url],
        ['level', 'level' in level ? level.level : undefined],
      ]);
      const apiExams = (record.exams ?? []).map((uid) => exams.code(uid) ?? uid);
      if (record.exams !== undefined && !requiresAgree(seed.value.requires, apiExams, date)) {
        builder.skip(
          'certifications',
          record.uid,
          `requires kept: curated structure differs from the Catalog API's flat exam list (${apiExams.join(', ') || 'none'}); the seeds require ${describeRequires(seed.value.requires, date) || 'nothing'} as of ${date}`,
        );
      }
      continue;
    }
    if ('reason' in level) {
      builder.skip(
        'certifications',
        record.uid,
        `not added: level cannot be determined: ${level.reason}`,
      );
      continue;
    }
    const problem = whyNotNew(record, exams);
    if (problem) {
      builder.skip('certifications', record.uid, problem);
      continue;
    }
    const requires = [...new Set(record.exams!.map((uid) => exams.code(uid)!))].map((exam) => ({
      exam,
    }));
    builder.add(
      'certifications',
      code,
      { code, name, level: level.level, url, requires, notes: [FLAT_REQUIRES_NOTE] },
      url,
    );
  }
}
