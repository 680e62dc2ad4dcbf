import type { Request, RequestHandler, Response } from 'express';
import { IssuerUnavailable, type BearerTokens } from './bearer';
import { principalOf, setPrincipal, type Principal } from './principal';
import { SESSION_COOKIE, type Sessions } from './sessions';

/** One cookie's value from the Cookie header. */
export const cookieValue = (req: Request, name: string): string | undefined => {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
};

const refuseToken = (res: Response) =>
  res
    .status(401)
    .setHeader('WWW-Authenticate', 'Bearer error="invalid_token"')
    .json({ error: { code: 'unauthenticated', message: 'Ugyldig eller utløpt token', fields: [] } });

/**
 * Finds the person behind a request — a bearer token, else the session cookie — and records it with
 * `setPrincipal`. An anonymous request passes on without one (the policy decides what it may do); a
 * bearer token that does not hold is refused here, since the caller meant to be someone.
 */
export const authenticateWith =
  (sessions: Sessions, bearer: BearerTokens): RequestHandler =>
  async (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization && /^bearer\s/i.test(authorization)) {
      let principal: Principal | undefined;
      try {
        principal = await bearer.principal(authorization.slice(7).trim());
      } catch (error) {
        if (!(error instanceof IssuerUnavailable)) return next(error);
        req.log?.warn({ err: error }, 'bearer token: the issuer did not answer');
        return res
          .status(503)
          .setHeader('Retry-After', '5')
          .json({ error: { code: 'issuer_unavailable', message: 'Identitetstjenesten svarer ikke. Prøv igjen om litt.', fields: [] } });
      }
      if (!principal) return refuseToken(res);
      setPrincipal(req, principal);
      return next();
    }
    const sessionId = cookieValue(req, SESSION_COOKIE);
    if (sessionId) {
      try {
        const principal = await sessions.principal(sessionId);
        if (principal) setPrincipal(req, principal);
      } catch (error) {
        return next(error);
      }
    }
    next();
  };

/** Extra fields for GET /api/me (the roles add `roles`). */
export type DescribePrincipal = (principal: Principal) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** GET /api/me: who the request is, or 401. */
export const meHandler =
  (describe?: DescribePrincipal): RequestHandler =>
  async (req, res, next) => {
    const p = principalOf(req);
    res.setHeader('Cache-Control', 'no-store');
    if (!p) return res.status(401).json({ error: { code: 'unauthenticated', message: 'Du må logge inn', fields: [] } });
    try {
      res.json({ id: p.id, name: p.name, email: p.email, via: p.via, groups: p.groups, ...(describe ? await describe(p) : {}) });
    } catch (error) {
      next(error);
    }
  };
