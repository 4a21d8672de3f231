/**
 * certgraph as a black box: `node dist/src/main.js` (after `npm run build`) pointed at the
 * harness's Neo4j through NEO4J_URI, asked over HTTP like any client would.
 */
import path from 'node:path';
import {
  listAnswer,
  lookupAnswer,
  Operation,
  pathsAnswer,
  planAnswer,
  searchAnswer,
  Targets,
  treeAnswer,
} from '../golden';
import { PROJECT_ROOT } from '../project';
import { graphqlCall, graphqlData, HttpCall, spawnServer, Tier } from './tier';

const LOOKUP = `query Lookup($certification: String!, $exam: String!) {
  certification(code: $certification) { code name level url }
  exam(code: $exam) { code name url }
}`;

/** Three levels of requirements below the certification, each as it applied on $asOf. */
const TREE = `query Tree($code: String!, $asOf: Date) {
  certification(code: $code) { code requirements(asOf: $asOf) { items { ...Level1 } } }
}
fragment Key on Requirement {
  ... on Certification { code }
  ... on Exam { code }
  ... on RequirementGroup { id mode }
}
fragment Level2 on Requirement {
  ... on Certification { code requirements(asOf: $asOf) { items { ...Key } } }
  ... on Exam { code }
  ... on RequirementGroup { id mode items { ...Key } }
}
fragment Level1 on Requirement {
  ... on Certification { code requirements(asOf: $asOf) { items { ...Level2 } } }
  ... on Exam { code }
  ... on RequirementGroup { id mode items { ...Level2 } }
}`;

/** Every status: by default certgraph lists only what a learner could take or earn today. */
const LIST = `query List($first: Int) {
  certifications(first: $first, status: [UNKNOWN, UPCOMING, BETA, ACTIVE, RETIRING, RETIRED, BLOCKED]) {
    nodes { code name level }
  }
}`;

const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { __typename code }
}`;

const STEPS = 'steps { exam { code name } completes { code name } courses { code name } }';

const PLAN = `query Plan($target: String!, $asOf: Date) {
  plan(target: $target, asOf: $asOf) { optimal examCount path { examCount ${STEPS} } }
}`;

const PATHS = `query Paths($code: String!, $asOf: Date) {
  certification(code: $code) {
    paths(first: 20, asOf: $asOf) { totalCount nodes { examCount ${STEPS} } }
  }
}`;

export function certgraphCall(operation: Operation, t: Targets): HttpCall {
  switch (operation) {
    case 'lookup':
      return graphqlCall(LOOKUP, { certification: t.certification, exam: t.exam });
    case 'tree':
      return graphqlCall(TREE, { code: t.target, asOf: t.asOf });
    case 'list':
      return graphqlCall(LIST, { first: t.listSize });
    case 'search':
      return graphqlCall(SEARCH, { text: t.search, first: t.searchSize });
    case 'plan':
      return graphqlCall(PLAN, { target: t.target, asOf: t.asOf });
    case 'paths':
      return graphqlCall(PATHS, { code: t.target, asOf: t.asOf });
  }
}

interface Item {
  code?: string;
  id?: string;
  mode?: string;
  items?: Item[];
  requirements?: { items: Item[] };
}

/** A certification's items are REQUIRES edges; a group's are ONE_OF or REQUIRES by its mode. */
function treeEdges(from: string, type: string, items: Item[], edges: TreeEdge[]): TreeEdge[] {
  for (const item of items) {
    const key = item.code ?? groupKey(item.id!);
    edges.push({ from, to: key, type });
    if (item.requirements) treeEdges(key, 'REQUIRES', item.requirements.items, edges);
    if (item.items) {
      treeEdges(key, item.mode === 'ONE_OF' ? 'ONE_OF' : 'REQUIRES', item.items, edges);
    }
  }
  return edges;
}
type TreeEdge = { from: string; to: string; type: string };

/**
 * The graph's key of a group from its GraphQL id ("RequirementGroup:devops-engineer/1@2026-11-27"
 * → "devops-engineer/1"). Clients must not parse ids; the harness does, to compare with the graph.
 */
const groupKey = (id: string) => id.replace(/^RequirementGroup:/, '').replace(/@[^@]*$/, '');

export function certgraphCanonical(operation: Operation, body: string): unknown {
  const data = graphqlData(body);
  switch (operation) {
    case 'lookup':
      return lookupAnswer(data.certification as never, data.exam as never);
    case 'tree': {
      const root = data.certification as { code: string; requirements: { items: Item[] } };
      return treeAnswer(root.code, treeEdges(root.code, 'REQUIRES', root.requirements.items, []));
    }
    case 'list':
      return listAnswer((data.certifications as { nodes: never[] }).nodes);
    case 'search':
      return searchAnswer(
        (data.search as { __typename: string; code: string }[]).map((item) => ({
          kind: item.__typename,
          code: item.code,
        })),
      );
    case 'plan':
      return planAnswer(data.plan as never);
    case 'paths':
      return pathsAnswer((data.certification as { paths: never }).paths);
  }
}

export const certgraph: Tier = {
  name: 'certgraph',
  call: certgraphCall,
  canonical: certgraphCanonical,
  start: (boltUri, probe) =>
    spawnServer(
      'certgraph',
      path.join(PROJECT_ROOT, 'dist', 'src', 'main.js'),
      // Auth is off on the harness's Neo4j: no credentials.
      { NEO4J_URI: boltUri },
      probe,
    ),
};
