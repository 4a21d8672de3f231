// Validity policies
//
// Shows: every validity policy as data: whom it covers (levels, or certifications by code), the
// days of earning it governs (validFrom to validUntil; a certification keeps the policy of the
// day it was earned), how many months a certification earned then is valid, when its renewal
// opens and how far a renewal extends it, and what happens on expiry, each part with its grade
// (OFFICIAL, SECONDARY or UNCONFIRMED) and sources. The graph view draws each policy with the
// certifications it GOVERNS. One row per policy, by id.
MATCH (policy:ValidityPolicy)
OPTIONAL MATCH governs = (policy)-[:GOVERNS]->(:Certification)
WITH policy, collect(governs) AS governed
RETURN
  policy.id AS id,
  policy.name AS name,
  policy.levels AS levels,
  policy.validFrom AS validFrom,
  policy.validUntil AS validUntil,
  policy.expires AS expires,
  policy.validityMonths AS validityMonths,
  policy.validityConfidence AS validityConfidence,
  policy.renewalOpensMonthsBeforeExpiry AS renewalOpensMonthsBeforeExpiry,
  policy.renewalExtendsMonths AS renewalExtendsMonths,
  policy.renewalConfidence AS renewalConfidence,
  policy.expiryRule AS onExpiry,
  policy.validitySources AS sources,
  size(governed) AS certifications,
  policy,
  governed
ORDER BY id
