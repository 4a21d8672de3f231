import type { RequestHandler } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { DestinationStream, Logger } from 'pino';
import { LOG_LEVELS, LogLevel } from '../config';

export type { Logger } from 'pino';

/** JSON lines (pino) on stdout, or on `destination` (a test reads them from there). */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino({ level, base: { name: 'certgraph' } }, destination);
}

const levelFromEnv = (): LogLevel => {
  const level = process.env.LOG_LEVEL;
  return (LOG_LEVELS as readonly string[]).includes(level ?? '') ? (level as LogLevel) : 'info';
};

let fallback: Logger | undefined;
/** For code that runs outside any request and was given no logger (LOG_LEVEL, default info). */
export const defaultLogger = (): Logger => (fallback ??= createLogger(levelFromEnv()));

const requestScope = new AsyncLocalStorage<Logger>();

/** The logger of the request under way, carrying its id; outside a request, `otherwise`. */
export const requestLog = (otherwise: Logger = defaultLogger()): Logger =>
  requestScope.getStore() ?? otherwise;

/**
 * Runs `work` with `log` as what requestLog() returns, for operations run outside an HTTP request
 * (e.g. `apollo.executeOperation`), so their unexpected errors reach that logger.
 */
export const withRequestLog = <T>(log: Logger, work: () => T): T => requestScope.run(log, work);

/** An incoming id is kept if it is short and plain; anything else gets a fresh UUID. */
const SANE_REQUEST_ID = /^[\w.:@+=/-]{1,128}$/;

/**
 * Gives every request an id (the client's `x-request-id` if sane, else a UUID), sends it back in
 * `x-request-id`, makes the request's logger (with the id) what requestLog() returns while the
 * request is handled, and logs one line when the answer is sent. A second use on the same request
 * (the app's and the mounted router's) does nothing.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    if (res.locals.requestId !== undefined) return next();
    const incoming = req.get('x-request-id');
    const requestId =
      incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const log = logger.child({ requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          // The path only: query strings carry whole operations and their variables.
          path: req.originalUrl.split('?')[0].slice(0, 200),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'request',
      );
    });
    requestScope.run(log, next);
  };
}
