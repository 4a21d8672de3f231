import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/project-root';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

/**
 * `NEO4J_URI` as an operator sets it for a Neo4j they run themselves with authentication off
 * (a sandbox, a container with NEO4J_AUTH=none): no made-up credentials needed.
 */
const MAIN = path.join(PROJECT_ROOT, 'dist/src/main.js');
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
});
afterAll(() => db?.close());

const describeWithoutAuth =
  existsSync(MAIN) && !process.env.TEST_NEO4J_USERNAME ? describe : describe.skip;

describeWithoutAuth('the API on a Neo4j without authentication', () => {
  test('connects with NEO4J_URI alone, answers, and stops cleanly', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NEO4J_URI: process.env.TEST_NEO4J_URI,
      PORT: '0',
    };
    delete env.NEO4J_USERNAME;
    delete env.NEO4J_PASSWORD;
    const child = spawn(process.execPath, [MAIN], { cwd: PROJECT_ROOT, env, stdio: 'pipe' });
    const output: string[] = [];
    readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
          output.push(line);
          const found = /^GraphQL API:\s+(\S+)/.exec(line)?.[1];
          if (found) resolve(found);
        });
        void exited.then((code) => reject(new Error(`exited ${code}:\n${output.join('\n')}`)));
      });
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ exam(code: "AZ-400") { code } }' }),
      });
      expect(await response.json()).toEqual({ data: { exam: { code: 'AZ-400' } } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
