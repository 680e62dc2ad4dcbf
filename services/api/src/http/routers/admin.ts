import type { ReadModels } from '@gevinst/projections';
import { Router, type Express, type RequestHandler } from 'express';
import type { AccessControl } from '../access';

/** `POST /api/admin/rebuild` drops the read models and reads every event again (reads during the rebuild may see a partial model) */
export const rebuildRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) =>
  Router().post('/api/admin/rebuild', async (req, res) => {
    access.allow(req, 'administer');
    const started = performance.now();
    await rm.rebuild();
    res.json({ position: rm.runner.position?.toString() ?? null, eventsApplied: rm.runner.applied, ms: Math.round(performance.now() - started) });
  });

/**
 * Routers of other services (bull-board at /admin/queues), for the administrator only. Mounted on the
 * app itself, not on a Router: bull-board's router is an Express app, which only `app.use` mounts as one.
 */
export const mountAdminTools = (app: Express, { tools, access }: { tools: { path: string; router: RequestHandler }[]; access: AccessControl }) => {
  for (const { path, router } of tools)
    app.use(
      path,
      (req, _res, next) => {
        access.allow(req, 'administer');
        next();
      },
      router,
    );
};
