import type { BrowserContext } from 'playwright-core';
import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createApp, CertgraphOptions } from '../../src/app';
import { Database } from '../../src/db/database';
import { createLogger } from '../../src/http/logger';

/** What the server saw of one request: enough to tell a cache hit (no request) from a 304. */
export interface SeenRequest {
  method: string;
  url: string;
  status: number;
  ifNoneMatch?: string;
  origin?: string;
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + /graphql */
  endpoint: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * The standalone app (createApp) in-process, on a free loopback port; close() in afterAll. Its
 * log is silent unless `options.logger` says otherwise.
 */
export async function startTestServer(
  database: Database,
  options: CertgraphOptions = {},
): Promise<TestServer> {
  const httpServer: Server = createServer();
  const { app, apollo } = await createApp(database, {
    logger: createLogger('silent'),
    ...options,
    httpServer,
  });
  const seen: SeenRequest[] = [];
  httpServer.on('request', (req, res) => {
    const url = req.url ?? ''; // Express rewrites req.url while routing
    res.on('finish', () =>
      seen.push({
        method: req.method ?? '',
        url,
        status: res.statusCode,
        ifNoneMatch: req.headers['if-none-match'],
        origin: req.headers.origin,
      }),
    );
  });
  httpServer.on('request', app);
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  const origin = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    origin,
    endpoint: `${origin}/graphql`,
    seen,
    // Apollo's drain plugin closes the HTTP server and waits for requests under way.
    close: () => apollo.stop(),
  };
}

/** A GET GraphQL request URL: query/variables/extensions as Apollo reads them from the query string. */
export function getUrl(
  endpoint: string,
  params: { query?: string; variables?: unknown; extensions?: unknown; operationName?: string },
): string {
  const url = new URL(endpoint);
  if (params.query !== undefined) url.searchParams.set('query', params.query);
  if (params.operationName !== undefined) {
    url.searchParams.set('operationName', params.operationName);
  }
  if (params.variables !== undefined) {
    url.searchParams.set('variables', JSON.stringify(params.variables));
  }
  if (params.extensions !== undefined) {
    url.searchParams.set('extensions', JSON.stringify(params.extensions));
  }
  return url.toString();
}

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * Cuts the browser off from everything but this machine, as if there were no internet
 * connection, and returns the list of outside URLs the pages tried to reach (aborted).
 */
export async function blockOutsideNetwork(context: BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (isLoopback(url.hostname)) return route.continue();
    attempted.push(url.href);
    return route.abort('internetdisconnected');
  });
  return attempted;
}

/**
 * Lists the requests pages make to anywhere but this machine, without intercepting anything:
 * Playwright turns the HTTP cache off while it routes requests, so tests of caching watch
 * instead of blocking.
 */
export function watchOutsideRequests(context: BrowserContext): string[] {
  const attempted: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !isLoopback(url.hostname)) attempted.push(url.href);
  });
  return attempted;
}
