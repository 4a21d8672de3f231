// Unconfirmed facts
//
// Shows: every fact graded UNCONFIRMED (believed, but no collected source shows it), with the
// pages where it should be checked (sources) and the curators' notes. A fact is an item's own
// facts (fact 'item'), an item's lifecycle dates (fact 'lifecycle', with availableFrom and
// retiredOn as from and until), or a requirement (fact 'requirement': which certification, the
// required item, and the days it applied). The graph view draws the items, and each requirement
// from its certification through its choices. Rows by fact, then certification and item.
CALL () {
  MATCH (item:Certification|Exam|Course)
  WHERE item.confidence = 'UNCONFIRMED'
  RETURN 'item' AS fact, null AS certification, item.code AS item, null AS from, null AS until,
    item.sources AS sources, item.notes AS notes, item AS graph
  UNION ALL
  MATCH (item:Certification|Exam|Course)
  WHERE item.lifecycleConfidence = 'UNCONFIRMED'
  RETURN 'lifecycle' AS fact, null AS certification, item.code AS item,
    item.availableFrom AS from, item.retiredOn AS until,
    item.lifecycleSources AS sources, item.lifecycleNotes AS notes, item AS graph
  UNION ALL
  MATCH path = (owner:Certification)(()-[:REQUIRES|ONE_OF]->(:RequirementGroup))*()
    -[requirement:REQUIRES|ONE_OF]->(required)
  WHERE requirement.confidence = 'UNCONFIRMED'
  RETURN 'requirement' AS fact, owner.code AS certification,
    coalesce(required.code, required.id) AS item,
    requirement.validFrom AS from, requirement.validUntil AS until,
    requirement.sources AS sources, requirement.notes AS notes, path AS graph
}
RETURN fact, certification, item, from, until, sources, notes, graph
ORDER BY fact, certification, item
