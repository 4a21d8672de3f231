/** Cypher: the catalog-item label of node `n` (Certification, Exam or Course). */
export const itemLabelOf = (n: string): string =>
  `[label IN labels(${n}) WHERE label IN ['Certification', 'Exam', 'Course']][0]`;
