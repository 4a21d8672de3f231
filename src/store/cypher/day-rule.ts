/**
 * The day rules of src/domain/ as Cypher, for queries that must filter in the database. Only a
 * table test keeps these in step with domain/ (tests/integration/day-rule-agreement.int.test.ts),
 * and the Neo4j Browser queries in schema/queries/ must embed exactly this text (checked by
 * src/browser/exploration-queries.test.ts). `day` is a Cypher `date` expression.
 */

/** domain/day-rule.ts `appliesOn`, over relationship `r`: both ends inclusive, absent ends open. */
export const appliesOnCypher = (r: string, day = 'date($asOf)'): string =>
  `(${r}.validFrom IS NULL OR ${r}.validFrom <= ${day}) AND (${r}.validUntil IS NULL OR ${day} <= ${r}.validUntil)`;

/** domain/status.ts `isKnownOn`: some source shows item `n` on that day (knownSince). */
export const knownOnCypher = (n: string, day = 'date($asOf)'): string =>
  `NOT coalesce(${n}.knownSince > ${day}, false)`;

/** domain/status.ts `statusOn`, over node `n`; a missing date never matches. */
export const statusCypher = (n: string, day = 'date($asOf)'): string => `CASE
  WHEN ${n}.retiredOn < ${day} THEN 'RETIRED'
  WHEN ${n}.availableFrom > ${day} THEN 'UPCOMING'
  WHEN ${n}.knownSince > ${day} THEN 'UNKNOWN'
  WHEN ${n}.betaUntil >= ${day} THEN 'BETA'
  WHEN ${n}.retirementAnnouncedOn <= ${day} THEN 'RETIRING'
  ELSE 'ACTIVE' END`;
