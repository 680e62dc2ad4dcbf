import type { RequestHandler } from 'express';

/** The content types the API reads as JSON. */
export const JSON_TYPES = ['application/json', 'application/*+json'];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const hasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * A write with a body must say it is JSON. Reading any content type as JSON let a cross-site form or
 * `text/plain` fetch (which browsers send without a preflight) write events. A write with no body at
 * all (a command without input) passes.
 */
export const jsonBodiesOnly: RequestHandler = (req, res, next) => {
  if (!WRITES.has(req.method) || !hasBody(req.headers) || req.is(JSON_TYPES)) return next();
  const message = 'Forespørselen må sendes som application/json';
  res.status(415).json({
    error: {
      code: 'unsupported_media_type',
      message,
      fields: [{ path: 'Content-Type', message: `Fikk ${req.get('content-type') ?? 'ingen Content-Type'}; bruk application/json` }],
    },
  });
};
