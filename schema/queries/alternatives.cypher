// Alternatives of a certification
//
// Shows: every choice in the certification's requirement tree on a given day (a OneOf group,
// also one inside a certification it requires) and the options of that choice in the curator's
// order, each with what the option itself requires, its status that day and how sure it is that
// the option counts (OFFICIAL, SECONDARY or UNCONFIRMED). Only requirements that applied that day
// are followed and listed. An option keeps its number from the curator's list on every day, so
// options that did not apply leave gaps. One row per option; no rows when there is nothing to
// choose.
//
// Parameters:
//   $code  the certification's code, e.g. devops-engineer (any letter case)
//   $asOf  the day, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param code => 'devops-engineer'
// :param asOf => date()
WITH coalesce(date($asOf), date()) AS asOf
MATCH (:Certification {code: toLower($code)})
  (()-[r:REQUIRES|ONE_OF]->()
    WHERE (r.validFrom IS NULL OR r.validFrom <= asOf) AND (r.validUntil IS NULL OR asOf <= r.validUntil))+
  (choice:OneOf)
WITH DISTINCT asOf, choice
MATCH (choice)-[option:ONE_OF]->(item)
WHERE (option.validFrom IS NULL OR option.validFrom <= asOf) AND (option.validUntil IS NULL OR asOf <= option.validUntil)
RETURN
  choice.id AS choice,
  toInteger(option.position) + 1 AS option,
  [label IN labels(item) WHERE label <> 'RequirementGroup'][0] AS kind,
  coalesce(item.code, item.id) AS item,
  item.name AS name,
  COLLECT {
    MATCH (item)-[requirement:REQUIRES]->(needed)
    WHERE (requirement.validFrom IS NULL OR requirement.validFrom <= asOf)
      AND (requirement.validUntil IS NULL OR asOf <= requirement.validUntil)
    RETURN coalesce(needed.code, needed.id)
    ORDER BY requirement.position
  } AS requires,
  CASE
    WHEN item:RequirementGroup THEN null
    WHEN item.retiredOn < asOf THEN 'RETIRED'
    WHEN item.availableFrom > asOf THEN 'UPCOMING'
    WHEN item.knownSince > asOf THEN 'UNKNOWN'
    WHEN item.betaUntil >= asOf THEN 'BETA'
    WHEN item.retirementAnnouncedOn <= asOf THEN 'RETIRING'
    ELSE 'ACTIVE'
  END AS status,
  option.confidence AS confidence
ORDER BY choice, option
