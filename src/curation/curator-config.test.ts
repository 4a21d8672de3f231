import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadCuratorConfig } from '../config';
import { CuratorAuth } from './auth';

describe('loadCuratorConfig', () => {
  test('nothing set: nobody may curate', () => {
    const config = loadCuratorConfig({});
    expect(config).toEqual({ curatorRole: 'curator' });
    expect(new CuratorAuth(config).configured).toBe(false);
  });

  test('a token, a JWT secret, issuer, audience and role', () => {
    expect(
      loadCuratorConfig({
        CURATOR_TOKEN: 'a-token-of-sixteen+',
        JWT_SECRET: 'x'.repeat(32),
        JWT_ISSUER: 'https://id.example',
        JWT_AUDIENCE: 'certgraph',
        JWT_CURATOR_ROLE: 'catalog:write',
      }),
    ).toEqual({
      token: 'a-token-of-sixteen+',
      jwtSecret: 'x'.repeat(32),
      jwtIssuer: 'https://id.example',
      jwtAudience: 'certgraph',
      curatorRole: 'catalog:write',
    });
  });

  test.each([
    [{ CURATOR_TOKEN: 'short' }, /CURATOR_TOKEN="short": must be at least 16 characters/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET="short": must be at least 32 characters/],
    [{ JWT_JWKS_URL: 'ftp://x' }, /JWT_JWKS_URL="ftp:\/\/x": must be an http\(s\) URL/],
    [
      { JWT_SECRET: 'x'.repeat(32), JWT_JWKS_URL: 'https://id.example/jwks.json' },
      /JWT_SECRET and JWT_JWKS_URL are both set/,
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadCuratorConfig(env)).toThrow(message);
  });
});

describe('CuratorAuth', () => {
  const auth = new CuratorAuth({ token: 'the-curator-token-123', curatorRole: 'curator' });

  test('the token makes a curator; no header is anonymous', async () => {
    await expect(auth.identify('Bearer the-curator-token-123')).resolves.toEqual({
      kind: 'curator',
      who: 'CURATOR_TOKEN',
    });
    await expect(auth.identify(undefined)).resolves.toEqual({ kind: 'anonymous' });
  });

  test('a header that is not a bearer token, or a wrong token, is UNAUTHENTICATED', async () => {
    for (const header of ['Basic abc', 'Bearer wrong-token']) {
      await expect(auth.identify(header)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  });
});

describe('CuratorAuth with a JWKS', () => {
  test('verifies JWTs by the key set at JWT_JWKS_URL, with issuer and audience', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const auth = new CuratorAuth({
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        jwtIssuer: 'https://id.example',
        jwtAudience: 'certgraph',
        curatorRole: 'curator',
      });
      const sign = (claims: Record<string, unknown>, audience = 'certgraph') =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
          .setSubject('carla')
          .setIssuer('https://id.example')
          .setAudience(audience)
          .setExpirationTime('5m')
          .sign(privateKey);
      await expect(auth.identify(`Bearer ${await sign({ roles: ['curator'] })}`)).resolves.toEqual({
        kind: 'curator',
        who: 'carla',
      });
      await expect(auth.identify(`Bearer ${await sign({ roles: ['reader'] })}`)).resolves.toEqual({
        kind: 'reader',
        who: 'carla',
      });
      await expect(
        auth.identify(`Bearer ${await sign({ roles: ['curator'] }, 'another-api')}`),
      ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
