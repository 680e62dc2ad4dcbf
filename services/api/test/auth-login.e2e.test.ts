import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@gevinst/domain/answers';
import { answerOf, startTestGevinst, type TestGevinst } from './helpers';
import { HttpBrowser, loginAction, loginAs } from './login';

const me = async (g: { url: string }, headers: Record<string, string> = {}) => answerOf<Me>(await fetch(`${g.url}/api/me`, { headers }));

describe('login through the embedded OpenID provider (code + PKCE, over HTTP)', () => {
  let g: TestGevinst;
  beforeAll(async () => {
    g = await startTestGevinst();
  });
  afterAll(async () => {
    await g?.destroy();
  });

  it('goes from /auth/login over the provider’s page and back, and /api/me then knows the person', async () => {
    const browser = new HttpBrowser();
    const login = await browser.request(`${g.url}/auth/login?returnTo=/okonomi?aar=2026`);
    expect(login.status).toBe(302);
    const authorize = new URL(login.location!);
    expect(authorize.origin + authorize.pathname).toBe(`${g.url}/oidc/auth`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${g.url}/auth/callback`);

    const page = await browser.follow(login.location!);
    expect(page.status).toBe(200);
    expect(page.url).toMatch(new RegExp(`^${g.url}/oidc/interaction/`));
    expect(page.html).toContain('lang="nb"');
    expect(page.html).toContain('Logg inn som Ola Dahl (Økonomi)');
    expect(page.html).toContain('gevinst-demo');
    expect(page.html).toMatch(/<label for="email">E-postadresse<\/label>/);
    expect(page.html).toMatch(/<label for="password">Passord<\/label>/);

    const back = await browser.follow(loginAction(page), { form: { email: 'OKONOMISJEF@fjordvik.kommune.no', password: 'gevinst-demo' } }, (l) => l.startsWith(`${g.url}/auth/callback`));
    expect(back.location).toMatch(new RegExp(`^${g.url}/auth/callback\\?code=`));
    const callback = await fetch(back.location!, { headers: { cookie: browser.cookieHeader(g.url) }, redirect: 'manual' });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/okonomi?aar=2026');
    const sessionCookie = callback.headers.getSetCookie().find((c) => c.startsWith('gevinst_session='))!;
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; SameSite=Lax/);
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).not.toMatch(/Secure/);
    const cookie = sessionCookie.split(';')[0]!;

    const who = await me(g, { cookie });
    expect(who.status).toBe(200);
    expect(who.body).toEqual({
      id: 'okonomisjef@fjordvik.kommune.no',
      name: 'Ola Dahl',
      email: 'okonomisjef@fjordvik.kommune.no',
      via: 'session',
      groups: ['gevinst-okonomi'],
      // no demo here, so no grants; the group names no role either
      roles: [],
    });
    // only a hash of the session id is stored
    const file = new Database(g.dbPath, { readonly: true });
    const stored = file.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    file.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.id_hash)).not.toContain(cookie.split('=')[1]);
  });

  it('answers an anonymous /api/me with 401 in bokmål', async () => {
    const anonymous = await me(g);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: 'unauthenticated', message: 'Du må logge inn', fields: [] } });
    expect((await me(g, { cookie: 'gevinst_session=made-up' })).status).toBe(401);
  });

  it('refuses a wrong password with a message in bokmål and no session', async () => {
    const browser = new HttpBrowser();
    const page = await browser.follow(`${g.url}/auth/login`);
    const refused = await browser.follow(loginAction(page), { form: { email: 'admin@fjordvik.kommune.no', password: 'feil-passord' } });
    expect(refused.status).toBe(401);
    expect(refused.html).toContain('Feil e-postadresse eller passord');
    expect(refused.html).toContain('value="admin@fjordvik.kommune.no"');
    expect(browser.cookies.get(new URL(g.url).host)?.has('gevinst_session')).toBeFalsy();
    const unknown = await browser.follow(loginAction(refused), { form: { email: 'ukjent@fjordvik.kommune.no', password: 'gevinst-demo' } });
    expect(unknown.status).toBe(401);
    // the form still works after a refusal
    const ok = await browser.follow(loginAction(unknown), { form: { email: 'admin@fjordvik.kommune.no', password: 'gevinst-demo' } }, (l) => l === '/' || l === `${g.url}/`);
    expect(browser.cookies.get(new URL(g.url).host)?.has('gevinst_session')).toBe(true);
    expect(ok.location).toBe(`${g.url}/`);
  });

  it('escapes what it echoes on the login page', async () => {
    const browser = new HttpBrowser();
    const page = await browser.follow(`${g.url}/auth/login`);
    const refused = await browser.follow(loginAction(page), { form: { email: '"><script>alert(1)</script>', password: 'x' } });
    expect(refused.status).toBe(401);
    expect(refused.html).not.toContain('<script>alert(1)</script>');
    expect(refused.html).toContain('&lt;script&gt;');
  });

  it('logout deletes the session: the old cookie is worth nothing', async () => {
    const cookie = await loginAs(g.url, 'kommunedirektor@fjordvik.kommune.no');
    expect((await me(g, { cookie })).body.name).toBe('Kari Nordmann');
    const out = await fetch(`${g.url}/auth/logout`, { method: 'POST', headers: { cookie, origin: g.url }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/');
    expect(out.headers.getSetCookie().join('\n')).toMatch(/gevinst_session=;.*Max-Age=0/);
    expect((await me(g, { cookie })).status).toBe(401);
  });

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'http:/evil.example'])(
    'sends returnTo=%s home to / instead',
    async (returnTo) => {
      const browser = new HttpBrowser();
      const page = await browser.follow(`${g.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
      const done = await browser.follow(loginAction(page), { form: { email: 'byggesak@fjordvik.kommune.no', password: 'gevinst-demo' } }, (l) => !l.includes('/oidc/') && !l.includes('/auth/'));
      expect(done.location).toBe(`${g.url}/`);
    },
  );

  it('asks for the password again in the same browser and can switch to another person', async () => {
    const browser = new HttpBrowser();
    const cookieOf = () => `gevinst_session=${browser.cookies.get(new URL(g.url).host)!.get('gevinst_session')}`;
    for (const [email, name] of [['byggesak@fjordvik.kommune.no', 'Bjørn Moe'], ['kommunedirektor@fjordvik.kommune.no', 'Kari Nordmann']] as const) {
      const page = await browser.follow(`${g.url}/auth/login`);
      expect(page.html).toContain('<h1>Logg inn');
      const done = await browser.follow(loginAction(page), { form: { email, password: 'gevinst-demo' } }, (l) => !l.includes('/oidc/') && !l.includes('/auth/'));
      expect(done.location).toBe(`${g.url}/`);
      expect((await me(g, { cookie: cookieOf() })).body.name).toBe(name);
    }
  });

  it('refuses a callback that this browser did not start (state bound to a cookie)', async () => {
    const victim = new HttpBrowser();
    const attacker = new HttpBrowser();
    const page = await attacker.follow(`${g.url}/auth/login`);
    const back = await attacker.follow(loginAction(page), { form: { email: 'admin@fjordvik.kommune.no', password: 'gevinst-demo' } }, (l) => l.startsWith(`${g.url}/auth/callback`));
    const planted = await victim.request(back.location!);
    expect(planted.status).toBe(400);
    expect(planted.html).toContain('Innloggingen er utløpt');
    expect(victim.cookies.get(new URL(g.url).host)?.has('gevinst_session')).toBeFalsy();
  });
});

describe('sessions across a restart', () => {
  it('a session made before a restart of Gevinst on the same file still holds after it', async () => {
    const first = await startTestGevinst();
    let second: TestGevinst | undefined;
    try {
      const cookie = await loginAs(first.url, 'helsesjef@fjordvik.kommune.no');
      expect((await me(first, { cookie })).status).toBe(200);
      await first.close();
      second = await startTestGevinst({}, first.dir);
      const who = await me(second, { cookie });
      expect(who.status).toBe(200);
      expect(who.body.id).toBe('helsesjef@fjordvik.kommune.no');
      // and the provider's keys survived too: a new login on the restarted instance works
      const again = await loginAs(second.url, 'admin@fjordvik.kommune.no');
      expect((await me(second, { cookie: again })).body.groups).toEqual(['gevinst-administratorer']);
    } finally {
      await second?.close();
      await first.destroy();
    }
  });
});
