/**
 * `npm run bench:costs`: what one call of each expensive field costs, measured, to set its
 * complexity weight (src/http/field-costs.ts). The real schema and resolvers run in process
 * (Apollo `executeOperation`, no HTTP, no complexity limit) over the seeds' catalog snapshot,
 * built from seeds/ directly (no Neo4j). Each field is asked with N aliases in one operation, so
 * the time per call includes GraphQL's work on its answer, minus what one operation costs anyway
 * ((T(50 aliases) - T(1)) / 49, CPU time, medians of several rounds); the table keeps the worst
 * target in the seeds. "points" is that cost over
 * the cost of one plain field (a lookup's `code`), the unit the complexity limit counts in.
 *
 *   npm run bench:costs
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { DEFAULT_OPTIONS, formatError } from '../src/app';
import { COMPLEXITY_ESTIMATORS } from '../src/http/query-complexity';
import { Context, createContext } from '../src/api/context';
import { buildCertgraphSchema } from '../src/schema/build-schema';
import { catalogToGraph } from '../src/seed/catalog-to-graph';
import { loadSeeds } from '../src/seed/load-seeds';
import { CatalogSnapshot } from '../src/store/snapshot/catalog-snapshot';

const ALIASES = 50;
const ROUNDS = 7;

interface Case {
  field: string;
  /** One call, aliased as `a`; `$target` is replaced by each target in turn. */
  call: string;
  targets: 'certifications' | 'exams' | 'texts';
}

const PLAN_SELECTION =
  '{ optimal examCount path { exams { code } steps { exam { code } completes { code } courses { code } } } }';

const CASES: Case[] = [
  {
    field: 'lookup (unit)',
    call: 'a: certification(code: "$target") { code }',
    targets: 'certifications',
  },
  {
    field: 'Query.plan',
    call: `a: plan(target: "$target") ${PLAN_SELECTION}`,
    targets: 'certifications',
  },
  {
    field: 'Certification.paths (first: 1)',
    call: 'a: certification(code: "$target") { paths(first: 1) { totalCount nodes { exams { code } } } }',
    targets: 'certifications',
  },
  {
    field: 'Certification.paths (first: 100)',
    call: 'a: certification(code: "$target") { paths(first: 100) { totalCount nodes { exams { code } } } }',
    targets: 'certifications',
  },
  {
    field: 'Query.unlocks',
    call: 'a: unlocks(code: "$target") { earned remainingExamCount certification { code } }',
    targets: 'exams',
  },
  {
    field: 'Certification.unlocks',
    call: 'a: certification(code: "$target") { unlocks { remainingExamCount certification { code } } }',
    targets: 'certifications',
  },
  {
    field: 'Certification.requirementGraph',
    call: 'a: certification(code: "$target") { requirementGraph { nodes { id code status } edges { from to } } }',
    targets: 'certifications',
  },
  {
    field: 'Exam.unlocks',
    call: 'a: exam(code: "$target") { unlocks { remainingExamCount certification { code } } }',
    targets: 'exams',
  },
  {
    field: 'Certification.diagram',
    call: 'a: certification(code: "$target") { diagram }',
    targets: 'certifications',
  },
  {
    field: 'Query.search (first: 50)',
    call: 'a: search(text: "$target", first: 50) { code name }',
    targets: 'texts',
  },
];

const TEXTS = ['azure', 'az', 'administrator', 'a', 'security engineer', 'dev ops', 'AZ-104'];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface FieldCost {
  field: string;
  msPerCall: number;
  worstTarget: string;
}

/**
 * The heaviest requests the default limits accept: each expensive field, aliased as often as the
 * alias and complexity limits allow, on its worst target from the table above.
 */
const HEAVIEST: { name: string; call: string }[] = [
  { name: 'plan', call: `plan(target: "cybersecurity-architect-expert") ${PLAN_SELECTION}` },
  {
    name: 'plan, smallest selection',
    call: 'plan(target: "cybersecurity-architect-expert") { optimal }',
  },
  { name: 'search', call: 'search(text: "azure", first: 50) { code }' },
  {
    name: 'requirementGraph',
    call: 'certification(code: "d365-finance-and-operations-apps-developer-associate") { requirementGraph { root } }',
  },
  { name: 'unlocks', call: 'unlocks(code: "PL-400") { earned }' },
  {
    name: 'paths (first: 100)',
    call: 'certification(code: "agentic-ai-business-solutions-architect") { paths(first: 100) { totalCount } }',
  },
  {
    name: 'a page of 100 certifications',
    call: 'certifications(first: 100) { nodes { code name level } }',
  },
];

