import type { Request, RequestHandler } from 'express';

export const SESSION_COOKIE = 'gevinst_session';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const carriesCookie = (req: Request, name: string): boolean =>
  (req.get('cookie') ?? '').split(';').some((pair) => pair.trim().startsWith(`${name}=`));

const originOf = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
};

export interface SameOriginOptions {
  /** the address people use (GEVINST_PUBLIC_URL); behind a proxy the request's own Host may differ */
  publicUrl?: string;
  cookieName?: string;
}

/**
 * CSRF: a write that a browser sends with the session cookie must come from a page of this server.
 * `Origin` (or, when a browser leaves it out, `Referer`) must be this server's origin, seen from the
 * request's Host or the configured public URL. Bearer-token requests carry no cookie and pass.
 */
export const sameOriginWrites = (options: SameOriginOptions = {}): RequestHandler => {
  const cookieName = options.cookieName ?? SESSION_COOKIE;
  const publicOrigin = originOf(options.publicUrl);
  return (req, res, next) => {
    if (SAFE.has(req.method) || !carriesCookie(req, cookieName)) return next();
    const from = originOf(req.get('origin')) ?? (req.get('origin') ? undefined : originOf(req.get('referer')));
    const host = req.get('host');
    const own = host ? originOf(`${req.protocol}://${host}`) : undefined;
    if (from !== undefined && (from === own || from === publicOrigin)) return next();
    res.status(403).json({
      error: {
        code: 'forbidden_origin',
        message: 'Forespørselen kom fra et annet nettsted og ble avvist',
        fields: [{ path: req.get('origin') !== undefined ? 'Origin' : 'Referer', message: 'Må være denne tjenestens egen adresse' }],
      },
    });
  };
};
