// Applied at startup and before seeding; every statement is idempotent (IF NOT EXISTS).
// A code names one catalog item of its kind; group ids are derived from their certification.

CREATE CONSTRAINT certification_code IF NOT EXISTS
FOR (c:Certification) REQUIRE c.code IS UNIQUE;

CREATE CONSTRAINT exam_code IF NOT EXISTS
FOR (e:Exam) REQUIRE e.code IS UNIQUE;

CREATE CONSTRAINT course_code IF NOT EXISTS
FOR (c:Course) REQUIRE c.code IS UNIQUE;

CREATE CONSTRAINT requirement_group_id IF NOT EXISTS
FOR (g:RequirementGroup) REQUIRE g.id IS UNIQUE;

CREATE CONSTRAINT validity_policy_id IF NOT EXISTS
FOR (p:ValidityPolicy) REQUIRE p.id IS UNIQUE;

// Curation (docs/curation.md): one catalog version node, and an audit entry per change.
CREATE CONSTRAINT catalog_state_id IF NOT EXISTS
FOR (s:CatalogState) REQUIRE s.id IS UNIQUE;

CREATE CONSTRAINT catalog_change_id IF NOT EXISTS
FOR (c:CatalogChange) REQUIRE c.id IS UNIQUE;
