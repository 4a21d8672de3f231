/**
 * The load driver: autocannon (as a library) for the HTTP tiers, and the same shape of loop in
 * process for the direct calls. Every response goes through `verify`; one that fails makes the
 * whole measurement invalid, with the first reason kept. Runs are bounded by time (and the
 * in-process loop by count too).
 */
import autocannon from 'autocannon';
import { percentile } from '../stats';
import { HttpCall } from './tiers/tier';

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unset: as fast as the tier answers. */
  rate?: number;
}

export interface Measurement {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Why the run does not count (a wrong, short or failed answer); unset when every answer was right. */
  invalid?: string;
}

/** null when the response is right, else why not. */
export type Verify = (status: number, body: string) => string | null;

class Verdict {
  failures = 0;
  reason?: string;
  note(reason: string | null): void {
    if (reason === null) return;
    this.failures++;
    this.reason ??= reason;
  }
  invalid(extra: string[] = []): string | undefined {
    const reasons = [
      ...(this.failures > 0
        ? [`${this.failures} wrong answer${this.failures === 1 ? '' : 's'}, first: ${this.reason}`]
        : []),
      ...extra,
    ];
    return reasons.length > 0 ? reasons.join('; ') : undefined;
  }
}

export async function loadHttp(
  url: string,
  call: HttpCall,
  verify: Verify,
  options: LoadOptions,
): Promise<Measurement> {
  const verdict = new Verdict();
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    requests: [{ ...call, onResponse: (status, body) => verdict.note(verify(status, body)) }],
  });
  const requests = result.requests.total;
  const transport = [
    ...(result.errors > 0
      ? [`${result.errors} connection errors (${result.timeouts} timeouts)`]
      : []),
    ...(requests === 0 ? ['no answer at all'] : []),
  ];
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    invalid: verdict.invalid(transport),
  };
}

/**
 * `connections` concurrent callers of `ask`, like autocannon's connections. With a rate, call i
 * is due at start + i/rate and its latency counts from then (as autocannon corrects for
 * coordinated omission).
 */
export async function loadInProcess(
  ask: () => Promise<unknown>,
  verify: (answer: unknown) => string | null,
  options: LoadOptions,
  maxRequests = 1_000_000,
): Promise<Measurement> {
  const verdict = new Verdict();
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + options.seconds * 1000;
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      const due = options.rate ? start + (i * 1000) / options.rate : performance.now();
      if (due >= end || i >= maxRequests) return;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        verdict.note(verify(await ask()));
      } catch (error) {
        verdict.note(error instanceof Error ? error.message : String(error));
      }
      latencies.push(performance.now() - due);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    invalid: verdict.invalid(latencies.length === 0 ? ['no answer at all'] : []),
  };
}
