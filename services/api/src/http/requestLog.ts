import type { RequestHandler } from 'express';
import type { Level, Logger } from 'pino';
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

/** The level of the line each answered request gets (`GEVINST_REQUEST_LOG_LEVEL`): below info, so a busy API does not log every command. */
export const DEFAULT_REQUEST_LOG_LEVEL: Level = 'debug';

const levels: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
export const requestLogLevelOf = (raw: string | undefined): Level => {
  if (raw === undefined || raw === '') return DEFAULT_REQUEST_LOG_LEVEL;
  const level = levels.find((l) => l === raw);
  if (!level) throw new Error(`GEVINST_REQUEST_LOG_LEVEL må være et av ${levels.join(', ')} (fikk «${raw}»)`);
  return level;
};

/**
 * Gives each request its id (`req.id`) and logger (`req.log`); a line per answered request at `level`
 * when the logger writes that level (failures and 5xx always at error).
 */
export const requestLog = (logger: Logger, level: Level = DEFAULT_REQUEST_LOG_LEVEL): RequestHandler => {
  if (logger.isLevelEnabled(level))
    return pinoHttp({
      logger,
      genReqId: (req, res) => requestId(req, res),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : level),
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      serializers: logSerializers,
    });
  // no per-request line at this level: pino-http would still make a child logger and listeners
  // for every request (~5% of a command's CPU), so only the id is set and the child made when an error is logged
  return (req, res, next) => {
    const id = requestId(req, res);
    let child: Logger | undefined;
    Object.defineProperty(req, 'id', { value: id, configurable: true, writable: true });
    Object.defineProperty(req, 'log', { get: () => (child ??= logger.child({ req: { id, method: req.method, url: req.url } })), configurable: true });
    next();
  };
};
