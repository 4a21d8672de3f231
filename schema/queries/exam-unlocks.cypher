// What an exam unlocks
//
// Shows: every certification the exam counts towards on a given day: one that REQUIRES it, one
// that offers it as an option of a choice, and one that requires such a certification in turn.
// Only requirements that applied that day are followed. Each row has the certification's status
// that day (a RETIRED one can no longer be earned) and the weakest grade of the requirements on
// the chain (OFFICIAL, SECONDARY or UNCONFIRMED). One row per certification and chain; the graph
// view draws each chain down to the exam.
//
// Parameters:
//   $code  the exam's code, e.g. AZ-104 (any letter case)
//   $asOf  the day, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param code => 'AZ-104'
// :param asOf => date()
WITH coalesce(date($asOf), date()) AS asOf
MATCH path = (certification:Certification)
  (()-[r:REQUIRES|ONE_OF]->()
    WHERE (r.validFrom IS NULL OR r.validFrom <= asOf) AND (r.validUntil IS NULL OR asOf <= r.validUntil))+
  (:Exam {code: toUpper($code)})
RETURN
  certification.code AS certification,
  certification.level AS level,
  CASE
    WHEN certification.retiredOn < asOf THEN 'RETIRED'
    WHEN certification.availableFrom > asOf THEN 'UPCOMING'
    WHEN certification.knownSince > asOf THEN 'UNKNOWN'
    WHEN certification.betaUntil >= asOf THEN 'BETA'
    WHEN certification.retirementAnnouncedOn <= asOf THEN 'RETIRING'
    ELSE 'ACTIVE'
  END AS status,
  CASE
    WHEN any(step IN relationships(path) WHERE step.confidence = 'UNCONFIRMED') THEN 'UNCONFIRMED'
    WHEN any(step IN relationships(path) WHERE step.confidence = 'SECONDARY') THEN 'SECONDARY'
    ELSE 'OFFICIAL'
  END AS confidence,
  path
ORDER BY length(path), certification
