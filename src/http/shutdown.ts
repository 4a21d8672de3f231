/**
 * Who stops the process on SIGTERM and SIGINT: the first signal runs `stop` (its steps in
 * order, see main.ts) and exits 0 when they are done, 1 when one failed. A second signal only
 * says that the stop is under way: a terminal's Ctrl-C under `npm start` arrives twice (from the
 * terminal and relayed by npm), and an impatient second kill must not cut the order short. A
 * third runs `force` (which must leave nothing running, synchronously) and exits 1.
 */
export interface StopOnSignalsOptions {
  stop: (signal: NodeJS.Signals) => Promise<void>;
  force: () => void;
  log?: (line: string) => void;
}

export function stopOnSignals(options: StopOnSignalsOptions): { stopping(): boolean } {
  const log = options.log ?? ((line: string) => console.log(line));
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      log(`${signal}: stopping: no new requests, finishing those under way, then Neo4j…`);
      options.stop(signal).then(
        () => {
          log('Stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('The stop failed:', error instanceof Error ? error.message : error);
          options.force();
          process.exit(1);
        },
      );
    } else if (signals === 2) {
      log(`${signal}: already stopping (one more signal stops at once, without waiting)`);
    } else {
      log(`${signal}: stopping at once`);
      options.force();
      process.exit(1);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { stopping: () => signals > 0 };
}