export async function measureFieldCosts(): Promise<FieldCost[]> {
  const { apollo, run, catalog } = await inProcessApi();
  try {
    return await fieldCosts(run, catalog);
  } finally {
    await apollo.stop();
  }
}

async function inProcessApi() {
  const catalog = await loadSeeds();
  const snapshot = new CatalogSnapshot(catalogToGraph(catalog), 'field-costs');
  const schema = await buildCertgraphSchema();
  const apollo = new ApolloServer<Context>({ schema, formatError });
  await apollo.start();
  const run = async (query: string) => {
    const response = await apollo.executeOperation(
      { query },
      { contextValue: createContext(snapshot) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`${query.slice(0, 120)}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  };
  return { apollo, run, catalog, schema };
}

const cpuMsOf = async (run: (query: string) => Promise<void>, query: string) => {
  await run(query);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    await run(query);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
};

/** Each of HEAVIEST at the limits: aliases, complexity, CPU ms of the whole operation. */
export async function heaviestAccepted() {
  const { apollo, run, schema } = await inProcessApi();
  const max = DEFAULT_OPTIONS.maxQueryComplexity;
  const rows: { name: string; aliases: number; complexity: number; cpuMs: number }[] = [];
  try {
    for (const { name, call } of HEAVIEST) {
      for (let n = DEFAULT_OPTIONS.maxQueryAliases; n >= 1; n--) {
        const query = `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${call}`).join(' ')} }`;
        const complexity = getComplexity({
          schema,
          query: parse(query),
          estimators: COMPLEXITY_ESTIMATORS,
        });
        if (complexity > max) continue;
        rows.push({ name, aliases: n, complexity, cpuMs: await cpuMsOf(run, query) });
        break;
      }
    }
  } finally {
    await apollo.stop();
  }
  return rows;
}

async function fieldCosts(
  run: (query: string) => Promise<void>,
  catalog: Awaited<ReturnType<typeof loadSeeds>>,
): Promise<FieldCost[]> {
  const targets = {
    certifications: catalog.certifications.map((cert) => cert.code),
    exams: catalog.exams.map((exam) => exam.code),
    texts: TEXTS,
  };
  const results: FieldCost[] = [];
  for (const c of CASES) {
    let worst = { ms: 0, target: '' };
    for (const target of targets[c.targets]) {
      const one = c.call.replace('$target', target);
      const aliased = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => one.replace(/^a:/, `a${i}:`)).join(' ')} }`;
      // CPU time, not wall time: the machine is shared, and a preempted call is not a dear one.
      const cpuMs = async (query: string) => {
        await run(query); // warm-up, and the document is parsed once
        const times: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const start = process.cpuUsage();
          await run(query);
          const used = process.cpuUsage(start);
          times.push((used.user + used.system) / 1000);
        }
        return median(times);
      };
      // The marginal cost of a call: what the operation's own overhead (context, plugins) adds
      // to one call as to fifty is taken away.
      const ms = Math.max(
        0,
        ((await cpuMs(aliased(ALIASES))) - (await cpuMs(aliased(1)))) / (ALIASES - 1),
      );
      if (ms > worst.ms) worst = { ms, target };
    }
    results.push({ field: c.field, msPerCall: worst.ms, worstTarget: worst.target });
  }
  return results;
}

async function main(): Promise<void> {
  const costs = await measureFieldCosts();
  const unit = costs[0].msPerCall;
  console.log(`${ALIASES} aliases per operation, median of ${ROUNDS} rounds, worst target\n`);
  console.log('| field | ms per call | points (× lookup) | worst target |');
  console.log('| ----- | ----------- | ----------------- | ------------ |');
  for (const cost of costs) {
    console.log(
      `| ${cost.field} | ${cost.msPerCall.toFixed(4)} | ${(cost.msPerCall / unit).toFixed(1)} | ${cost.worstTarget} |`,
    );
  }
  console.log(
    `\nThe heaviest accepted requests (default limits: ${DEFAULT_OPTIONS.maxQueryAliases} aliases, complexity ${DEFAULT_OPTIONS.maxQueryComplexity}), CPU ms of the whole operation\n`,
  );
  console.log('| request | aliases | complexity | CPU ms |');
  console.log('| ------- | ------- | ---------- | ------ |');
  for (const row of await heaviestAccepted()) {
    console.log(`| ${row.name} | ${row.aliases} | ${row.complexity} | ${row.cpuMs.toFixed(1)} |`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
