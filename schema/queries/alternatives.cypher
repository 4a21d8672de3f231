// Alternatives of a certification
//
// Shows: every choice in the certification's requirement tree (a OneOf group, also one inside a
// certification it requires) and the options of that choice in the curator's order (numbered
// from 1), each with what the option itself requires. One row per option; no rows when there is
// nothing to choose.
//
// Parameters:
//   $code  the certification's code, e.g. devops-engineer (any letter case)
// Example:
// :param code => 'devops-engineer'
MATCH (:Certification {code: toLower($code)})-[:REQUIRES|ONE_OF*]->(choice:OneOf)
WITH DISTINCT choice
MATCH (choice)-[option:ONE_OF]->(item)
RETURN
  choice.id AS choice,
  toInteger(option.position) + 1 AS option,
  [label IN labels(item) WHERE label <> 'RequirementGroup'][0] AS kind,
  coalesce(item.code, item.id) AS item,
  item.name AS name,
  COLLECT {
    MATCH (item)-[requirement:REQUIRES]->(needed)
    RETURN coalesce(needed.code, needed.id)
    ORDER BY requirement.position
  } AS requires
ORDER BY choice, option
