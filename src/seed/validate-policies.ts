import { Catalog, describeLocation, SeedProblem } from './catalog';

const overlap = (a: { from?: string; until?: string }, b: { from?: string; until?: string }) =>
  (a.from === undefined || b.until === undefined || a.from <= b.until) &&
  (b.from === undefined || a.until === undefined || b.from <= a.until);

/**
 * Validity policies must be unambiguous: unique ids, known certifications, and on any day at most
 * one policy per level and one per certification (else a learner's expiry would depend on order).
 */
export function validityPolicyProblems(catalog: Catalog): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const policies = catalog.validityPolicies ?? [];
  const certifications = new Set(catalog.certifications.map((cert) => cert.code));
  const seen = new Map<string, (typeof policies)[number]>();
  for (const policy of policies) {
    const first = seen.get(policy.id);
    if (first) {
      problems.push({
        location: policy.location,
        field: 'id',
        message: `duplicate policy id "${policy.id}"; already used by ${describeLocation(first.location)}`,
      });
    } else seen.set(policy.id, policy);
    policy.certifications.forEach((code, i) => {
      if (!certifications.has(code)) {
        problems.push({
          location: policy.location,
          field: `certifications[${i}]`,
          message: `unknown certification "${code}"`,
        });
      }
    });
  }
  policies.forEach((policy, i) => {
    for (const other of policies.slice(0, i)) {
      if (!overlap(policy, other)) continue;
      const shared = [
        ...policy.levels.filter((level) => other.levels.includes(level)),
        ...policy.certifications.filter((code) => other.certifications.includes(code)),
      ];
      if (shared.length === 0) continue;
      problems.push({
        location: policy.location,
        field: policy.from === undefined ? 'levels' : 'from',
        message: `covers ${shared.join(', ')} on days that ${describeLocation(other.location)} also covers; date them apart (from/until)`,
      });
    }
  });
  return problems;
}
