/**
 * Compares a curated `requires` list (as written in the seeds) with the Catalog API's flat exam
 * list. They agree only when the entries in force on `date` are plain exams, the same set as the
 * API's; anything else (a choice, a group, a certification) is structure the API cannot express.
 */
const STRUCTURE_KEYS = ['exam', 'certification', 'oneOf', 'allOf'] as const;

type Entry = Record<string, unknown>;

function inForce(entry: Entry, date: string): boolean {
  // YAML dates are read as text (the seeds' schema), so these are YYYY-MM-DD strings.
  const from = entry.from as string | undefined;
  const until = entry.until as string | undefined;
  return (from === undefined || from <= date) && (until === undefined || date <= until);
}

function current(entries: unknown, date: string): Entry[] {
  return Array.isArray(entries)
    ? entries.filter(
        (entry): entry is Entry =>
          typeof entry === 'object' && entry !== null && inForce(entry as Entry, date),
      )
    : [];
}

/** `one of (certification azure-administrator, certification azure-developer), exam AZ-400` */
export function describeRequires(entries: unknown, date: string): string {
  return current(entries, date)
    .map((entry) => {
      const key = STRUCTURE_KEYS.find((k) => k in entry);
      if (key === 'exam' || key === 'certification') return `${key} ${String(entry[key])}`;
      if (key === 'oneOf') return `one of (${describeRequires(entry.oneOf, date)})`;
      if (key === 'allOf') return `all of (${describeRequires(entry.allOf, date)})`;
      return 'an entry of unknown shape';
    })
    .join(', ');
}

export function requiresAgree(curated: unknown, apiExams: string[], date: string): boolean {
  const entries = current(curated, date);
  if (!entries.every((entry) => STRUCTURE_KEYS.find((k) => k in entry) === 'exam')) return false;
  const curatedExams = new Set(entries.map((entry) => String(entry.exam)));
  const api = new Set(apiExams);
  return curatedExams.size === api.size && [...api].every((code) => curatedExams.has(code));
}
