// Certifications by validity rule
//
// Shows: for certifications earned on a given day, the validity policy that governs each (the
// policy whose days of earning include that day, both ends inclusive, an absent end open), how
// many months it is valid and how many months before it expires its renewal opens. A
// certification no policy covers that day is listed with the policy "none". The graph view draws
// each policy with the certifications it governs. One row per certification, by policy, level
// and code.
//
// Parameters:
//   $earnedOn  the day they were earned, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param earnedOn => date()
WITH coalesce(date($earnedOn), date()) AS asOf
MATCH (cert:Certification)
OPTIONAL MATCH governs = (policy:ValidityPolicy)-[:GOVERNS]->(cert)
WHERE (policy.validFrom IS NULL OR policy.validFrom <= asOf) AND (policy.validUntil IS NULL OR asOf <= policy.validUntil)
RETURN
  coalesce(policy.id, 'none') AS policy,
  cert.level AS level,
  cert.code AS code,
  cert.name AS name,
  policy.validityMonths AS validityMonths,
  policy.renewalOpensMonthsBeforeExpiry AS renewalOpensMonthsBeforeExpiry,
  governs
ORDER BY policy, level, code
