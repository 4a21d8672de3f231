import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { Database } from './database';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** Splits a .cypher file into statements: `;` at a line end ends one; `//` comments are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies every schema/*.cypher file (constraints and indexes, written IF NOT EXISTS so this is
 * idempotent), then waits until the indexes are online so the first query can use them.
 */
export async function applySchema(database: Database, dir = SCHEMA_DIR): Promise<void> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.cypher')).sort();
  for (const file of files) {
    for (const statement of splitStatements(await readFile(path.join(dir, file), 'utf8'))) {
      // Schema commands cannot share a transaction with each other or with data writes.
      await database.write((tx) => tx.run(statement));
    }
  }
  await database.write((tx) => tx.run('CALL db.awaitIndexes(60)'));
}
