/**
 * The floor: what a user could write in an afternoon. A bare `node:http` server and
 * neo4j-driver, ONE hand-written Cypher query per operation, answers as plain JSON. No GraphQL,
 * no batching, no caching. Run as a child process (`node dist/bench/compare/tiers/floor.js`).
 * It has no plan or paths: those are certgraph's own algorithms.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { listAnswer, lookupAnswer, Operation, searchAnswer, Targets, treeAnswer } from '../golden';
import { spawnServer, Tier } from './tier';

export const FLOOR_CYPHER = {
  lookup: `
OPTIONAL MATCH (c:Certification {code: $certification})
OPTIONAL MATCH (e:Exam {code: $exam})
RETURN c {.code, .name, .level, .url} AS certification, e {.code, .name, .url} AS exam`,

  // Every edge within three hops whose whole path applied on the day (dates inclusive, null open).
  tree: `
MATCH p = (:Certification {code: $code})-[:REQUIRES|ONE_OF*1..3]->()
WHERE all(r IN relationships(p) WHERE (r.validFrom IS NULL OR r.validFrom <= date($asOf))
                                  AND (r.validUntil IS NULL OR date($asOf) <= r.validUntil))
WITH last(relationships(p)) AS r
RETURN DISTINCT coalesce(startNode(r).code, startNode(r).id) AS from, type(r) AS type,
                coalesce(endNode(r).code, endNode(r).id) AS to`,

  list: `
MATCH (c:Certification)
RETURN c.code AS code, c.name AS name, c.level AS level
ORDER BY c.code
LIMIT $first`,

  search: `
CALL db.index.fulltext.queryNodes('catalog_search', $query) YIELD node, score
RETURN [l IN labels(node) WHERE l IN ['Certification', 'Exam', 'Course']][0] AS kind,
       node.code AS code, node.name AS name
ORDER BY score DESC
LIMIT $first`,
};

type FloorOperation = keyof typeof FLOOR_CYPHER;
const isFloorOperation = (name: string): name is FloorOperation => name in FLOOR_CYPHER;

/** Each word must match as a prefix, like certgraph's search; Lucene syntax never passes through. */
const luceneQuery = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `${word}*`).join(' AND ');

function serve(): void {
  const driver = neo4j.driver(
    process.env.NEO4J_URI!,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    { disableLosslessIntegers: true },
  );
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://floor');
    const operation = url.pathname.slice(1);
    if (!isFloorOperation(operation)) {
      response.writeHead(404).end();
      return;
    }
    const q = (name: string) => url.searchParams.get(name) ?? '';
    const params = {
      certification: q('certification'),
      exam: q('exam'),
      code: q('code'),
      asOf: q('asOf'),
      query: luceneQuery(q('text')),
      first: neo4j.int(Number(q('first') || 20)),
    };
    try {
      const { records } = await driver.executeQuery(FLOOR_CYPHER[operation], params, {
        routing: neo4j.routing.READ,
      });
      const rows = records.map((record) => record.toObject());
      const answer =
        operation === 'lookup'
          ? rows[0]
          : operation === 'tree'
            ? { code: params.code, edges: rows }
            : { items: rows };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  };
  const server = createServer((request, response) => void handle(request, response));
  server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void driver.close().then(() => process.exit(0));
  });
}

export const floor: Tier = {
  name: 'floor',
  call(operation: Operation, t: Targets) {
    const query = (params: Record<string, string | number>) =>
      new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    switch (operation) {
      case 'lookup':
        return {
          method: 'GET',
          path: `/lookup?${query({ certification: t.certification, exam: t.exam })}`,
        };
      case 'tree':
        return { method: 'GET', path: `/tree?${query({ code: t.target, asOf: t.asOf })}` };
      case 'list':
        return { method: 'GET', path: `/list?${query({ first: t.listSize })}` };
      case 'search':
        return { method: 'GET', path: `/search?${query({ text: t.search, first: t.searchSize })}` };
      default:
        return undefined;
    }
  },
  canonical(operation: Operation, body: string) {
    const answer = JSON.parse(body);
    switch (operation) {
      case 'lookup':
        return lookupAnswer(answer.certification, answer.exam);
      case 'tree':
        return treeAnswer(answer.code, answer.edges);
      case 'list':
        return listAnswer(answer.items);
      case 'search':
        return searchAnswer(answer.items);
      default:
        throw new Error(`floor has no ${operation}`);
    }
  },
  start: (boltUri, probe) =>
    spawnServer(
      'floor',
      path.join(__dirname, 'floor.js'),
      { NEO4J_URI: boltUri, NEO4J_USERNAME: 'neo4j', NEO4J_PASSWORD: 'bench' },
      probe,
    ),
};

if (require.main === module) serve();
