/* global console, process */
// `npm run example`: serves this folder as a stand-in learning portal on its own port, so the
// page calls the certgraph API cross-origin. The API must allow the origin printed below:
//   CORS_ORIGINS=http://localhost:5173 npm start
import express from 'express';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const host = process.env.EXAMPLE_HOST || 'localhost';
const port = Number(process.env.EXAMPLE_PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EXAMPLE_PORT=${JSON.stringify(process.env.EXAMPLE_PORT)}: must be 0 to 65535`);
  process.exit(1);
}

const app = express();
app.disable('x-powered-by');
app.use(express.static(dir, { index: 'index.html' }));
const server = app.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`Example portal: http://${host}:${actual}/`);
  console.log(
    `  (its API: ?api=http://localhost:4000/graphql by default; allow the origin above in CORS_ORIGINS)`,
  );
});
server.on('error', (error) => {
  console.error(`Cannot serve the example portal on ${host}:${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
