// What an exam unlocks
//
// Shows: every certification the exam counts towards: one that REQUIRES it, one that offers it
// as an option of a choice, and one that requires such a certification in turn. One row per
// certification and chain; the graph view draws each chain down to the exam.
//
// Parameters:
//   $code  the exam's code, e.g. AZ-104 (any letter case)
// Example:
// :param code => 'AZ-104'
MATCH path = (certification:Certification)-[:REQUIRES|ONE_OF*]->(:Exam {code: toUpper($code)})
RETURN certification.code AS certification, certification.level AS level, path
ORDER BY length(path), certification
