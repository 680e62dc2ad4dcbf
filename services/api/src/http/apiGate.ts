import type { RequestHandler } from 'express';
import { NotFoundError } from '../application/errors';
import type { AccessControl } from './access';

/** every answer under /api but the API's description is for a logged-in person (401 before anything else) */
export const loggedInOnly =
  (access: AccessControl): RequestHandler =>
  (req, _res, next) => {
    if (req.path !== '/openapi.json') access.actor(req);
    next();
  };

/** what no router under /api answered: 404 in the API's error shape (not the web UI's index.html) */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError('ressursen', req.path, 'path'));
};
