// Shortest chain from an associate to an expert certification
//
// Shows: the fewest steps by which one certification counts towards another: the expert
// certification REQUIRES the associate one, directly or through choices and other
// certifications. The chain lists codes and group ids from the associate up to the expert;
// no row when the associate certification does not count towards that expert certification.
//
// Parameters:
//   $associate  the code of the certification to start from, e.g. azure-administrator
//   $expert     the code of the certification to reach, e.g. devops-engineer
// Example:
// :param associate => 'azure-administrator'
// :param expert => 'devops-engineer'
MATCH path = SHORTEST 1
  (expert:Certification {code: toLower($expert)})-[:REQUIRES|ONE_OF]->+
  (associate:Certification {code: toLower($associate)})
RETURN [node IN reverse(nodes(path)) | coalesce(node.code, node.id)] AS chain, path
