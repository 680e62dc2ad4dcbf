import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@gevinst/domain/answers';
import { answerOf, startTestGevinst, type TestGevinst } from './helpers';
import { bearerFor, HttpBrowser, loginAction, loginAs } from './login';

const me = async (g: { url: string }, headers: Record<string, string> = {}) => answerOf<Me>(await fetch(`${g.url}/api/me`, { headers }));

/**
 * The kommune's own issuer (OIDC_ISSUER), played by a real OpenID provider: another Gevinst's
 * embedded one, with a client registered for this Gevinst.
 */
describe('Gevinst against an external issuer (OIDC_ISSUER)', () => {
  let idp: TestGevinst;
  let gevinst: TestGevinst;
  beforeAll(async () => {
    idp = await startTestGevinst();
    gevinst = await startTestGevinst({
      auth: { issuer: `${idp.url}/oidc`, clientId: 'kommunens-gevinst', clientSecret: 'hemmelig-klienthemmelighet-0123456789', audience: 'gevinst', scopes: 'openid email profile groups' },
    });
    await idp.auth.provider!.registerClient({
      client_id: 'kommunens-gevinst',
      client_secret: 'hemmelig-klienthemmelighet-0123456789',
      redirect_uris: [`${gevinst.url}/auth/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
  });
  afterAll(async () => {
    await gevinst?.destroy();
    await idp?.destroy();
  });

  it('runs no provider of its own: /oidc is not served', async () => {
    expect(gevinst.auth.embedded).toBe(false);
    expect(gevinst.auth.provider).toBeUndefined();
    const res = await fetch(`${gevinst.url}/oidc/.well-known/openid-configuration`);
    const text = await res.text();
    expect(text).not.toContain('"issuer"');
    expect((await answerOf<{ issuer: string }>(await fetch(`${idp.url}/oidc/.well-known/openid-configuration`))).body.issuer).toBe(`${idp.url}/oidc`);
  });

  it('logs in through the issuer and back (code + PKCE), and the session belongs to this Gevinst only', async () => {
    const browser = new HttpBrowser();
    const start = await browser.request(`${gevinst.url}/auth/login?returnTo=/ledelse`);
    expect(start.location!.startsWith(`${idp.url}/oidc/auth?`)).toBe(true);
    expect(new URL(start.location!).searchParams.get('client_id')).toBe('kommunens-gevinst');
    const page = await browser.follow(start.location!);
    expect(page.html).toContain('<h1>Logg inn');
    const done = await browser.follow(loginAction(page), { form: { email: 'kommunedirektor@fjordvik.kommune.no', password: 'gevinst-demo' } }, (l) => !l.includes('/oidc/') && !l.includes('/auth/'));
    expect(done.location).toBe(`${gevinst.url}/ledelse`);
    const cookie = `gevinst_session=${browser.cookies.get(new URL(gevinst.url).host)!.get('gevinst_session')}`;
    const who = await me(gevinst, { cookie });
    expect(who.body).toMatchObject({ id: 'kommunedirektor@fjordvik.kommune.no', name: 'Kari Nordmann', via: 'session', groups: ['gevinst-ledelse'] });
    expect((await me(idp, { cookie })).status).toBe(401);
    // the helper other tests use works against an external issuer as well
    const again = await loginAs(gevinst.url, 'okonomisjef@fjordvik.kommune.no');
    expect((await me(gevinst, { cookie: again })).body.id).toBe('okonomisjef@fjordvik.kommune.no');
  });

  it('accepts the issuer’s access tokens (checked against its JWKS over HTTP) for the configured audience', async () => {
    const token = await bearerFor(idp.url, 'byggesak@fjordvik.kommune.no');
    const who = await me(gevinst, { authorization: `Bearer ${token}` });
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ id: 'byggesak@fjordvik.kommune.no', via: 'bearer', groups: ['gevinst-gevinsteiere'] });
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await me(gevinst, { authorization: `Bearer ${tampered}` })).status).toBe(401);
  });
});

describe('an issuer that is not there', () => {
  it('does not hold up start-up; /auth/login answers 503 in bokmål', async () => {
    const started = Date.now();
    const g = await startTestGevinst({ auth: { issuer: 'http://127.0.0.1:9/nowhere', clientId: 'x' } });
    try {
      expect(Date.now() - started).toBeLessThan(5_000);
      const res = await fetch(`${g.url}/auth/login`, { redirect: 'manual' });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Identitetstjenesten svarer ikke');
    } finally {
      await g.destroy();
    }
  });
});

describe('the log says loudly when the embedded test provider runs', () => {
  const logged = () => {
    const lines: { level: number; msg: string }[] = [];
    return { lines, logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) }) };
  };

  it('warns once, naming its address, without OIDC_ISSUER; says nothing of it with one', async () => {
    const embedded = logged();
    const a = await startTestGevinst({ logger: embedded.logger, requestLogLevel: 'info' });
    const external = logged();
    const b = await startTestGevinst({ logger: external.logger, auth: { issuer: `${a.url}/oidc`, clientId: 'x' } });
    try {
      const warnings = embedded.lines.filter((l) => l.level === 40 && l.msg.includes('EMBEDDED TEST IDENTITY PROVIDER'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toContain(`${a.url}/oidc`);
      expect(warnings[0]!.msg).toContain('set OIDC_ISSUER for production');
      expect(external.lines.some((l) => l.msg?.includes('EMBEDDED'))).toBe(false);
      // secrets never reach the log: session cookie, tokens, the authorization code
      const cookie = await loginAs(a.url, 'admin@fjordvik.kommune.no');
      const token = await bearerFor(a.url, 'admin@fjordvik.kommune.no');
      await fetch(`${a.url}/api/me`, { headers: { cookie } });
      await fetch(`${a.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      const log = embedded.lines.map((l) => JSON.stringify(l)).join('\n');
      expect(log).toContain('/api/me');
      expect(log).not.toContain(cookie.split('=')[1]);
      expect(log).not.toContain(token.split('.')[2]);
      expect(log).not.toMatch(/code=/);
      expect(log).not.toContain('gevinst-demo');
    } finally {
      await b.destroy();
      await a.destroy();
    }
  });
});
