/** The Markdown report of a comparison run: what was run where, then one section per dataset. */
import { table } from '../stats';
import { Operation, OPERATIONS, Targets } from './golden';
import { Measurement } from './load';

export interface SmokeRow {
  op: Operation;
  tier: string;
  /** null when the answer was right. */
  problem: string | null;
  queries: number;
  transactions: number;
}

export interface Cell {
  op: Operation;
  tier: string;
  rounds: Measurement[];
  latency?: Measurement;
  requests: number;
  apiCpuMs: number;
  jvmCpuMs: number;
  queries: number;
  transactions: number;
  invalid: string[];
}

export interface ProcessRow {
  name: string;
  startMs?: number;
  peak: number;
  current: number;
}

export interface DatasetResult {
  dataset: string;
  targets: Targets;
  loadSeconds: number;
  smoke: SmokeRow[];
  cells: Cell[];
  processes: ProcessRow[];
}

export interface Meta {
  date: string;
  commit: string;
  machine: string;
  loadAverage: number;
  loadAverageEnd?: number;
  node: string;
  neo4j: string;
  flags: string;
}

const TIERS = ['certgraph', 'floor', 'peer', 'direct'];
const TITLES: Record<string, string> = { seeds: 'The seeds', '1000x': '1000x synthetic catalog' };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
/** autocannon measures whole milliseconds; the in-process loop finer. */
const ms = (n: number) => (Number.isInteger(n) ? String(n) : fixed(n, 2));
const rpsOf = (cell: Cell) => median(cell.rounds.map((m) => m.rps));
const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 240);

function throughputTable(result: DatasetResult): string {
  const rows: string[][] = [];
  for (const op of OPERATIONS) {
    const cells = result.cells.filter((c) => c.op === op);
    if (cells.length === 0) continue;
    const ours = cells.find((c) => c.tier === 'certgraph');
    for (const tier of TIERS) {
      const cell = cells.find((c) => c.tier === tier);
      if (!cell) {
        if (tier !== 'direct') rows.push([op, tier, '—', ...Array(8).fill(''), 'no way to ask it']);
        continue;
      }
      const valid = cell.invalid.length === 0;
      const ratio =
        tier === 'certgraph' || !ours || !valid || ours.invalid.length > 0
          ? ''
          : `${fixed(rpsOf(ours) / rpsOf(cell), 2)}×` +
            (tier === 'direct' ? ' (target ≥ 0.8)' : '');
      const perRequest = (total: number, digits: number) =>
        cell.requests > 0 ? fixed(total / cell.requests, digits) : '—';
      rows.push([
        op,
        tier,
        valid ? fixed(rpsOf(cell), 0) : 'invalid',
        ratio,
        cell.latency ? ms(cell.latency.p50) : '—',
        cell.latency ? ms(cell.latency.p99) : '—',
        cell.latency ? fixed(cell.latency.rps, 0) : '—',
        perRequest(cell.apiCpuMs, 3),
        perRequest(cell.jvmCpuMs, 3),
        perRequest(cell.queries, 2),
        perRequest(cell.transactions, 2),
        valid ? 'all right' : oneLine(cell.invalid.join('; ')),
      ]);
    }
  }
  return table(
    [
      'operation',
      'tier',
      'req/s',
      'certgraph ÷ tier',
      'p50 ms',
      'p99 ms',
      'at req/s',
      'API CPU ms/req',
      'Neo4j CPU ms/req',
      'queries/req',
      'tx/req',
      'answers',
    ],
    rows,
  );
}

function smokeTable(result: DatasetResult): string {
  return table(
    ['operation', 'tier', 'answer', 'queries', 'transactions'],
    result.smoke.map((s) => [
      s.op,
      s.tier,
      s.problem === null ? 'right' : `WRONG: ${oneLine(s.problem)}`,
      s.queries,
      s.transactions,
    ]),
  );
}

function processTable(result: DatasetResult): string {
  return table(
    ['process', 'start to first answer s', 'peak RSS MiB (VmHWM)', 'RSS MiB at the end'],
    result.processes.map((p) => [
      p.name,
      p.startMs === undefined ? '' : fixed(p.startMs / 1000, 2),
      fixed(p.peak, 0),
      fixed(p.current, 0),
    ]),
  );
}

export function reportMarkdown(results: DatasetResult[], meta: Meta, smoke: boolean): string {
  const lines = [
    `# bench:compare${smoke ? ' --smoke' : ''}, ${meta.date}`,
    '',
    `- commit ${meta.commit}; Node ${meta.node}; ${meta.neo4j}`,
    `- machine: ${meta.machine}; load average ${fixed(meta.loadAverage, 2)} at the start` +
      (meta.loadAverageEnd === undefined ? '' : `, ${fixed(meta.loadAverageEnd, 2)} at the end`),
    smoke ? '- smoke: one request per tier and operation, no timing' : `- ${meta.flags}`,
    '- a load average above the number of cores means other work shared the machine: compare' +
      ' ratios within one run, not absolute numbers across runs',
  ];
  for (const result of results) {
    const t = result.targets;
    lines.push(
      '',
      `## ${TITLES[result.dataset] ?? result.dataset}`,
      '',
      `Loaded in ${fixed(result.loadSeconds, 1)} s. lookup ${t.certification} and ${t.exam}; tree, ` +
        `plan and paths of ${t.target} as of ${t.asOf}; list the first ${t.listSize}; search "${t.search}".`,
    );
    if (smoke) {
      lines.push('', smokeTable(result));
    } else {
      const wrong = result.smoke.filter((s) => s.problem !== null);
      lines.push(
        '',
        wrong.length === 0
          ? 'Before timing, every tier answered every operation once, right.'
          : `Before timing, wrong answers: ${wrong.map((s) => `${s.tier} ${s.op}: ${oneLine(s.problem!)}`).join('; ')}`,
        '',
        throughputTable(result),
      );
    }
    lines.push('', processTable(result));
  }
  return lines.join('\n');
}
