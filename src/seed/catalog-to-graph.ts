import {
  GraphNode,
  GraphRelationship,
  NodeRef,
  PropertyGraph,
  PropertyValue,
} from '../graph/model';
import { Catalog, RequirementSpec } from './catalog';

/** Drops absent values: Neo4j stores no nulls, and an absent property reads back as null. */
function defined(
  properties: Record<string, PropertyValue | undefined>,
): Record<string, PropertyValue> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      (entry): entry is [string, PropertyValue] => entry[1] !== undefined,
    ),
  );
}

/**
 * Turns the curated catalog into the property graph it stands for. A certification REQUIRES each
 * entry of its list; a `oneOf` becomes a RequirementGroup (mode ONE_OF) with a ONE_OF edge to each
 * alternative, and an `allOf` a group (mode ALL_OF) that REQUIRES each member. Group ids are the
 * certification code plus the entry's 1-based position, e.g. `devops-engineer/1`, so that
 * reseeding the same catalog yields the same ids.
 */
export function catalogToGraph(catalog: Catalog): PropertyGraph {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];

  const item = (x: { name: string; url?: string; sources: string[]; notes: string[] }) => ({
    name: x.name,
    url: x.url,
    sources: x.sources,
    notes: x.notes,
  });

  /** `from` points at each spec with `type`; nested groups get ids under `idPrefix`. */
  const addRequirements = (
    from: NodeRef,
    type: 'REQUIRES' | 'ONE_OF',
    specs: RequirementSpec[],
    certCode: string,
    idPrefix: string,
  ) => {
    specs.forEach((spec, position) => {
      let to: NodeRef;
      if ('exam' in spec) to = { label: 'Exam', key: spec.exam };
      else if ('certification' in spec) to = { label: 'Certification', key: spec.certification };
      else {
        const id = `${idPrefix}/${position + 1}`;
        const mode = 'oneOf' in spec ? 'ONE_OF' : 'ALL_OF';
        to = { label: 'RequirementGroup', key: id };
        nodes.push({ ...to, properties: { id, mode, certification: certCode } });
        const members = 'oneOf' in spec ? spec.oneOf : spec.allOf;
        addRequirements(to, mode === 'ONE_OF' ? 'ONE_OF' : 'REQUIRES', members, certCode, id);
      }
      relationships.push({ type, from, to, position });
    });
  };

  for (const cert of catalog.certifications) {
    const ref: NodeRef = { label: 'Certification', key: cert.code };
    nodes.push({
      ...ref,
      properties: defined({
        code: cert.code,
        ...item(cert),
        level: cert.level,
        description: cert.description,
      }),
    });
    addRequirements(ref, 'REQUIRES', cert.requires, cert.code, cert.code);
  }
  for (const exam of catalog.exams) {
    nodes.push({
      label: 'Exam',
      key: exam.code,
      properties: defined({ code: exam.code, ...item(exam), priceUsd: exam.priceUsd }),
    });
  }
  for (const course of catalog.courses) {
    const ref: NodeRef = { label: 'Course', key: course.code };
    nodes.push({
      ...ref,
      properties: defined({
        code: course.code,
        ...item(course),
        durationInHours: course.durationInHours,
      }),
    });
    course.exams.forEach((exam, position) =>
      relationships.push({
        type: 'PREPARES_FOR',
        from: ref,
        to: { label: 'Exam', key: exam },
        position,
      }),
    );
  }
  return { nodes, relationships };
}
