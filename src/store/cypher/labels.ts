/** Cypher: the catalog-item label of node `n` (Certification, Exam or Course). */
export const itemLabelOf = (n: string): string =>
  `[label IN labels(${n}) WHERE label IN ['Certification', 'Exam', 'Course']][0]`;

/** Cypher: the requirement-node label of node `n` (Certification, Exam or RequirementGroup). */
export const requirementLabelOf = (n: string): string =>
  `[label IN labels(${n}) WHERE label IN ['Certification', 'Exam', 'RequirementGroup']][0]`;
