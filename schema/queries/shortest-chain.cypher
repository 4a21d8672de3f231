// Shortest chain from an associate to an expert certification
//
// Shows: the fewest steps by which one certification counts towards another on a given day: the
// expert certification REQUIRES the associate one, directly or through choices and other
// certifications, following only requirements that applied that day. The chain lists codes and
// group ids from the associate up to the expert; no row when the associate certification does
// not count towards that expert certification on that day.
//
// Parameters:
//   $associate  the code of the certification to start from, e.g. azure-administrator
//   $expert     the code of the certification to reach, e.g. devops-engineer
//   $asOf       the day, a date or 'YYYY-MM-DD' text; null means today
// Example:
// :param associate => 'azure-administrator'
// :param expert => 'devops-engineer'
// :param asOf => date()
WITH coalesce(date($asOf), date()) AS asOf
MATCH path = SHORTEST 1
  (expert:Certification {code: toLower($expert)})
  (()-[r:REQUIRES|ONE_OF]->()
    WHERE (r.validFrom IS NULL OR r.validFrom <= asOf) AND (r.validUntil IS NULL OR asOf <= r.validUntil))+
  (associate:Certification {code: toLower($associate)})
RETURN [node IN reverse(nodes(path)) | coalesce(node.code, node.id)] AS chain, path
