/**
 * What grew between two V8 heap snapshots (e.g. from `node dist/bench/soak.js --heap-snapshots
 * 20,110`): objects by constructor, with count and self size in each, and for the constructors
 * that grew most, the chain of retainers from a sample object up to a named holder (a Map, a
 * cache, a module variable). No DevTools needed:
 *
 *   node --max-old-space-size=4096 dist/bench/heap-summary.js before.heapsnapshot after.heapsnapshot
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

class Heap {
  readonly nodeFields: number;
  readonly edgeFields: number;
  readonly count: number;
  private readonly firstEdge: Uint32Array;
  private retainers?: { from: Uint32Array; edge: Uint32Array; start: Uint32Array };
  private readonly f: Record<string, number>;
  private readonly e: Record<string, number>;

  constructor(private readonly s: Snapshot) {
    const { meta } = s.snapshot;
    this.nodeFields = meta.node_fields.length;
    this.edgeFields = meta.edge_fields.length;
    this.f = Object.fromEntries(meta.node_fields.map((name, i) => [name, i]));
    this.e = Object.fromEntries(meta.edge_fields.map((name, i) => [name, i]));
    this.count = s.nodes.length / this.nodeFields;
    this.firstEdge = new Uint32Array(this.count + 1);
    for (let n = 0, edge = 0; n < this.count; n++) {
      this.firstEdge[n] = edge;
      edge += s.nodes[n * this.nodeFields + this.f.edge_count] * this.edgeFields;
    }
    this.firstEdge[this.count] = s.edges.length;
  }

  type(n: number): string {
    return this.s.snapshot.meta.node_types[0][this.s.nodes[n * this.nodeFields + this.f.type]];
  }
  name(n: number): string {
    return this.s.strings[this.s.nodes[n * this.nodeFields + this.f.name]];
  }
  selfSize(n: number): number {
    return this.s.nodes[n * this.nodeFields + this.f.self_size];
  }
  /** What a person would call the object's kind. */
  label(n: number): string {
    const type = this.type(n);
    return type === 'object' || type === 'closure' ? this.name(n) : `(${type})`;
  }

  private edgeName(edge: number): string {
    const type = this.s.snapshot.meta.edge_types[0][this.s.edges[edge + this.e.type]];
    const nameOrIndex = this.s.edges[edge + this.e.name_or_index];
    return type === 'element' || type === 'hidden'
      ? `[${nameOrIndex}]`
      : `${type === 'internal' ? '(internal) ' : ''}${this.s.strings[nameOrIndex]}`;
  }

  private buildRetainers() {
    const counts = new Uint32Array(this.count + 1);
    const to = this.e.to_node;
    for (let edge = 0; edge < this.s.edges.length; edge += this.edgeFields) {
      counts[this.s.edges[edge + to] / this.nodeFields]++;
    }
    const start = new Uint32Array(this.count + 1);
    for (let n = 0; n < this.count; n++) start[n + 1] = start[n] + counts[n];
    const fill = start.slice();
    const from = new Uint32Array(start[this.count]);
    const edgeOf = new Uint32Array(start[this.count]);
    for (let n = 0; n < this.count; n++) {
      for (let edge = this.firstEdge[n]; edge < this.firstEdge[n + 1]; edge += this.edgeFields) {
        const target = this.s.edges[edge + to] / this.nodeFields;
        from[fill[target]] = n;
        edgeOf[fill[target]++] = edge;
      }
    }
    this.retainers = { from, edge: edgeOf, start };
  }

  /** A path of retainers from `n` upward, skipping weak and internal edges where it can. */
  retainerChain(n: number, depth = 14): string[] {
    if (!this.retainers) this.buildRetainers();
    const { from, edge, start } = this.retainers!;
    const chain: string[] = [];
    const seen = new Set<number>([n]);
    let current = n;
    for (let step = 0; step < depth; step++) {
      let next = -1;
      let via = '';
      for (let r = start[current]; r < start[current + 1]; r++) {
        const candidate = from[r];
        const name = this.edgeName(edge[r]);
        const type = this.s.snapshot.meta.edge_types[0][this.s.edges[edge[r] + this.e.type]];
        const skip = seen.has(candidate) || type === 'weak' || this.type(candidate) === 'synthetic';
        if (skip) continue;
        next = candidate;
        via = name;
        if (type !== 'internal') break;
      }
      if (next < 0) break;
      chain.push(`${via} in ${this.label(next)}`);
      seen.add(next);
      current = next;
    }
    return chain;
  }

  byLabel(): Map<string, { count: number; bytes: number; sample: number }> {
    const totals = new Map<string, { count: number; bytes: number; sample: number }>();
    for (let n = 0; n < this.count; n++) {
      const label = this.label(n);
      const total = totals.get(label) ?? { count: 0, bytes: 0, sample: n };
      total.count++;
      total.bytes += this.selfSize(n);
      total.sample = n;
      totals.set(label, total);
    }
    return totals;
  }
}

const load = (file: string) => new Heap(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function main(): void {
  const [beforeFile, afterFile] = process.argv.slice(2);
  if (!beforeFile || !afterFile) {
    throw new Error('usage: heap-summary.js before.heapsnapshot after.heapsnapshot');
  }
  const before = load(beforeFile).byLabel();
  const heap = load(afterFile);
  const after = heap.byLabel();
  const rows = [...after.entries()]
    .map(([label, now]) => {
      const then = before.get(label) ?? { count: 0, bytes: 0 };
      return { label, now, count: now.count - then.count, bytes: now.bytes - then.bytes };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 15);
  const total = (byLabel: Map<string, { bytes: number }>) =>
    [...byLabel.values()].reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(`heap: ${mib(total(before))} MiB before, ${mib(total(after))} MiB after\n`);
  console.log('| kind | count after | growth | MiB after | MiB growth |');
  console.log('| ---- | ----------- | ------ | --------- | ---------- |');
  for (const row of rows) {
    console.log(
      `| ${row.label.slice(0, 60)} | ${row.now.count} | ${row.count} | ${mib(row.now.bytes)} | ${mib(row.bytes)} |`,
    );
  }
  for (const row of rows.slice(0, 5)) {
    console.log(`\n${row.label}: a sample's retainers, upward:`);
    for (const line of heap.retainerChain(row.now.sample)) console.log(`  ${line}`);
  }
}

main();
