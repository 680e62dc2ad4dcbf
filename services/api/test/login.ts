// Logs in through the real login flow over HTTP (Gevinst → its OpenID provider's page → back), as a
// browser would, for tests that need an authenticated person.
import { createHash, randomBytes } from 'node:crypto';

export const DEMO_PASSWORD = 'gevinst-demo';

export interface Step {
  url: string;
  status: number;
  location?: string;
  html: string;
}

/** A tiny browser: a cookie jar per host and redirects followed by hand (so each step can be seen). */
export class HttpBrowser {
  readonly cookies = new Map<string, Map<string, string>>();
  readonly steps: Step[] = [];

  cookieHeader(url: string): string {
    const jar = this.cookies.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  private remember(url: string, res: Response) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    this.cookies.set(host, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
      if (gone || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Step> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(url);
    if (cookie) headers.cookie = cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    // a browser names the page's origin on every form post (the server checks it on cookie writes)
    if ((init.method ?? (init.form ? 'POST' : 'GET')) !== 'GET') headers.origin ??= new URL(url).origin;
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    this.remember(url, res);
    const location = res.headers.get('location') ?? undefined;
    const step = { url, status: res.status, location: location ? new URL(location, url).href : undefined, html: await res.text() };
    this.steps.push(step);
    return step;
  }

  /** Follows redirects (across hosts too) until a page, or until `stopAt(location)` says to stop. */
  async follow(url: string, init: { method?: string; form?: Record<string, string> } = {}, stopAt: (location: string) => boolean = () => false): Promise<Step> {
    let step = await this.request(url, init);
    for (let hops = 0; step.location && hops < 20; hops++) {
      if (stopAt(step.location)) return step;
      step = await this.request(step.location);
    }
    return step;
  }
}

/** The login form's action on the embedded provider's page. */
export const loginAction = (step: Step): string => {
  const action = /<form method="post" action="([^"]+)"/.exec(step.html)?.[1];
  if (!action) throw new Error(`no login form at ${step.url} (${step.status}): ${step.html.slice(0, 300)}`);
  return new URL(action.replace(/&amp;/g, '&'), step.url).href;
};

/**
 * Logs in at Gevinst on `baseUrl` as the embedded provider's `email` through the real flow
 * (GET /auth/login → the provider's login page → POST e-mail and password → /auth/callback) and
 * answers the Cookie header of the new session.
 */
export async function loginAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const browser = new HttpBrowser();
  const page = await browser.follow(`${baseUrl}/auth/login?returnTo=/`);
  // stop at the page Gevinst sends the person back to: the session is set by then
  const done = await browser.follow(loginAction(page), { form: { email, password } }, (location) => !location.includes('/oidc/') && !location.includes('/auth/'));
  const session = browser.cookies.get(new URL(baseUrl).host)?.get('gevinst_session');
  if (!session) throw new Error(`login as ${email} failed (${done.status} at ${done.url}): ${done.html.slice(0, 300)}`);
  return `gevinst_session=${session}`;
}

/**
 * An access token (JWT) for `email` from the embedded provider on `baseUrl`, through the real
 * authorization code flow with PKCE as the script client `gevinst-cli`.
 */
export async function bearerFor(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const browser = new HttpBrowser();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1/callback';
  const authorize = new URL(`${baseUrl}/oidc/auth`);
  authorize.search = new URLSearchParams({
    client_id: 'gevinst-cli',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email profile groups',
    state: randomBytes(8).toString('hex'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const page = await browser.follow(authorize.href);
  const back = await browser.follow(loginAction(page), { form: { email, password } }, (location) => location.startsWith(redirectUri));
  const code = back.location ? new URL(back.location).searchParams.get('code') : null;
  if (!code || !back.location!.startsWith(redirectUri)) throw new Error(`no code for ${email} (${back.status} at ${back.url}): ${back.location ?? back.html.slice(0, 300)}`);
  const res = await fetch(`${baseUrl}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'gevinst-cli', code_verifier: verifier }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token request failed (${res.status}): ${JSON.stringify(body)}`);
  return body.access_token;
}
