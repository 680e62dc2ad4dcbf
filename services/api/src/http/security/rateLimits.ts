import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { principalOf } from '../../auth/principal';

export interface RateLimitConfig {
  /** writes (non-GET on /api) per minute per person, or per IP address when anonymous; default 600 */
  writesPerMinute?: number;
  /** login attempts (POST on /auth/*, /oidc/*) per minute per IP address; default 20 */
  loginPerMinute?: number;
}

export const DEFAULT_RATE_LIMITS = { writesPerMinute: 600, loginPerMinute: 20 } as const;

/** Reads `GEVINST_RATE_LIMIT_WRITES_PER_MINUTE` and `GEVINST_RATE_LIMIT_LOGIN_PER_MINUTE` (positive integers). */
export const rateLimitsFromEnv = (env: Record<string, string | undefined>): RateLimitConfig => {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} må være et positivt heltall (fikk «${raw}»)`);
    return n;
  };
  return { writesPerMinute: read('GEVINST_RATE_LIMIT_WRITES_PER_MINUTE'), loginPerMinute: read('GEVINST_RATE_LIMIT_LOGIN_PER_MINUTE') };
};

const refused: Options['handler'] = (req, res) => {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
  res.setHeader('Retry-After', String(seconds));
  res.status(429).json({ error: { code: 'rate_limited', message: 'For mange forespørsler. Vent litt og prøv igjen.', fields: [] } });
};

const ipOf = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '');

const limiter = (limit: number, key: (req: Request) => string, skip: (req: Request) => boolean): RequestHandler =>
  rateLimit({ windowMs: 60_000, limit, standardHeaders: 'draft-7', legacyHeaders: false, keyGenerator: key, skip, handler: refused });

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes on /api: per authenticated person (`principalOf`) when there is one, else per IP address.
 * Mount after the middleware that authenticates the request, before the routes.
 */
export const writeRateLimit = (config: RateLimitConfig = {}): RequestHandler =>
  limiter(
    config.writesPerMinute ?? DEFAULT_RATE_LIMITS.writesPerMinute,
    (req) => {
      const principal = principalOf(req);
      return principal ? `person:${principal.id}` : `ip:${ipOf(req)}`;
    },
    (req) => READS.has(req.method) || !req.originalUrl.startsWith('/api/'),
  );

/** Login: the OpenID interaction and the login/callback routes, per IP address (password guessing). */
export const loginRateLimit = (config: RateLimitConfig = {}): RequestHandler =>
  limiter(
    config.loginPerMinute ?? DEFAULT_RATE_LIMITS.loginPerMinute,
    (req) => ipOf(req),
    (req) => READS.has(req.method) || !/^\/(auth|oidc)\//.test(req.originalUrl),
  );
