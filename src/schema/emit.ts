import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { buildCertgraphSchema, printSortedSchema } from './build-schema';
import { possibleTypesOf } from './possible-types';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
/** Apollo Client's `possibleTypes`, generated with the SDL (docs/embedding.md). */
export const POSSIBLE_TYPES_FILE = path.join(PROJECT_ROOT, 'schema', 'possible-types.json');

/** `emit.js` writes the generated files in schema/; `emit.js --check` fails when one is stale. */
async function main(): Promise<void> {
  const schema = await buildCertgraphSchema();
  const files: [string, string][] = [
    [SCHEMA_FILE, printSortedSchema(schema)],
    [POSSIBLE_TYPES_FILE, JSON.stringify(possibleTypesOf(schema), null, 2) + '\n'],
  ];
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, text] of files) {
    const name = path.relative(process.cwd(), file);
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (check) {
      if (committed !== text) {
        console.error(`${name} is stale: run \`npm run schema:emit\` and commit it.`);
        stale = true;
      } else console.log(`${name} is up to date.`);
    } else {
      await writeFile(file, text);
      console.log(`Wrote ${name}.`);
    }
  }
  if (stale) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
