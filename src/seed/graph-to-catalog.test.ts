import { stringify } from 'yaml';
import { catalogToGraph } from './catalog-to-graph';
import { itemToYaml, validityPolicyToYaml } from './catalog-to-yaml';
import { graphToCatalog } from './graph-to-catalog';
import { loadSeeds } from './load-seeds';
import { parseSeedFile } from './parse-seed-file';
import { PropertyGraph, nodeId, relationshipId } from '../graph/model';

/** A graph in an order-free form, so that two graphs compare equal when they hold the same. */
const sorted = (graph: PropertyGraph) => ({
  nodes: [...graph.nodes].sort((a, b) => (nodeId(a) < nodeId(b) ? -1 : 1)),
  relationships: graph.relationships
    .map((r) => ({ ...r, properties: r.properties ?? {} }))
    .sort((a, b) => (relationshipId(a) < relationshipId(b) ? -1 : 1)),
});

describe('graphToCatalog', () => {
  it('gives back the catalog the seeds stand for: the same graph again', async () => {
    const graph = catalogToGraph(await loadSeeds());
    expect(graph.nodes.length).toBeGreaterThan(50);
    expect(graph.nodes.filter((n) => n.label === 'ValidityPolicy').length).toBeGreaterThan(0);
    expect(sorted(catalogToGraph(graphToCatalog(graph)))).toEqual(sorted(graph));
  });

  it('writes YAML that parses back into the same graph', async () => {
    const graph = catalogToGraph(await loadSeeds());
    const catalog = graphToCatalog(graph);
    const text = stringify({
      certifications: catalog.certifications.map((c) => itemToYaml('certifications', c)),
      exams: catalog.exams.map((e) => itemToYaml('exams', e)),
      courses: catalog.courses.map((c) => itemToYaml('courses', c)),
      validityPolicies: (catalog.validityPolicies ?? []).map(validityPolicyToYaml),
    });
    const parsed = parseSeedFile('export.yaml', text);
    expect(parsed.problems).toEqual([]);
    expect(sorted(catalogToGraph(parsed.catalog))).toEqual(sorted(graph));
  });
});
