import { ItemKind } from '../seed/catalog';

/** A record, link or field the import left alone, and why. */
export interface Skip {
  /** The record's uid (or `name[]` for a whole array of records of an unread type). */
  record: string;
  reason: string;
}

/** A value the import writes: one value, a list, or a block of them (a course's `duration`). */
export type FieldValue = string | number | string[] | { [key: string]: string | number | string[] };

/** A field of an item already in the seeds that the import changed. */
export interface Change {
  kind: ItemKind;
  code: string;
  field: string;
  /** Absent when the item had no value for the field. */
  from?: FieldValue;
  to: FieldValue;
}

export interface ImportReport {
  /** The file imported, as given. */
  input: string;
  date: string;
  dryRun: boolean;
  added: Record<ItemKind, string[]>;
  changed: Change[];
  skipped: Skip[];
  /** Seed files written (or that a dry run would write), relative to the seeds root. */
  files: string[];
}

const SINGULAR: Record<ItemKind, string> = {
  certifications: 'certification',
  exams: 'exam',
  courses: 'course',
};

function show(value: FieldValue | undefined): string {
  if (value === undefined) return '(none)';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${key}: ${show(inner)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function describeChange(change: Change): string {
  const item = `${SINGULAR[change.kind]} ${change.code}: ${change.field}`;
  if (change.field === 'sources' && Array.isArray(change.to)) {
    const before = new Set(Array.isArray(change.from) ? change.from : []);
    return `${item} + ${change.to.filter((url) => !before.has(url)).join(', ')}`;
  }
  return `${item} ${show(change.from)} → ${show(change.to)}`;
}

/** The report as the CLI prints it. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'Dry run: nothing written. ' : ''}Imported ${report.input} (${report.date}).`,
  ];
  const added = (Object.keys(report.added) as ItemKind[]).filter((k) => report.added[k].length);
  lines.push(added.length === 0 ? 'Added: nothing.' : 'Added:');
  for (const kind of added) {
    lines.push(`  ${report.added[kind].length} ${kind}: ${report.added[kind].join(', ')}`);
  }
  lines.push(report.changed.length === 0 ? 'Changed: nothing.' : 'Changed:');
  lines.push(...report.changed.map((change) => `  ${describeChange(change)}`));
  lines.push(report.skipped.length === 0 ? 'Skipped: nothing.' : 'Skipped:');
  lines.push(...report.skipped.map((skip) => `  ${skip.record}: ${skip.reason}`));
  if (report.files.length > 0) {
    lines.push(`${report.dryRun ? 'Would write' : 'Wrote'}: ${report.files.join(', ')}`);
  }
  return lines.join('\n');
}
