import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { Context, createContext } from '../src/api/context';
import { Database } from '../src/db/database';
import { applySchema } from '../src/db/schema-setup';
import { buildCertgraphSchema } from '../src/schema/build-schema';
import { CatalogProjection } from '../src/store/catalog-projection';
import { Catalog } from '../src/seed/catalog';
import { catalogToGraph } from '../src/seed/catalog-to-graph';
import { writeGraph } from '../src/seed/write-graph';
import { BENCH_DAY } from './pure-paths.bench';
import { collectGarbage, fmt, percentile, spread, table, timeMsAsync } from './stats';

const PLAN = `
query Plan($target: String!, $asOf: Date) {
  plan(target: $target, asOf: $asOf) {
    optimal
    examCount
    path { steps { exam { code name } completes { code name } courses { code name } } }
  }
}`;

const PATHS = `
query Paths($code: String!, $asOf: Date) {
  certification(code: $code) {
    paths(first: 20, asOf: $asOf) {
      totalCount
      nodes { examCount steps { exam { code name } completes { code name } courses { code name } } }
    }
  }
}`;

export interface EndToEndRow {
  name: string;
  loadSeconds: number;
  plan: number[];
  paths: number[];
}

/** Loads the catalog into an emptied database, then times GraphQL requests through Apollo. */
export async function benchEndToEnd(
  database: Database,
  name: string,
  catalog: Catalog,
  targets = 200,
  rounds = 2,
): Promise<EndToEndRow> {
  const loadStart = Date.now();
  await database.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
  await applySchema(database);
  await writeGraph(database, catalogToGraph(catalog));
  const loadSeconds = (Date.now() - loadStart) / 1000;

  const apollo = new ApolloServer<Context>({ schema: await buildCertgraphSchema() });
  await apollo.start();
  const projection = await CatalogProjection.load(database, { refreshMs: 0 });
  const snapshot = projection.current();
  projection.stop();
  const run = async (query: string, variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(snapshot) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`benchmark query failed: ${JSON.stringify(response.body)}`);
    }
  };
  const codes = spread(
    catalog.certifications.filter((c) => c.level !== 'ASSOCIATE').map((c) => c.code),
    targets,
  );
  const row: EndToEndRow = { name, loadSeconds, plan: [], paths: [] };
  // Warm-up: JIT on both sides, Neo4j's query plan cache and page cache.
  for (let i = 0; i < 100; i++) {
    const code = codes[i % codes.length];
    await run(PLAN, { target: code, asOf: BENCH_DAY });
    await run(PATHS, { code, asOf: BENCH_DAY });
  }
  collectGarbage();
  for (let round = 0; round < Math.max(rounds, Math.ceil(200 / codes.length)); round++) {
    for (const code of codes) {
      row.plan.push(await timeMsAsync(() => run(PLAN, { target: code, asOf: BENCH_DAY })));
      row.paths.push(await timeMsAsync(() => run(PATHS, { code, asOf: BENCH_DAY })));
    }
  }
  await apollo.stop();
  return row;
}

export function endToEndTable(rows: EndToEndRow[]): string {
  return table(
    ['catalog', 'load s', 'requests', 'plan p50 ms', 'plan p99 ms', 'paths p50 ms', 'paths p99 ms'],
    rows.map((r) => [
      r.name,
      r.loadSeconds.toFixed(1),
      r.plan.length + r.paths.length,
      fmt(percentile(r.plan, 50)),
      fmt(percentile(r.plan, 99)),
      fmt(percentile(r.paths, 50)),
      fmt(percentile(r.paths, 99)),
    ]),
  );
}
