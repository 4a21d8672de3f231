/**
 * Neo4j Browser that stays offline. Browser 5.24 decides "may I contact other hosts?" as
 * `(Community edition) || browser.allow_outgoing_connections`: on Community it always loads web
 * fonts, Segment and Canny, whatever the server says. The launcher declares the setting (see
 * BrowserSettings.java) and sets it false; this step unpacks the pinned Browser into
 * target/classes/browser (first on the launcher's classpath, so the server serves it instead of
 * the jar's copy) with three edits: the setting alone decides, the Google Fonts import is gone
 * (Browser falls back to the fonts it bundles or the system's), and Sentry gets no DSN. Each edit must match, or the build
 * fails: a new Browser version is a decision, not a silent regression.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { run } from './process-util';

/** The marker that says the unpacked Browser carries the edits below. */
export const OFFLINE_MARKER = '.certgraph-offline';

interface Edit {
  why: string;
  from: RegExp;
  to: string;
}

const EDITS: Edit[] = [
  {
    why: 'outgoing connections follow browser.allow_outgoing_connections on Community too',
    from: /\b(\w+)\.shouldAllowOutgoingConnections=e=>\1\.hasEdition\(e\)&&!\1\.isEnterprise\(e\)\|\|\1\.getAllowOutgoingConnections\(e\)/g,
    to: '$1.shouldAllowOutgoingConnections=e=>$1.getAllowOutgoingConnections(e)',
  },
  {
    why: 'no web fonts from fonts.googleapis.com',
    from: /@import url\(https:\/\/fonts\.googleapis\.com\/[^)]*\);/g,
    to: '',
  },
  {
    // Sentry's performance traces (1 page load in 5) skip the crash-report setting, which only
    // guards error events: without a DSN Sentry sends nothing at all.
    why: 'no crash reports or traces to sentry.io',
    from: /\bdsn:"https:\/\/[0-9a-f]+@o\d+\.ingest\.sentry\.io\/\d+"/g,
    to: 'dsn:""',
  },
];

/** What the marker holds: the jar and the edits, so that new edits unpack Browser again. */
export const offlineMarkerText = (browserJar: string) =>
  `${path.basename(browserJar)}\n${EDITS.map((edit) => edit.why).join('\n')}\n`;

/** Unpacks `browserJar`'s browser/ into `classesDir`/browser and applies the edits. */
export async function unpackOfflineBrowser(browserJar: string, classesDir: string): Promise<void> {
  const target = path.join(classesDir, 'browser');
  await fs.rm(target, { recursive: true, force: true });
  const unpacked = await run('jar', ['xf', browserJar, 'browser'], { cwd: classesDir });
  if (unpacked.code !== 0) {
    throw new Error(`Could not unpack Neo4j Browser from ${browserJar}: ${unpacked.output.trim()}`);
  }
  const scripts = (await fs.readdir(target)).filter((name) => name.endsWith('.js'));
  const matched = new Map<Edit, number>(EDITS.map((edit) => [edit, 0]));
  for (const name of scripts) {
    const file = path.join(target, name);
    let text = await fs.readFile(file, 'utf8');
    const before = text;
    for (const edit of EDITS) {
      text = text.replace(edit.from, (...match: string[]) => {
        matched.set(edit, matched.get(edit)! + 1);
        return edit.to.replaceAll('$1', match[1] ?? '');
      });
    }
    if (text !== before) await fs.writeFile(file, text);
  }
  const missed = EDITS.filter((edit) => matched.get(edit) === 0).map((edit) => edit.why);
  if (missed.length > 0) {
    throw new Error(
      `Neo4j Browser in ${browserJar} is not the build these edits were written for; ` +
        `not found: ${missed.join('; ')}. Update src/neo4j/offline-browser.ts.`,
    );
  }
  await fs.writeFile(path.join(target, OFFLINE_MARKER), offlineMarkerText(browserJar));
}
