/** A calendar day as YYYY-MM-DD text: how dates travel inside certgraph, the seeds and Cypher. */
export type Day = string;

/** Today in UTC: the day every question is asked for unless it names another. */
export const today = (): Day => new Date().toISOString().slice(0, 10);

/** The day `days` after `day` (before it, when negative): where one period ends, the next starts. */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
