import { Neo4jError } from 'neo4j-driver';
import { DatabaseUnavailableError } from '../errors';
import { DatabaseAvailability, isUnavailable } from './availability';

const unreachable = () =>
  new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '50N00', 'no server');
const refused = () =>
  new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax');

/** A probe that answers as the "server" does now; work is plain functions (no driver here). */
function harness() {
  const server = { up: true, probes: 0 };
  const lines: string[] = [];
  const availability = new DatabaseAvailability(
    async () => {
      server.probes++;
      if (!server.up) throw unreachable();
    },
    { retryAfterMs: 50, log: (line) => lines.push(line) },
  );
  const work = (calls: { n: number }) => async () => {
    calls.n++;
    if (!server.up) throw unreachable();
    return 'answer';
  };
  return { server, lines, availability, work };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('DatabaseAvailability', () => {
  test('classifies unreachable errors, not refused queries', () => {
    expect(isUnavailable(unreachable())).toBe(true);
    expect(isUnavailable(new Neo4jError('x', 'SessionExpired', '', ''))).toBe(true);
    expect(
      isUnavailable(new Neo4jError('Connection acquisition timed out in 5000 ms', 'N/A', '', '')),
    ).toBe(true);
    expect(isUnavailable(refused())).toBe(false);
    expect(isUnavailable(new Error('ECONNREFUSED'))).toBe(false);
  });

  test('opens on the first unreachable error, fails fast without calling, and recovers by probing', async () => {
    const { server, lines, availability, work } = harness();
    try {
      const calls = { n: 0 };
      expect(await availability.run(work(calls))).toBe('answer');
      server.up = false;
      await expect(availability.run(work(calls))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(availability.state().reachable).toBe(false);
      const before = calls.n;
      await expect(availability.run(work(calls))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(calls.n).toBe(before); // the breaker answered, the work never ran
      await until(() => server.probes >= 2); // it keeps probing while down
      expect(availability.state().reachable).toBe(false);
      server.up = true;
      await until(() => availability.state().reachable);
      expect(await availability.run(work(calls))).toBe('answer');
      expect(lines.join('\n')).toMatch(/unreachable[\s\S]*answers again/);
    } finally {
      availability.shutdown();
    }
  });

  test('a refused query passes its own error through and leaves the breaker closed', async () => {
    const { availability } = harness();
    try {
      const error = refused();
      await expect(availability.run(async () => Promise.reject(error))).rejects.toBe(error);
      expect(availability.state().reachable).toBe(true);
    } finally {
      availability.shutdown();
    }
  });

  test('markDown fails work at once until a probe answers', async () => {
    const { server, availability, work } = harness();
    try {
      server.up = false;
      availability.markDown('the JVM exited');
      expect(availability.state()).toMatchObject({ reachable: false, reason: 'the JVM exited' });
      expect(await availability.check()).toBe(false);
      server.up = true;
      await until(() => availability.state().reachable);
      expect(await availability.run(work({ n: 0 }))).toBe('answer');
      expect(await availability.check()).toBe(true);
    } finally {
      availability.shutdown();
    }
  });
});
