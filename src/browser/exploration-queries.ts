import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** Named Cypher queries for exploring the graph in Neo4j Browser (docs/neo4j-browser.md). */
export const QUERIES_DIR = path.join(PROJECT_ROOT, 'schema', 'queries');

export interface ExplorationQuery {
  /** File name, e.g. `requirement-tree.cypher`. */
  file: string;
  /** The first header line; Browser also names a favorite imported from the file this way. */
  name: string;
  /** What the query shows (the header's `Shows:` paragraph, unwrapped). */
  shows: string;
  /** Each `$parameter` the query uses, with its description from the header. */
  parameters: { name: string; description: string }[];
  /** The header's example `:param name => value` lines, ready to type into Browser. */
  exampleParams: { name: string; expression: string; line: string }[];
  /** The Cypher statement: the file without its header. */
  cypher: string;
}

const PARAMETER_LINE = /^\s+\$(\w+)\s+(.+)$/;
const EXAMPLE_LINE = /^(:param\s+(\w+)\s*=>\s*(.+))$/;

/**
 * Parses one query file: a header of `//` lines (name; `Shows:`; `Parameters:` with one
 * `$name  description` line each; `Example:` with one `:param name => value` line each), then the
 * statement. Throws, naming the file, when the header and the statement disagree.
 */
export function parseExplorationQuery(file: string, text: string): ExplorationQuery {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headerLength = lines.findIndex((line) => !line.startsWith('//'));
  const header = lines.slice(0, headerLength).map((line) => line.replace(/^\/\/ ?/, ''));
  const cypher = lines.slice(headerLength).join('\n').trim();
  const fail = (message: string): never => {
    throw new Error(`${path.join('schema/queries', file)}: ${message}`);
  };

  const name = header[0]?.trim();
  if (!name) fail('the first line must be a comment naming the query');
  const section = (title: string) => {
    const start = header.findIndex((line) => line.startsWith(title));
    if (start < 0) return undefined;
    const end = header.findIndex((line, i) => i > start && (line === '' || /^\w+:/.test(line)));
    return [
      header[start].slice(title.length),
      ...header.slice(start + 1, end < 0 ? undefined : end),
    ];
  };

  const shows = section('Shows:')
    ?.map((line) => line.trim())
    .join(' ')
    .trim();
  if (!shows) fail('the header needs a "Shows:" paragraph');
  const parameters = (section('Parameters:') ?? []).slice(1).map((line) => {
    const match = PARAMETER_LINE.exec(line);
    if (!match) return fail(`"${line}" is not a "  $name  description" parameter line`);
    return { name: match[1], description: match[2].trim() };
  });
  const exampleParams = (section('Example:') ?? []).slice(1).map((line) => {
    const match = EXAMPLE_LINE.exec(line.trim());
    if (!match) return fail(`"${line}" is not a ":param name => value" line`);
    return { line: match[1], name: match[2], expression: match[3].trim() };
  });

  if (!cypher) fail('no Cypher statement after the header');
  const used = [...new Set([...cypher.matchAll(/\$(\w+)/g)].map((match) => match[1]))].sort();
  const declared = parameters.map((parameter) => parameter.name).sort();
  const examples = exampleParams.map((example) => example.name).sort();
  if (used.join() !== declared.join()) {
    fail(`the statement uses [${used.join()}] but "Parameters:" lists [${declared.join()}]`);
  }
  if (used.join() !== examples.join()) {
    fail(`the statement uses [${used.join()}] but "Example:" sets [${examples.join()}]`);
  }

  return { file, name: name, shows: shows!, parameters, exampleParams, cypher };
}

/** Every schema/queries/*.cypher file, parsed, in file name order. */
export async function loadExplorationQueries(dir = QUERIES_DIR): Promise<ExplorationQuery[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cypher')).sort();
  return Promise.all(
    files.map(async (file) =>
      parseExplorationQuery(file, await readFile(path.join(dir, file), 'utf8')),
    ),
  );
}
