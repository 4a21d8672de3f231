import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatProblem, SeedProblem, SeedValidationError } from '../seed/catalog';
import { loadSeeds } from '../seed/load-seeds';
import { FileChange } from './apply-merge';

/** The merged seeds would not validate: nothing was written. */
export class ImportRejectedError extends Error {
  override name = 'ImportRejectedError';
  constructor(
    readonly problems: SeedProblem[],
    message: string,
  ) {
    super(message);
  }
}

/** loadSeeds names files relative to the working directory; point them at the real seeds. */
function fromCopy(problem: SeedProblem, copy: string, seedsDir: string): SeedProblem {
  const shown = (dir: string) => path.relative(process.cwd(), dir) || '.';
  const real = (text: string) => text.split(shown(copy)).join(shown(seedsDir));
  return {
    ...problem,
    location: { ...problem.location, file: real(problem.location.file) },
    message: real(problem.message),
  };
}

/**
 * Writes the changed seed files only if the seeds they make are valid: the changes go into a
 * temporary copy of the seeds directory first, which must pass loadSeeds. The real files are
 * then checked to be unchanged since they were read (someone may be editing them) and replaced
 * one by one, each through a rename.
 */
export async function writeSeedsIfValid(
  seedsDir: string,
  changes: Map<string, FileChange>,
  options: { dryRun: boolean },
): Promise<void> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'certgraph-import-'));
  try {
    await cp(seedsDir, copy, { recursive: true });
    for (const [name, change] of changes) {
      await mkdir(path.dirname(path.join(copy, name)), { recursive: true });
      await writeFile(path.join(copy, name), change.after);
    }
    await loadSeeds(copy);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    const problems = error.problems.map((problem) => fromCopy(problem, copy, seedsDir));
    throw new ImportRejectedError(
      problems,
      `The merged seeds would have ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n  ` +
        problems.map(formatProblem).join('\n  '),
    );
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  if (options.dryRun) return;

  for (const [name, change] of changes) {
    const now = await readFile(path.join(seedsDir, name), 'utf8').catch(() => undefined);
    if (now !== change.before) {
      throw new Error(
        `${path.join(seedsDir, name)} changed while importing; nothing was written. Run the import again.`,
      );
    }
  }
  for (const [name, change] of changes) {
    const file = path.join(seedsDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.import-tmp`, change.after);
    await rename(`${file}.import-tmp`, file);
  }
}
