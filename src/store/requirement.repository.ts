import { Database } from '../db/database';
import { plainProperties } from '../db/properties';
import { addDays, Day } from '../domain/days';
import { Certification } from '../model/certification.type';
import { RequirementMode } from '../model/enums';
import { RequirementGroup, RequirementRef } from '../model/requirement.type';
import { appliesOnCypher } from './cypher/day-rule';
import { requirementLabelOf } from './cypher/labels';
import { datedRequirementOf, groupedItems, Properties } from './records';

/**
 * The edges from a certification down through its groups, stopping at the first non-group node,
 * as they applied on $asOf.
 */
const REQUIREMENT_STRUCTURES = `
UNWIND $codes AS code
MATCH (root:Certification {code: code})
  ((:Certification|RequirementGroup)-[q:REQUIRES|ONE_OF]->(:RequirementGroup) WHERE ${appliesOnCypher('q')})*
  (parent)-[r:REQUIRES|ONE_OF]->(child)
WHERE ${appliesOnCypher('r')}
RETURN root.code AS root,
       coalesce(parent.id, parent.code) AS parent,
       parent.mode AS parentMode,
       properties(r) AS facts,
       ${requirementLabelOf('child')} AS childLabel,
       coalesce(child.id, child.code) AS child,
       child.mode AS childMode`;

/**
 * Certifications that counted the item among their requirements on $asOf, directly or through
 * groups; one not available yet that day required nothing yet.
 */
const REQUIRED_BY = (label: 'Certification' | 'Exam') => `
UNWIND $codes AS code
MATCH (item:${label} {code: code})
  ((:RequirementGroup|${label})<-[q:REQUIRES|ONE_OF]-(:RequirementGroup) WHERE ${appliesOnCypher('q')}){0,}
  (first)<-[r:REQUIRES]-(cert:Certification)
WHERE ${appliesOnCypher('r')} AND NOT coalesce(cert.availableFrom > date($asOf), false)
RETURN DISTINCT code, properties(cert) AS properties
ORDER BY properties.code`;

/** Every day on which something in a certification's own structure started or stopped applying. */
const REQUIREMENT_CHANGES = `
UNWIND $codes AS code
MATCH (root:Certification {code: code})
  ((:Certification|RequirementGroup)-[:REQUIRES|ONE_OF]->(:RequirementGroup))*
  (parent)-[r:REQUIRES|ONE_OF]->(child)
RETURN code,
       collect(DISTINCT toString(r.validFrom)) AS starts,
       collect(DISTINCT toString(r.validUntil)) AS ends`;

interface StructureRow {
  root: string;
  parent: string;
  parentMode: RequirementMode | null;
  facts: Properties;
  childLabel: 'Certification' | 'Exam' | 'RequirementGroup';
  child: string;
  childMode: RequirementMode | null;
}

/** What certifications require, on a day and over time, in both directions. */
export class RequirementRepository {
  constructor(private readonly database: Database) {}

  /** Each certification's requirements on `day` as its root ALL_OF group, nested groups included. */
  async structures(codes: readonly string[], day: Day): Promise<Map<string, RequirementGroup>> {
    const records = await this.database.read(
      async (tx) =>
        (await tx.run<StructureRow>(REQUIREMENT_STRUCTURES, { codes, asOf: day })).records,
    );
    const groups = new Map<string, RequirementGroup>();
    const group = (id: string, mode: RequirementMode) => {
      let found = groups.get(id);
      if (!found) {
        found = Object.assign(new RequirementGroup(), { id, mode, asOf: day, refs: [] });
        groups.set(id, found);
      }
      return found;
    };
    for (const code of codes) group(code, 'ALL_OF');
    const positioned: { parent: RequirementGroup; position: number; ref: RequirementRef }[] = [];
    for (const record of records) {
      const parent = group(record.get('parent'), record.get('parentMode') ?? 'ALL_OF');
      const childLabel = record.get('childLabel');
      const child = record.get('child');
      const properties = plainProperties(record.get('facts'));
      const facts = datedRequirementOf(properties);
      const ref: RequirementRef =
        childLabel === 'RequirementGroup'
          ? {
              kind: 'RequirementGroup',
              group: group(child, record.get('childMode') ?? 'ALL_OF'),
              facts,
            }
          : { kind: childLabel, code: child, facts };
      positioned.push({ parent, position: (properties.position as number | undefined) ?? 0, ref });
    }
    positioned.sort((a, b) => a.position - b.position);
    for (const { parent, ref } of positioned) parent.refs.push(ref);
    return new Map(codes.map((code) => [code, group(code, 'ALL_OF')]));
  }

  /**
   * The days a certification's own requirement set changed: each `validFrom`, and the day after
   * each `validUntil`, sorted. Between two of them the set stays the same.
   */
  async changes(codes: readonly string[]): Promise<Map<string, Day[]>> {
    const records = await this.database.read(
      async (tx) =>
        (
          await tx.run<{ code: string; starts: string[]; ends: string[] }>(REQUIREMENT_CHANGES, {
            codes,
          })
        ).records,
    );
    const changes = new Map<string, Day[]>(codes.map((code) => [code, []]));
    for (const record of records) {
      const ends = record.get('ends').map((end) => addDays(end, 1));
      const days = new Set([...record.get('starts'), ...ends]);
      changes.set(record.get('code'), [...days].sort());
    }
    return changes;
  }

  /** The certifications that require each item on `day`, directly or through groups. */
  requiredBy(
    label: 'Certification' | 'Exam',
    codes: readonly string[],
    day: Day,
  ): Promise<Map<string, Certification[]>> {
    return groupedItems(this.database, REQUIRED_BY(label), 'Certification', codes, { asOf: day });
  }
}
