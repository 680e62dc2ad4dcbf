import { Router, type Request } from 'express';
import type { Application } from '../../application/handle';
import type { AccessControl } from '../access';
import { commandRoutes } from '../routes';

/** the revision an `If-Match` header names (`"3"`, `W/"3"`, `3`) */
const revisionFromIfMatch = (req: Request): string | undefined => {
  const header = req.get('if-match');
  if (!header) return undefined;
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
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
        input: req.body,
        userId: actor.id,
        actor,
        idempotencyKey: idempotencyKey ? idempotencyKey.slice(0, 200) : undefined,
        expectedRevision: revisionFromIfMatch(req),
        // requestLog gives every request a string id
        correlationId: typeof req.id === 'string' ? req.id : undefined,
      });
      res.status(201).setHeader('ETag', `"${result.revision}"`).json(result);
    });
  }
  return router;
};
