import 'reflect-metadata';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createApp } from './app';
import { loadConfig, loadCuratorConfig, loadHttpConfig } from './config';
import { OpenDatabase, openDatabase } from './db/open-database';
import { playgroundBuilt } from './http/playground';
import { Health } from './http/health';
import { createLogger } from './http/logger';
import { stopOnSignals } from './http/shutdown';
import { applySchema } from './db/schema-setup';
import { isCatalogEmpty, seedDatabase } from './seed/seed-database';

/**
 * `npm start`: config -> Neo4j -> schema -> seed if empty -> HTTP. SIGTERM/SIGINT stop it in
 * order (docs/operations.md): readiness 503, no new connections, requests under way finish,
 * then the driver closes, then the local Neo4j stops, then exit 0.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const http = loadHttpConfig();
  const curators = loadCuratorConfig();
  const playgroundMissing = http.playground && !playgroundBuilt();
  // A build without the bundle (e.g. tsc alone) still serves the API; `npm start` always has it.
  if (playgroundMissing) http.playground = false;
  const httpServer = createServer();
  // What has started so far, for a signal that lands during the start.
  const started: { db?: OpenDatabase; apollo?: { stop(): Promise<void> }; health?: Health } = {};
  // Installed before anything starts, so a signal during the start stops what exists so far.
  stopOnSignals({
    stop: async () => {
      const { db, apollo, health } = started;
      health?.markStopping();
      // Apollo's drain plugin closes the listener, waits for requests under way (up to 10 s)
      // and then closes the connections left; nothing is listening yet if the start is not done.
      if (apollo) await apollo.stop();
      else httpServer.close();
      await db?.close(); // the driver, then the local Neo4j
    },
    force: () => started.db?.kill(),
  });

  const log = (line: string) => console.log(`[neo4j] ${line}`);
  const db = (started.db = await openDatabase(config.neo4j, {
    log,
    startupWaitMs: config.neo4jStartupWaitMs,
  }));
  try {
    await applySchema(db.database);
    if (await isCatalogEmpty(db.database)) {
      const report = await seedDatabase(db.database);
      console.log(
        `Seeded the empty database: ${report.nodesCreated} nodes, ${report.relationshipsCreated} relationships.`,
      );
    }
    const created = await createApp(db.database, {
      ...http,
      httpServer,
      catalogRefreshMs: config.catalogRefreshMs,
      logger: createLogger(config.logLevel),
      curators,
    });
    started.apollo = created.apollo;
    started.health = created.health;
    httpServer.on('request', created.app);
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
  console.log(`Health:        http://${host}:${port}/health/live, /health/ready`);
  console.log(
    http.playground
      ? `Playground:    http://${host}:${port}/${http.introspection ? '' : ' (introspection off: no docs or completion; INTROSPECTION=true)'}`
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
