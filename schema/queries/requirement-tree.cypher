// Requirement tree of a certification
//
// Shows: everything the certification needs, down to the exams: the certifications and exams it
// REQUIRES, each choice (a OneOf node, "one of" in the graph view) with its ONE_OF options, and
// what every certification on the way needs in turn. Courses prepare for exams but are not
// requirements, so they are left out. One row per relationship of the tree (parent, step,
// child), in outline order: depth first, each level in the curator's order.
//
// Parameters:
//   $code  the certification's code, e.g. devops-engineer (any letter case)
// Example:
// :param code => 'devops-engineer'
MATCH path = (:Certification {code: toLower($code)})-[:REQUIRES|ONE_OF*0..]->(parent)
MATCH (parent)-[step:REQUIRES|ONE_OF]->(child)
WITH parent, step, child, min([r IN relationships(path) | r.position] + step.position) AS outline
RETURN parent, step, child
ORDER BY outline
