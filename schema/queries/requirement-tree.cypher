// Requirement tree of a certification
//
// Shows: everything the certification needs on a given day, down to the exams: the
// certifications and exams it REQUIRES, each choice (a OneOf node, "one of" in the graph view)
// with its ONE_OF options, and what every certification on the way needs in turn. Only
// requirements that applied that day are followed (validFrom and validUntil, both inclusive,
// around it); below a certification that no source shows on that day (knownSince after it),
// what it required is unknown, so the tree stops there. Courses prepare for exams but are not
// requirements, so they are left out. One row per relationship of the tree (parent, step,
// child) and the child's lifecycle status that day (RETIRED, UPCOMING, UNKNOWN, BETA, RETIRING
// or ACTIVE; null for a group), in outline order: depth first, each level in the curator's
// order.
//
// Parameters:
//   $code  the certification's code, e.g. devops-engineer (any letter case)
//   $asOf  the day, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param code => 'devops-engineer'
// :param asOf => date()
WITH coalesce(date($asOf), date()) AS asOf
MATCH path = (:Certification {code: toLower($code)})
  (()-[r:REQUIRES|ONE_OF]->()
    WHERE (r.validFrom IS NULL OR r.validFrom <= asOf) AND (r.validUntil IS NULL OR asOf <= r.validUntil))*
  (parent)
MATCH (parent)-[step:REQUIRES|ONE_OF]->(child)
WHERE (step.validFrom IS NULL OR step.validFrom <= asOf) AND (step.validUntil IS NULL OR asOf <= step.validUntil)
  AND all(n IN nodes(path) WHERE NOT n:Certification OR NOT coalesce(n.knownSince > asOf, false))
WITH asOf, parent, step, child, min([r IN relationships(path) | r.position] + step.position) AS outline
RETURN
  parent,
  step,
  child,
  CASE
    WHEN child:RequirementGroup THEN null
    WHEN child.retiredOn < asOf THEN 'RETIRED'
    WHEN child.availableFrom > asOf THEN 'UPCOMING'
    WHEN child.knownSince > asOf THEN 'UNKNOWN'
    WHEN child.betaUntil >= asOf THEN 'BETA'
    WHEN child.retirementAnnouncedOn <= asOf THEN 'RETIRING'
    ELSE 'ACTIVE'
  END AS status
ORDER BY outline
