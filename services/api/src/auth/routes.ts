import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { cookieValue } from './authenticate';
import { problemPage } from './loginPage';
import { LoginFailed, type RelyingParty } from './relyingParty';
import { SESSION_COOKIE, type Sessions } from './sessions';

/** remembers the login's `state` in the browser that started it (binds the callback to that browser) */
export const LOGIN_STATE_COOKIE = 'gevinst_login';

/** control characters (U+0000–U+001F, U+007F) or a backslash */
const hasControlOrBackslash = (value: string): boolean =>
  [...value].some((c) => {
    const code = c.charCodeAt(0);
    return code <= 0x1f || code === 0x7f || c === '\\';
  });

/** Only a path on this site; anything else (another host, `//evil`, `/\evil`, a scheme) is `/`. */
export const safeReturnTo = (value: unknown): string => {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (hasControlOrBackslash(value)) return '/';
  try {
    const url = new URL(value, 'http://gevinst.invalid');
    return url.origin === 'http://gevinst.invalid' ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
};

const cookie = (name: string, value: string, options: { path: string; maxAgeSeconds?: number; secure: boolean }) =>
  [
    `${name}=${value}`,
    `Path=${options.path}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.maxAgeSeconds !== undefined ? [`Max-Age=${options.maxAgeSeconds}`] : []),
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

/** /auth/login, /auth/callback, /auth/logout: the browser's login through the issuer. */
export const loginRoutes = ({
  relyingParty,
  sessions,
  baseUrl,
  logger,
}: {
  relyingParty: RelyingParty;
  sessions: Sessions;
  /** Gevinst's public (or listening) URL; the callback is `${baseUrl}/auth/callback` */
  baseUrl: () => string;
  logger: Logger;
}): Router => {
  const router = Router();
  const secure = () => baseUrl().startsWith('https:');
  const failed = (res: Response, text: string) =>
    res.status(400).setHeader('Cache-Control', 'no-store').type('html').send(problemPage('Innloggingen feilet', text, { href: '/auth/login', label: 'Prøv igjen' }));

  router.get('/auth/login', (async (req: Request, res: Response) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    let started: { url: URL; state: string };
    try {
      started = await relyingParty.start(returnTo);
    } catch (err) {
      logger.error({ err }, 'login: the identity provider could not be reached');
      return res
        .status(503)
        .setHeader('Retry-After', '10')
        .type('html')
        .send(problemPage('Innloggingen er ikke tilgjengelig', 'Identitetstjenesten svarer ikke akkurat nå. Prøv igjen om litt.', { href: req.originalUrl, label: 'Prøv igjen' }));
    }
    res.setHeader('Set-Cookie', cookie(LOGIN_STATE_COOKIE, started.state, { path: '/auth', maxAgeSeconds: 600, secure: secure() }));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, started.url.href);
  }) as RequestHandler);

  router.get('/auth/callback', (async (req: Request, res: Response) => {
    const state = cookieValue(req, LOGIN_STATE_COOKIE);
    const clearState = cookie(LOGIN_STATE_COOKIE, '', { path: '/auth', maxAgeSeconds: 0, secure: secure() });
    if (typeof req.query.error === 'string') {
      res.setHeader('Set-Cookie', clearState);
      return failed(res, req.query.error === 'access_denied' ? 'Innloggingen ble avbrutt.' : `Identitetstjenesten svarte: ${req.query.error}`);
    }
    if (!state || state !== req.query.state) {
      res.setHeader('Set-Cookie', clearState);
      return failed(res, 'Innloggingen er utløpt eller ble startet i et annet vindu. Start på nytt.');
    }
    try {
      const { principal, returnTo } = await relyingParty.finish(new URL(req.originalUrl, baseUrl()), state);
      const id = await sessions.create(principal);
      res.setHeader('Set-Cookie', [clearState, cookie(SESSION_COOKIE, id, { path: '/', maxAgeSeconds: Math.floor(sessions.absoluteMs / 1000), secure: secure() })]);
      logger.info({ user: principal.id }, 'logged in');
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(302, returnTo);
    } catch (err) {
      res.setHeader('Set-Cookie', clearState);
      if (err instanceof LoginFailed) return failed(res, err.message);
      logger.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'login callback refused');
      return failed(res, 'Svaret fra identitetstjenesten kunne ikke godtas. Start på nytt.');
    }
  }) as RequestHandler);

  router.post('/auth/logout', async (req, res) => {
    const id = cookieValue(req, SESSION_COOKIE);
    if (id) await sessions.delete(id);
    res.setHeader('Set-Cookie', cookie(SESSION_COOKIE, '', { path: '/', maxAgeSeconds: 0, secure: secure() }));
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, '/');
  });

  return router;
};
