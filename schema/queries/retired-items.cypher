// Retired and retiring items
//
// Shows: every certification, exam and course that is RETIRED on a given day (its last day,
// retiredOn, is before it) or RETIRING (its retirement was announced by then), when it retires,
// its direct replacement (REPLACED_BY, same kind) and where Microsoft points instead when there is
// none (SUCCEEDED_BY, any kind), with the grade of its lifecycle facts (OFFICIAL, SECONDARY or
// UNCONFIRMED). The graph view draws each item with its REPLACED_BY and SUCCEEDED_BY edges. One
// row per item, oldest retirement first.
//
// Parameters:
//   $asOf  the day, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param asOf => date()
WITH coalesce(date($asOf), date()) AS asOf
MATCH (item:Certification|Exam|Course)
WITH asOf, item,
  CASE
    WHEN item.retiredOn < asOf THEN 'RETIRED'
    WHEN item.availableFrom > asOf THEN 'UPCOMING'
    WHEN item.knownSince > asOf THEN 'UNKNOWN'
    WHEN item.betaUntil >= asOf THEN 'BETA'
    WHEN item.retirementAnnouncedOn <= asOf THEN 'RETIRING'
    ELSE 'ACTIVE'
  END AS status
WHERE status IN ['RETIRED', 'RETIRING']
OPTIONAL MATCH replaced = (item)-[:REPLACED_BY]->(replacement)
OPTIONAL MATCH succeeded = (item)-[:SUCCEEDED_BY]->(successor)
RETURN
  [label IN labels(item) WHERE label IN ['Certification', 'Exam', 'Course']][0] AS kind,
  item.code AS code,
  item.name AS name,
  status,
  item.retiredOn AS retiredOn,
  replacement.code AS replacedBy,
  successor.code AS succeededBy,
  item.lifecycleConfidence AS confidence,
  item,
  replaced,
  succeeded
ORDER BY retiredOn, kind, code
