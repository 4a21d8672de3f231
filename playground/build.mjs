/* global console, process */
// Bundles the GraphiQL playground (playground/main.tsx) and Monaco's web workers into
// dist/playground/, so the API serves its IDE without loading anything from a CDN.
// Usage: node playground/build.mjs [--outdir DIR]
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = process.argv.indexOf('--outdir');
const outdir = path.resolve(flag > 0 ? process.argv[flag + 1] : path.join(root, 'dist/playground'));

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    graphiql: 'playground/main.tsx',
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: false,
  minify: true,
  target: 'es2022',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Only loaded for subscriptions over WebSocket, which the playground does not use.
  external: ['graphql-ws'],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `Bundled the playground into ${path.relative(process.cwd(), outdir) || '.'} (${(bytes / 1e6).toFixed(1)} MB).`,
);
