import { createHash } from 'node:crypto';
import type { PlaygroundExample } from './playground-examples';

export interface PlaygroundPageOptions {
  /** Where the IDE sends its requests, e.g. "/graphql". */
  endpoint: string;
  /** URL path under which the bundle (graphiql.js, graphiql.css, *.worker.js) is served. */
  assetsPath: string;
  examples: PlaygroundExample[];
}

/**
 * Nothing but this server: the page can't load code, fonts or data from anywhere else, which
 * also proves the playground needs no internet connection.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** The HTML shell of the playground; the bundle reads its settings from the JSON script tag. */
export function renderPlaygroundPage({ endpoint, assetsPath, examples }: PlaygroundPageOptions) {
  const assets = assetsPath.replace(/\/$/, '');
  const tabs = examples.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
    headers: example.headers ? JSON.stringify(example.headers, null, 2) : undefined,
  }));
  const config = {
    endpoint,
    workers: {
      editor: `${assets}/editor.worker.js`,
      json: `${assets}/json.worker.js`,
      graphql: `${assets}/graphql.worker.js`,
    },
    tabs,
    // New examples get a fresh store, so a returning visitor sees them instead of old tabs.
    storageNamespace: `certgraph-${createHash('sha256').update(JSON.stringify(tabs)).digest('hex').slice(0, 12)}`,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>certgraph · GraphQL playground</title>
    <link rel="stylesheet" href="${escapeAttribute(assets)}/graphiql.css" />
    <script id="certgraph-playground-config" type="application/json">${scriptJson(config)}</script>
    <script type="module" src="${escapeAttribute(assets)}/graphiql.js"></script>
  </head>
  <body>
    <div id="graphiql">Loading the playground…</div>
    <noscript>The playground needs JavaScript.</noscript>
  </body>
</html>
`;
}

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can end it early. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const escapeAttribute = (text: string): string =>
  text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
