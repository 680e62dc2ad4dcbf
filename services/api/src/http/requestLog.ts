import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { v7 as uuidv7 } from 'uuid';
import { logSerializers } from '../auth/redact';

/** the caller's `X-Request-Id` when it is a sane token, else a new one; echoed in the answer */
const requestId = (req: { headers: Record<string, unknown> }, res: { setHeader(name: string, value: string): unknown }) => {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : uuidv7();
  res.setHeader('X-Request-Id', id);
  return id;
};

/** Gives each request its id (`req.id`) and logger (`req.log`); at level info and below, a line per request. */
export const requestLog = (logger: Logger): RequestHandler => {
  if (logger.isLevelEnabled('info'))
    return pinoHttp({
      logger,
      genReqId: (req, res) => requestId(req, res),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      serializers: logSerializers,
    });
  // below info there is no per-request line: pino-http would still make a child logger and listeners
  // for every request (~5% of a command's CPU), so only the id is set and the child made when an error is logged
  return (req, res, next) => {
    const id = requestId(req, res);
    let child: Logger | undefined;
    Object.defineProperty(req, 'id', { value: id, configurable: true, writable: true });
    Object.defineProperty(req, 'log', { get: () => (child ??= logger.child({ req: { id, method: req.method, url: req.url } })), configurable: true });
    next();
  };
};
