import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Logger, requestLog } from './logger';

/**
 * Every refusal, whoever makes it (the JSON body parser, the playground's static files, an
 * unknown path, Node's HTTP parser), is a GraphQL-over-HTTP error body a client can read:
 * `{ "errors": [{ "message", "extensions": { "code" } }] }` with a 4xx status. Messages are
 * written here, never copied from the error (which may hold a stack, a path, driver text); an
 * unexpected error is a 500 whose details go to the log only, under the request's id.
 */
export interface GraphQLErrorBody {
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

export const errorBody = (
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLErrorBody => ({ errors: [{ message, extensions: { code, ...extensions } }] });

export function sendError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions?: Record<string, unknown>,
): void {
  res
    .status(status)
    .set('cache-control', 'no-store')
    // Whatever a static file or a page set before it failed does not apply to this answer.
    .removeHeader('content-disposition');
  res.json(errorBody(code, message, extensions));
}

/** The stable code for a 4xx status that comes without a story of its own. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  411: 'LENGTH_REQUIRED',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
};

interface HttpError {
  status?: number;
  statusCode?: number;
  /** body-parser's kind of failure, e.g. "entity.parse.failed". */
  type?: string;
  limit?: number;
  length?: number;
  charset?: string;
  encoding?: string;
}

/** A charset or encoding the client named, safe to repeat to it. */
const plain = (text: string | undefined) => (text ?? '').replace(/[^\w.-]/g, '').slice(0, 40);

/** What the client is told for an error with a 4xx status. */
function describe(error: HttpError, status: number, maxBodyBytes: number) {
  switch (error.type) {
    case 'entity.parse.failed':
      return { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' };
    case 'entity.too.large': {
      const max = error.limit ?? maxBodyBytes;
      return {
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body${error.length ? ` of ${error.length} bytes` : ''} is over the limit of ${max} bytes (MAX_BODY_BYTES).`,
        extensions: {
          limit: 'MAX_BODY_BYTES',
          max,
          ...(error.length ? { found: error.length } : {}),
        },
      };
    }
    case 'charset.unsupported':
      return {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The charset "${plain(error.charset)}" is not supported: send JSON in UTF-8.`,
      };
    case 'encoding.unsupported':
      return {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The content encoding "${plain(error.encoding)}" is not supported: send gzip, deflate, br or none.`,
      };
    case 'request.aborted':
      return { code: 'BAD_REQUEST', message: 'The request body ended before it was complete.' };
    case 'request.size.invalid':
      return {
        code: 'BAD_REQUEST',
        message: 'The request body is not as long as Content-Length says.',
      };
  }
  const code = CODE_OF_STATUS[status] ?? 'BAD_REQUEST';
  const message =
    status === 404
      ? 'No such file.'
      : status === 405
        ? 'This method is not allowed here.'
        : `The request was refused (${STATUS_CODES[status] ?? status}).`;
  return { code, message };
}

/** Express error middleware: last in the app, and in a router that others mount. */
export function jsonErrors({
  maxBodyBytes,
  logger,
}: {
  maxBodyBytes: number;
  logger?: Logger;
}): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const log = requestLog(logger);
    const given = (error ?? {}) as HttpError;
    const status = given.status ?? given.statusCode;
    if (res.headersSent) {
      log.error({ err: error }, 'Error after the answer had started; connection closed');
      req.socket.destroy();
      return;
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const { code, message, extensions } = describe(given, status, maxBodyBytes);
      if (status === 405) res.set('allow', 'GET, HEAD');
      sendError(res, status, code, message, extensions);
      return;
    }
    log.error({ err: error, method: req.method, path: req.path }, 'Unexpected error');
    sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}

/** The last handler of the standalone app: a path nothing serves. */
export const unknownPath =
  (graphqlPath: string): RequestHandler =>
  (_req, res) =>
    sendError(
      res,
      404,
      'NOT_FOUND',
      `Nothing is served at this path; the GraphQL API is at ${graphqlPath}.`,
    );

/**
 * GraphQL over POST takes JSON only. A body of another type is refused with 415 here (Apollo
 * would answer 400, or its CSRF refusal for the types a form can send). A POST without a body is
 * left to Apollo, which says what is missing.
 */
export const jsonBodiesOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json') !== false) return next();
  const type = req.get('content-type')?.split(';')[0].trim() ?? '';
  const named = /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/.test(type) ? `, not "${type}"` : '';
  sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `A POST body must be application/json${named}.`);
};

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers or URL too long, bytes
 * that are not HTTP) get a JSON answer too, instead of an empty 400/431.
 */
export function jsonClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      tooLarge
        ? errorBody(
            'REQUEST_HEADER_FIELDS_TOO_LARGE',
            'The request headers and URL are too large: send the operation in a POST body.',
          )
        : errorBody('BAD_REQUEST', 'The request is not valid HTTP.'),
    );
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
        body,
    );
  });
}
