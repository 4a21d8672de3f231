import { Database } from '../db/database';
import { Certification } from '../model/certification.type';
import { Exam } from '../model/exam.type';
import { itemLabelOf } from './cypher/labels';
import { AnyItem, CatalogItemLabel, ItemOf, Properties, toItem } from './records';

/** What came after an item, and what it came after. */
export interface Succession {
  replacedBy: AnyItem | null;
  successor: AnyItem | null;
  replaces: AnyItem[];
}

const itemsByCode = (label: CatalogItemLabel) => `
UNWIND $codes AS code
MATCH (n:${label} {code: code})
RETURN properties(n) AS properties`;

/** Certifications and exams by code, whichever kind each is (codes are unique across kinds). */
const REQUIREMENT_ITEMS = `
UNWIND $codes AS code
CALL (code) {
  MATCH (n:Certification {code: code}) RETURN n
  UNION
  MATCH (n:Exam {code: code}) RETURN n
}
RETURN ${itemLabelOf('n')} AS label, properties(n) AS properties`;

/** For each item: what replaced it, where Microsoft points instead, and what it replaced. */
const SUCCESSION = `
UNWIND $codes AS code
MATCH (n {code: code})
WHERE n:Certification OR n:Exam OR n:Course
CALL (n) {
  OPTIONAL MATCH (n)-[:REPLACED_BY]->(next)
  RETURN head(collect(next)) AS replacedBy
}
CALL (n) {
  OPTIONAL MATCH (n)-[:SUCCEEDED_BY]->(next)
  RETURN head(collect(next)) AS successor
}
CALL (n) {
  OPTIONAL MATCH (previous)-[:REPLACED_BY]->(n)
  WITH previous ORDER BY previous.code
  RETURN collect(previous) AS replaces
}
RETURN code,
       CASE WHEN replacedBy IS NULL THEN null ELSE {label: ${itemLabelOf('replacedBy')}, properties: properties(replacedBy)} END AS replacedBy,
       CASE WHEN successor IS NULL THEN null ELSE {label: ${itemLabelOf('successor')}, properties: properties(successor)} END AS successor,
       [p IN replaces | {label: ${itemLabelOf('p')}, properties: properties(p)}] AS replaces`;

interface LabelledRow {
  label: CatalogItemLabel;
  properties: Properties;
}

interface SuccessionRow {
  code: string;
  replacedBy: LabelledRow | null;
  successor: LabelledRow | null;
  replaces: LabelledRow[];
}

/** Catalog items by code, and their succession; each method answers many codes in one read. */
export class ItemRepository {
  constructor(private readonly database: Database) {}

  async findByCodes<L extends CatalogItemLabel>(
    label: L,
    codes: readonly string[],
  ): Promise<Map<string, ItemOf<L>>> {
    const records = await this.database.read(
      async (tx) =>
        (await tx.run<{ properties: Properties }>(itemsByCode(label), { codes })).records,
    );
    return new Map(
      records.map((r) => {
        const item = toItem(label, r.get('properties'));
        return [item.code, item];
      }),
    );
  }

  /** Requirement items (certifications and exams) by code, in one read whatever their kind. */
  async requirementItems(codes: readonly string[]): Promise<Map<string, Certification | Exam>> {
    const records = await this.database.read(
      async (tx) => (await tx.run<LabelledRow>(REQUIREMENT_ITEMS, { codes })).records,
    );
    return new Map(
      records.map((r) => {
        const item = toItem(r.get('label') as 'Certification' | 'Exam', r.get('properties'));
        return [item.code, item];
      }),
    );
  }

  async succession(codes: readonly string[]): Promise<Map<string, Succession>> {
    const records = await this.database.read(
      async (tx) => (await tx.run<SuccessionRow>(SUCCESSION, { codes })).records,
    );
    const item = (found: LabelledRow | null) =>
      found ? toItem(found.label, found.properties) : null;
    return new Map(
      records.map((r) => [
        r.get('code'),
        {
          replacedBy: item(r.get('replacedBy')),
          successor: item(r.get('successor')),
          replaces: r.get('replaces').map((found) => toItem(found.label, found.properties)),
        },
      ]),
    );
  }
}
