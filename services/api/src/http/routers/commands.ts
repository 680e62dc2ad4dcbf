import { Router, type Request } from 'express';
import type { Application } from '../../application/handle';
import type { AccessControl } from '../access';
import { commandRoutes } from '../routes';
import { POSITION_HEADER } from '../readYourWrites';

/** the revision an `If-Match` header names (`"3"`, `W/"3"`, `3`) */
const revisionFromIfMatch = (req: Request): string | undefined => {
  const header = req.get('if-match');
  if (!header) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
};

/** the body with the path's parameters beside `:id` as its fields (a body that is no object is left for the schema to refuse) */
const inputOf = (req: Request): unknown => {
  const fromPath = Object.entries(req.params).filter(([name]) => name !== 'id');
  const body: unknown = req.body;
  if (fromPath.length === 0 || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return { ...body, ...Object.fromEntries(fromPath) };
};

/** `POST` every command route of routes.ts: 201 with the result, its revision as the ETag */
export const commandRouter = ({ application, access }: { application: Application; access: AccessControl }) => {
  const router = Router();
  for (const route of commandRoutes) {
    router.post(route.path, async (req, res) => {
      const rawId = typeof req.params.id === 'string' ? req.params.id : undefined;
      const actor = access.actor(req);
      const idempotencyKey = req.get('idempotency-key');
      const result = await application.handle({
        command: route.command,
        targetId: rawId,
        input: inputOf(req),
        userId: actor.id,
        actor,
        idempotencyKey: idempotencyKey ? idempotencyKey.slice(0, 200) : undefined,
        expectedRevision: revisionFromIfMatch(req),
        // requestLog gives every request a string id
        correlationId: typeof req.id === 'string' ? req.id : undefined,
      });
      res.status(201).setHeader('ETag', `"${result.revision}"`);
      if (result.position !== null) res.setHeader(POSITION_HEADER, result.position);
      res.json(result);
    });
  }
  return router;
};
