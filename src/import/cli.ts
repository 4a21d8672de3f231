import { parseArgs } from 'node:util';
import { importLearnCatalog } from './import-catalog';
import { formatReport } from './report';

const USAGE = 'usage: npm run import -- <catalog.json> [--seeds <dir>] [--into <dir>] [--dry-run]';

function parseArguments() {
  try {
    return parseArgs({
      options: {
        seeds: { type: 'string' },
        into: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

/**
 * `npm run import -- <file>`: merges a saved Microsoft Learn Catalog API response
 * (https://learn.microsoft.com/api/catalog/) into seeds/ and prints what it added, changed and
 * skipped. Writes nothing unless the merged seeds validate. See docs/importer.md.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArguments();
  if (positionals.length !== 1) throw new Error(USAGE);
  // npm runs scripts from the project root; paths are meant from where `npm run` was typed.
  process.chdir(process.env.INIT_CWD ?? process.cwd());
  const report = await importLearnCatalog({
    file: positionals[0],
    seedsDir: values.seeds,
    intoDir: values.into,
    dryRun: values['dry-run'],
  });
  console.log(formatReport(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
