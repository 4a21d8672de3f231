import 'reflect-metadata';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, loadHttpConfig } from './config';
import { openDatabase } from './db/open-database';
import { playgroundBuilt } from './http/playground';
import { applySchema } from './db/schema-setup';
import { isCatalogEmpty, seedDatabase } from './seed/seed-database';

/** `npm start`: config -> Neo4j -> schema -> seed if empty -> HTTP -> graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const http = loadHttpConfig();
  const playgroundMissing = http.playground && !playgroundBuilt();
  // A build without the bundle (e.g. tsc alone) still serves the API; `npm start` always has it.
  if (playgroundMissing) http.playground = false;
  const log = (line: string) => console.log(`[neo4j] ${line}`);
  const db = await openDatabase(config.neo4j, { log });
  let closing = false;
  const httpServer = createServer();
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    await new Promise((resolve) => httpServer.close(resolve));
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await applySchema(db.database);
    if (await isCatalogEmpty(db.database)) {
      const report = await seedDatabase(db.database);
      console.log(
        `Seeded the empty database: ${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships.`,
      );
    }
    const { app } = await createApp(db.database, {
      ...http,
      httpServer,
      catalogRefreshMs: config.catalogRefreshMs,
    });
    httpServer.on('request', app);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`GraphQL API:   http://${host}:${port}/graphql`);
  console.log(
    http.playground
      ? `Playground:    http://${host}:${port}/`
      : playgroundMissing
        ? 'Playground:    off: its bundle is missing from dist/playground (run `npm run build`)'
        : 'Playground:    off (PLAYGROUND=false)',
  );
  console.log(
    `CORS origins:  ${
      http.corsOrigins.join(', ') ||
      'none: only pages of this origin may call the API (allow a portal with CORS_ORIGINS=https://portal.example)'
    }`,
  );
  console.log(`Neo4j:         ${db.description}`);
  if (db.browserUrl) {
    console.log(
      `Neo4j Browser: ${db.browserUrl} (connect URL ${db.boltUri}, authentication: none)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
