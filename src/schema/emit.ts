import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { buildCertgraphSchema, printSortedSchema } from './build-schema';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** `emit.js` writes schema/schema.graphql; `emit.js --check` fails when the committed file is stale. */
async function main(): Promise<void> {
  const sdl = printSortedSchema(await buildCertgraphSchema());
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    if (committed !== sdl) {
      console.error(
        `${path.relative(process.cwd(), SCHEMA_FILE)} is stale: run \`npm run schema:emit\` and commit it.`,
      );
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date.');
    return;
  }
  await writeFile(SCHEMA_FILE, sdl);
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
