import Database from 'better-sqlite3';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGevinst } from '../src/server';
import type { Me } from '@gevinst/domain/answers';
import { answerOf, startTestGevinst, type TestGevinst } from './helpers';
import { bearerFor, loginAs } from './login';

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

const me = async (g: { url: string }, headers: Record<string, string> = {}) => answerOf<Me>(await fetch(`${g.url}/api/me`, { headers }));

describe('bearer tokens', () => {
  let g: TestGevinst;
  let signingKey: JWK;
  /** a token signed with the embedded provider's own key, so only the claim under test is wrong */
  const forge = async (claims: Record<string, unknown>, { typ = 'at+jwt', exp = '5m' }: { typ?: string; exp?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ })
      .setIssuer(`${g.url}/oidc`)
      .setAudience('gevinst')
      .setSubject(String(claims.email ?? 'x'))
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(await importJWK(signingKey, 'RS256'));

  beforeAll(async () => {
    g = await startTestGevinst({ auth: { adminToken: ADMIN_TOKEN } });
    const file = new Database(g.dbPath, { readonly: true });
    signingKey = JSON.parse((file.prepare("SELECT value FROM auth_secrets WHERE name = 'oidc.signing-key'").get() as { value: string }).value);
    file.close();
  });
  afterAll(async () => {
    await g?.destroy();
  });

  it('accepts an access token (JWT) from the embedded provider, got through the real code flow', async () => {
    const token = await bearerFor(g.url, 'prosjektleder.byggesak@fjordvik.kommune.no');
    expect(token.split('.')).toHaveLength(3);
    const who = await me(g, { authorization: `Bearer ${token}` });
    expect(who.status).toBe(200);
    expect(who.body).toEqual({
      id: 'prosjektleder.byggesak@fjordvik.kommune.no',
      name: 'Per Strand',
      email: 'prosjektleder.byggesak@fjordvik.kommune.no',
      via: 'bearer',
      groups: ['gevinst-prosjektledere'],
      roles: [],
    });
  });

  it('refuses a tampered token with 401 and WWW-Authenticate', async () => {
    const token = await bearerFor(g.url, 'byggesak@fjordvik.kommune.no');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, email: 'admin@fjordvik.kommune.no', groups: ['gevinst-administratorer'] })).toString('base64url');
    for (const bad of [`${header}.${elevated}.${signature}`, `${header}.${payload}.${signature!.slice(0, -4)}AAAA`, 'not-a-jwt', `${header}.${payload}.`]) {
      const refused = await me(g, { authorization: `Bearer ${bad}` });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(refused.body).toEqual({ error: { code: 'unauthenticated', message: 'Ugyldig eller utløpt token', fields: [] } });
    }
  });

  it('accepts a token signed with the provider key only while it is fresh, typed as an access token and for Gevinst', async () => {
    const person = { email: 'okonomisjef@fjordvik.kommune.no', name: 'Ola Dahl', groups: ['gevinst-okonomi'] };
    expect((await me(g, { authorization: `Bearer ${await forge(person)}` })).status).toBe(200);
    const expired = await forge(person, { exp: Math.floor(Date.now() / 1000) - 120 });
    expect((await me(g, { authorization: `Bearer ${expired}` })).status).toBe(401);
    // an ID token (typ JWT) carries the same audience; it is not an access token
    expect((await me(g, { authorization: `Bearer ${await forge(person, { typ: 'JWT' })}` })).status).toBe(401);
  });

  it('accepts GEVINST_ADMIN_TOKEN as the administrator `admin`, and refuses a wrong one', async () => {
    const admin = await me(g, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual({
      id: 'admin',
      name: 'Administrator (GEVINST_ADMIN_TOKEN)',
      email: null,
      via: 'admin-token',
      groups: [],
      roles: [{ role: 'administrator', unitId: null, unitName: null, source: 'grant' }],
    });
    const wrong = await me(g, { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('remembers a verified token only until it expires', async () => {
    const person = { email: 'helsesjef@fjordvik.kommune.no', name: 'Hanne Lie', groups: ['gevinst-ledelse'] };
    const shortLived = await forge(person, { exp: Math.floor(Date.now() / 1000) + 2 });
    expect((await me(g, { authorization: `Bearer ${shortLived}` })).status).toBe(200);
    expect((await me(g, { authorization: `Bearer ${shortLived}` })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await me(g, { authorization: `Bearer ${shortLived}` })).status).toBe(401);
  });

  it('a bearer token wins over a session cookie, and a bad one is refused even with a good cookie', async () => {
    const cookie = await loginAs(g.url, 'helsesjef@fjordvik.kommune.no');
    expect((await me(g, { cookie, authorization: `Bearer ${ADMIN_TOKEN}` })).body.id).toBe('admin');
    expect((await me(g, { cookie, authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('refuses to start with an admin token shorter than 32 characters, saying so in one line', async () => {
    const error = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: ':memory:', demo: false, auth: { adminToken: 'short' }, logLevel: 'silent' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^GEVINST_ADMIN_TOKEN is too short \(5 characters; at least 32\)/);
    expect((error as Error).message).not.toContain('\n');
  });
});
