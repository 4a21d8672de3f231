/**
 * `node dist/src/neo4j/cli.js prepare` downloads Neo4j and builds the launcher (CI install step).
 * `node dist/src/neo4j/cli.js start` runs the local Neo4j with its persistent store until Ctrl-C.
 * Ports and data dir come from NEO4J_BOLT_PORT, NEO4J_HTTP_PORT and NEO4J_DATA_DIR (default .neo4j/data).
 */
import { loadConfig } from '../config';
import { prepareLocalNeo4j, startLocalNeo4j } from './local-neo4j';

const log = (line: string) => console.error(`[neo4j] ${line}`);

async function main(command: string | undefined): Promise<void> {
  if (command === 'prepare') {
    await prepareLocalNeo4j(log);
    log('launcher is built and Neo4j is downloaded');
    return;
  }
  if (command === 'start') {
    const config = loadConfig();
    if (config.neo4j.kind !== 'local') {
      throw new Error(
        'NEO4J_URI is set, so the app uses that server; unset it to run the local Neo4j.',
      );
    }
    const { boltPort, httpPort, dataDir } = config.neo4j;
    const server = await startLocalNeo4j({ boltPort, httpPort, dataDir, log });
    console.log(`Neo4j Bolt:    ${server.boltUri}`);
    console.log(`Neo4j HTTP:    ${server.httpUrl}`);
    console.log(`Neo4j Browser: ${server.browserUrl}  (no authentication; loopback only)`);
    console.log(`Data:          ${server.dataDir}`);
    const state = { stopping: false }; // set by a signal while we wait for the exit
    const shutdown = () => {
      if (state.stopping) return;
      state.stopping = true;
      log('stopping…');
      void server.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    await server.exited;
    if (!state.stopping) {
      throw new Error(
        `Neo4j exited unexpectedly; see ${server.dataDir}/logs/neo4j.log and debug.log`,
      );
    }
    return;
  }
  console.error('usage: node dist/src/neo4j/cli.js prepare|start');
  process.exitCode = 2;
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
