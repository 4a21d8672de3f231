import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../../src/project-root';

export interface Portal {
  child: ChildProcess;
  origin: string;
}

/** `npm run example` (node examples/portal/serve.mjs) on a free port; resolves with its origin. */
export async function startPortal(): Promise<Portal> {
  const child = spawn(process.execPath, ['examples/portal/serve.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, EXAMPLE_HOST: '127.0.0.1', EXAMPLE_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  for await (const line of lines) {
    const origin = /^Example portal: (http:\/\/\S+?)\/$/.exec(line)?.[1];
    if (origin) return { child, origin };
  }
  throw new Error('examples/portal/serve.mjs exited before printing its address');
}

export async function stopPortal(portal: Portal | undefined): Promise<void> {
  if (!portal || portal.child.exitCode !== null) return;
  const exited = once(portal.child, 'exit');
  portal.child.kill('SIGTERM');
  await exited;
}
