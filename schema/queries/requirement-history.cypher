// Requirement history of a certification
//
// Shows: every requirement the certification has had, on any day: the certifications and exams it
// REQUIRES and each choice with its ONE_OF options (its own structure; what a required
// certification needs is left out). Each row has the days the requirement applied (validFrom and
// validUntil, inclusive; null is open; within a choice or group, also bounded by the group's own
// days), how sure it is (OFFICIAL, SECONDARY or UNCONFIRMED) and the day the required item
// retired, if it did. Sources and notes are on the relationship (click it). One row per
// requirement in the curator's order; the graph view draws them all from the certification.
//
// Parameters:
//   $code  the certification's code, e.g. azure-solutions-architect (any letter case)
// Example:
// :param code => 'azure-solutions-architect'
MATCH path = (:Certification {code: toLower($code)})
  (()-[:REQUIRES|ONE_OF]->(:RequirementGroup))*
  (parent)-[requirement:REQUIRES|ONE_OF]->(child)
WITH
  path,
  parent,
  requirement,
  child,
  [r IN relationships(path) WHERE r.validFrom IS NOT NULL | r.validFrom] AS starts,
  [r IN relationships(path) WHERE r.validUntil IS NOT NULL | r.validUntil] AS ends
RETURN
  coalesce(parent.code, parent.id) AS parent,
  type(requirement) AS type,
  coalesce(child.code, child.id) AS item,
  reduce(latest = null, day IN starts | CASE WHEN latest IS NULL OR day > latest THEN day ELSE latest END) AS validFrom,
  reduce(earliest = null, day IN ends | CASE WHEN earliest IS NULL OR day < earliest THEN day ELSE earliest END) AS validUntil,
  requirement.confidence AS confidence,
  child.retiredOn AS itemRetiredOn,
  path
ORDER BY [r IN relationships(path) | r.position]
