/**
 * The peer: @neo4j/graphql 7 on Apollo Server 5 over the same Neo4j, with the type definitions a
 * user would write for this graph. Everything is the library's generated API except `search`,
 * which it has no native way to do across three labels (its @fulltext works per type), so that
 * one field is a @cypher query. It has no plan or paths. No APOC: none of these operations need
 * it (the library uses APOC for mutations, authorization rules, DateTime formatting and
 * aggregations). Run as a child process (`node dist/bench/compare/tiers/peer.js`).
 */
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { listAnswer, lookupAnswer, Operation, searchAnswer, Targets, treeAnswer } from '../golden';
import { graphqlCall, graphqlData, spawnServer, Tier } from './tier';

export const PEER_TYPE_DEFS = /* GraphQL */ `
  extend schema @mutation(operations: [])

  interface CatalogItem {
    code: String!
    name: String!
  }

  type Certification implements CatalogItem @node {
    code: String!
    name: String!
    level: String!
    url: String
    requires: [Requirement!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Dated")
  }

  type Exam implements CatalogItem @node {
    code: String!
    name: String!
    url: String
  }

  type Course implements CatalogItem @node {
    code: String!
    name: String!
  }

  type RequirementGroup @node {
    id: String!
    mode: String!
    requires: [Requirement!]! @relationship(type: "REQUIRES", direction: OUT, properties: "Dated")
    oneOf: [Requirement!]! @relationship(type: "ONE_OF", direction: OUT, properties: "Dated")
  }

  union Requirement = Certification | Exam | RequirementGroup

  type Dated @relationshipProperties {
    validFrom: Date
    validUntil: Date
  }

  type Query {
    search(text: String!, first: Int! = 10): [CatalogItem!]!
      @cypher(
        statement: """
        WITH [w IN split(toLower($text), ' ') WHERE w <> '' | w + '*'] AS words
        CALL db.index.fulltext.queryNodes('catalog_search', reduce(q = head(words), w IN tail(words) | q + ' AND ' + w))
        YIELD node, score
        RETURN node ORDER BY score DESC LIMIT $first
        """
        columnName: "node"
      )
  }
`;

export const PEER_LOOKUP = `query Lookup($certification: String!, $exam: String!) {
  certifications(where: { code: { eq: $certification } }) { code name level url }
  exams(where: { code: { eq: $exam } }) { code name url }
}`;

/** The same edge filter on every member of the union: the requirement applied on the day. */
const ON_DAY =
  '{ Certification: { edge: $on }, Exam: { edge: $on }, RequirementGroup: { edge: $on } }';

export const PEER_TREE = `query Tree($code: String!, $on: DatedWhere!) {
  certifications(where: { code: { eq: $code } }) {
    code
    requiresConnection(where: ${ON_DAY}) { edges { node { ...Level1 } } }
  }
}
fragment Key on Requirement {
  ... on Certification { code }
  ... on Exam { code }
  ... on RequirementGroup { id mode }
}
fragment Level2 on Requirement {
  ... on Certification { code requiresConnection(where: ${ON_DAY}) { edges { node { ...Key } } } }
  ... on Exam { code }
  ... on RequirementGroup {
    id mode
    requiresConnection(where: ${ON_DAY}) { edges { node { ...Key } } }
    oneOfConnection(where: ${ON_DAY}) { edges { node { ...Key } } }
  }
}
fragment Level1 on Requirement {
  ... on Certification { code requiresConnection(where: ${ON_DAY}) { edges { node { ...Level2 } } } }
  ... on Exam { code }
  ... on RequirementGroup {
    id mode
    requiresConnection(where: ${ON_DAY}) { edges { node { ...Level2 } } }
    oneOfConnection(where: ${ON_DAY}) { edges { node { ...Level2 } } }
  }
}`;

export const PEER_LIST = `query List($first: Int) {
  certifications(sort: [{ code: ASC }], limit: $first) { code name level }
}`;

export const PEER_SEARCH = `query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) { __typename code }
}`;

/** validFrom <= day <= validUntil, a missing date open. */
const appliedOn = (day: string) => ({
  AND: [
    { OR: [{ validFrom: { eq: null } }, { validFrom: { lte: day } }] },
    { OR: [{ validUntil: { eq: null } }, { validUntil: { gte: day } }] },
  ],
});

interface Node {
  code?: string;
  id?: string;
  requiresConnection?: { edges: { node: Node }[] };
  oneOfConnection?: { edges: { node: Node }[] };
}
type TreeEdge = { from: string; to: string; type: string };

function treeEdges(node: Node, edges: TreeEdge[]): TreeEdge[] {
  const from = (node.code ?? node.id)!;
  for (const [type, connection] of [
    ['REQUIRES', node.requiresConnection],
    ['ONE_OF', node.oneOfConnection],
  ] as const) {
    for (const { node: child } of connection?.edges ?? []) {
      edges.push({ from, to: (child.code ?? child.id)!, type });
      treeEdges(child, edges);
    }
  }
  return edges;
}

async function serve(): Promise<void> {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  );
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' },
  });
  process.once('SIGTERM', () => {
    void server
      .stop()
      .then(() => driver.close())
      .then(() => process.exit(0));
  });
}

export const peer: Tier = {
  name: 'peer',
  call(operation: Operation, t: Targets) {
    switch (operation) {
      case 'lookup':
        return graphqlCall(PEER_LOOKUP, { certification: t.certification, exam: t.exam });
      case 'tree':
        return graphqlCall(PEER_TREE, { code: t.target, on: appliedOn(t.asOf) });
      case 'list':
        return graphqlCall(PEER_LIST, { first: t.listSize });
      case 'search':
        return graphqlCall(PEER_SEARCH, { text: t.search, first: t.searchSize });
      default:
        return undefined;
    }
  },
  canonical(operation: Operation, body: string) {
    const data = graphqlData(body) as Record<string, never[]>;
    switch (operation) {
      case 'lookup':
        return lookupAnswer(data.certifications[0], data.exams[0]);
      case 'tree': {
        const root = data.certifications[0] as Node;
        return treeAnswer(root.code!, treeEdges(root, []));
      }
      case 'list':
        return listAnswer(data.certifications);
      case 'search':
        return searchAnswer(
          (data.search as { __typename: string; code: string }[]).map((item) => ({
            kind: item.__typename,
            code: item.code,
          })),
        );
      default:
        throw new Error(`peer has no ${operation}`);
    }
  },
  start: (boltUri, probe) =>
    spawnServer(
      'peer',
      path.join(__dirname, 'peer.js'),
      { NEO4J_URI: boltUri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'bench' },
      probe,
    ),
};

if (require.main === module) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
