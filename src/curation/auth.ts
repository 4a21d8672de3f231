import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { createHash, timingSafeEqual } from 'node:crypto';
import { CuratorConfig, DEFAULT_CURATOR_ROLE } from '../config';

/** Who is asking, as far as curation cares. */
export type Caller =
  { kind: 'anonymous' } | { kind: 'curator'; who: string } | { kind: 'reader'; who: string };

export const NOT_CONFIGURED =
  'Curation is not configured on this server: set CURATOR_TOKEN, JWT_SECRET or JWT_JWKS_URL at startup to enable mutations (docs/curation.md).';

const refuse = (code: string, message: string) =>
  new GraphQLError(message, { extensions: { code } });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the claims give `role`: `roles`/`role` (a list or a word) or `scope`/`scp`. */
function hasRole(payload: JWTPayload, role: string): boolean {
  const words = (value: unknown): string[] =>
    Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
  return ['roles', 'role', 'scope', 'scp'].some((claim) => words(payload[claim]).includes(role));
}

/**
 * Mutations need a curator: the holder of CURATOR_TOKEN, or a JWT verified against JWT_SECRET
 * or JWT_JWKS_URL whose roles or scopes include JWT_CURATOR_ROLE. Reads stay public.
 */
export class CuratorAuth {
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly secret?: Uint8Array;

  constructor(private readonly config: CuratorConfig = { curatorRole: DEFAULT_CURATOR_ROLE }) {
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    if (config.jwtSecret) this.secret = new TextEncoder().encode(config.jwtSecret);
  }

  get configured(): boolean {
    return Boolean(this.config.token || this.jwks || this.secret);
  }

  /** The caller an `Authorization` header names; throws UNAUTHENTICATED for a bad credential. */
  async identify(authorization: string | undefined): Promise<Caller> {
    if (!authorization) return { kind: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw refuse('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    }
    const credential = match[1];
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on a prefix.
    if (this.config.token && timingSafeEqual(digest(credential), digest(this.config.token))) {
      return { kind: 'curator', who: 'CURATOR_TOKEN' };
    }
    if (!this.jwks && !this.secret) {
      throw refuse('UNAUTHENTICATED', 'The bearer token is not valid.');
    }
    let payload: JWTPayload;
    try {
      const options = { issuer: this.config.jwtIssuer, audience: this.config.jwtAudience };
      payload = this.secret
        ? (await jwtVerify(credential, this.secret, options)).payload
        : (await jwtVerify(credential, this.jwks!, options)).payload;
    } catch (error) {
      const why = error instanceof errors.JOSEError ? `: ${error.message}` : '';
      throw refuse('UNAUTHENTICATED', `The bearer token is not valid${why}.`);
    }
    const who = payload.sub ?? 'JWT without a subject';
    return hasRole(payload, this.config.curatorRole)
      ? { kind: 'curator', who }
      : { kind: 'reader', who };
  }

  /** The curator's name for the audit trail, or the refusal that says why not. */
  async requireCurator(authorization: string | undefined): Promise<string> {
    if (!this.configured) {
      throw refuse('FORBIDDEN', NOT_CONFIGURED);
    }
    const caller = await this.identify(authorization);
    if (caller.kind === 'anonymous') {
      throw refuse(
        'UNAUTHENTICATED',
        'Mutations need a curator: send "Authorization: Bearer <token>" (CURATOR_TOKEN or a JWT).',
      );
    }
    if (caller.kind === 'reader') {
      throw refuse(
        'FORBIDDEN',
        `"${caller.who}" may read the catalog but not curate it: the token lacks the "${this.config.curatorRole}" role or scope.`,
      );
    }
    return caller.who;
  }
}
