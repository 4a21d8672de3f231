/**
 * Builds neo4j-launcher/ with Maven when needed: compiles the Java launcher and lets Maven download
 * Neo4j from Maven Central and record the runtime classpath in target/classpath.txt; then unpacks
 * Neo4j Browser into the launcher's classes, edited to stay offline (offline-browser.ts).
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';
import { OFFLINE_MARKER, offlineMarkerText, unpackOfflineBrowser } from './offline-browser';
import { checkMaven } from './preconditions';
import { delay, run, silent, type Log } from './process-util';

const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'neo4j-launcher');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
export const CLASSES_DIR = path.join(LAUNCHER_DIR, 'target', 'classes');
export const CLASSPATH_FILE = path.join(LAUNCHER_DIR, 'target', 'classpath.txt');
const BUILD_LOCK = path.join(LAUNCHER_DIR, 'target', '.build-lock');
export const MAIN_CLASS = 'certgraph.launcher.Main';

/** Compiles the launcher and downloads Neo4j if needed (CI runs this as its install step). */
export async function prepareLocalNeo4j(log: Log = silent): Promise<void> {
  if (!(await launcherNeedsBuild())) return;
  await withBuildLock(async () => {
    // Another process may have finished the build while we waited for the lock.
    if (await launcherNeedsBuild()) await buildLauncher(log);
  });
}

/** True when target/classpath.txt is missing, older than the launcher sources, or names a missing jar. */
async function launcherNeedsBuild(): Promise<boolean> {
  let builtAt: number;
  try {
    builtAt = (await fs.stat(CLASSPATH_FILE)).mtimeMs;
  } catch {
    return true;
  }
  const sources = [POM, ...(await listFiles(path.join(LAUNCHER_DIR, 'src')))];
  for (const source of sources) {
    if ((await fs.stat(source)).mtimeMs > builtAt) return true;
  }
  if (!existsSync(path.join(CLASSES_DIR, ...MAIN_CLASS.split('.')) + '.class')) return true;
  const jars = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim().split(path.delimiter);
  if (jars.some((jar) => jar === '' || !existsSync(jar))) return true;
  // Browser is unpacked again when it lacks the edits offline-browser.ts makes today.
  const browserJar = jars.find((jar) => /neo4j-browser-[^/\\]*\.jar$/.test(jar));
  const marker = path.join(CLASSES_DIR, 'browser', OFFLINE_MARKER);
  const markerText = existsSync(marker) ? await fs.readFile(marker, 'utf8') : undefined;
  return browserJar === undefined || markerText !== offlineMarkerText(browserJar);
}

async function buildLauncher(log: Log): Promise<void> {
  await checkMaven();
  log('building launcher (first run downloads Neo4j from Maven Central)…');
  const startedAt = Date.now();
  // -B/-q: no progress bars, only errors; colour off so the error text we keep is readable.
  const result = await run('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', POM, 'compile'], {
    cwd: LAUNCHER_DIR,
  });
  if (result.code !== 0) {
    throw new Error(
      `Could not download/build the Neo4j launcher with Maven (exit ${result.code}): ` +
        summarizeMavenOutput(result.output),
    );
  }
  const jars = (await fs.readFile(CLASSPATH_FILE, 'utf8')).trim().split(path.delimiter);
  const browserJar = jars.find((jar) => /neo4j-browser-[^/\\]*\.jar$/.test(jar));
  if (!browserJar) throw new Error(`No neo4j-browser jar on the classpath in ${CLASSPATH_FILE}`);
  await unpackOfflineBrowser(browserJar, CLASSES_DIR);
  // build-classpath leaves the file untouched when its content is unchanged; bump it so the
  // staleness check above sees this build as newer than the sources.
  const now = new Date();
  await fs.utimes(CLASSPATH_FILE, now, now);
  log(`launcher ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

/** The informative part of a failed Maven run: its [ERROR] lines minus the generic help footer. */
function summarizeMavenOutput(output: string): string {
  const lines = output
    // Maven 3.8 emits colour resets even with style.color=never.
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
  const errors = lines.filter(
    (line) =>
      line.startsWith('[ERROR]') &&
      !/^\[ERROR\]\s*(To see the full|Re-run Maven|For more information|\[Help \d+\]|$)/.test(line),
  );
  return (errors.length > 0 ? errors : lines).slice(-30).join('\n');
}

/**
 * Serialises concurrent first runs (e.g. parallel test workers) with an atomic mkdir. The holder
 * touches the lock every few seconds, so a lock that has not been touched for a while belongs to a
 * killed process and is taken over.
 */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  const staleMs = 60_000;
  await fs.mkdir(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs.stat(BUILD_LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) await fs.rm(BUILD_LOCK, { recursive: true, force: true });
      else await delay(500);
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(BUILD_LOCK, now, now).catch(() => {});
  }, 5_000);
  try {
    await work();
  } finally {
    clearInterval(heartbeat);
    await fs.rm(BUILD_LOCK, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
