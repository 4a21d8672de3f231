import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** certgraph's Neo4j Browser style sheet (docs/neo4j-browser.md says how it is applied). */
export const GRASS_FILE = path.join(PROJECT_ROOT, 'schema', 'browser', 'certgraph.grass');

/** Selector (`node`, `node.Exam`, `relationship.REQUIRES`) -> property -> value, in file order. */
export type GraphStyle = Record<string, Record<string, string>>;

/**
 * Reads GraSS the way Neo4j Browser 5.24 does (its `parseGrass` fallback): `selector { key: value; }`,
 * whitespace dropped from selectors, quotes only group (so `'{code}'` is the caption `{code}`).
 * Like Browser, it silently drops a declaration whose value contains a colon, and it has no
 * comments: text outside a block becomes part of the next selector.
 */
export function parseGrass(text: string): GraphStyle {
  const style: GraphStyle = {};
  let quoted = false;
  let inBlock = false;
  let selector = '';
  let body = '';
  for (const char of text) {
    if (char === "'" || char === '"') quoted = !quoted;
    else if (char === '{' && !quoted) inBlock = true;
    else if (char === '}' && !quoted) {
      style[selector] = declarations(body);
      [selector, body, inBlock] = ['', '', false];
    } else if (inBlock) body += char;
    else if (!/\s/.test(char)) selector += char;
  }
  return style;
}

function declarations(body: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const declaration of body.split(';')) {
    const parts = declaration.split(':');
    if (parts.length === 2 && parts[0].trim()) properties[parts[0].trim()] = parts[1].trim();
  }
  return properties;
}
