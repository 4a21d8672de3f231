import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers, set for an API: its answers are JSON, so their CSP allows nothing at all
 * (the playground page and its files send their own, PLAYGROUND_CSP in playground-page.ts), no
 * page may frame them, and other sites may not load them as scripts or images (CORS, not
 * embedding, is how a portal reads them). X-Content-Type-Options: nosniff on every answer.
 */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // HSTS is for whoever terminates TLS in front of the API; over plain HTTP browsers ignore it.
    strictTransportSecurity: false,
  });
}
