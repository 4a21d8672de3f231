// Lists filter certifications by level.
CREATE INDEX certification_level IF NOT EXISTS
FOR (c:Certification) ON (c.level);

// `search` looks up codes and names of every kind of catalog item at once.
CREATE FULLTEXT INDEX catalog_search IF NOT EXISTS
FOR (n:Certification|Exam|Course) ON EACH [n.code, n.name];
