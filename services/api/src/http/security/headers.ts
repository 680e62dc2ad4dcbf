import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityHeadersOptions {
  /** origins a form may post to besides this server: the login issuer's (the OpenID provider's login page) */
  extraFormAction?: string[];
}

/**
 * Security headers on every answer. The Content-Security-Policy is what the built UI needs:
 * scripts and style sheets from this server only. Style *attributes* are allowed (`style-src-attr`):
 * ECharts' default tooltips are HTML with `style="…"` markers, and an attribute cannot load or read
 * anything, unlike an injected `<style>` element, which stays refused. `data:`/`blob:` images for
 * the charts' "save as image".
 * HSTS only over https (on plain http it would be ignored, or lock a local install out of http).
 */
export const securityHeaders = (options: SecurityHeadersOptions = {}): RequestHandler => {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'", ...(options.extraFormAction ?? [])],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    xContentTypeOptions: true,
  });
  return (req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    headers(req, res, next);
  };
};
