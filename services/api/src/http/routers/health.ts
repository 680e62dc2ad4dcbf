import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';

/** `GET /healthz`: up, and how far the read models have come */
export const healthRoutes = (rm: ReadModels) =>
  Router().get('/healthz', (_req, res) => {
    res.json({ status: 'ok', position: rm.runner.position?.toString() ?? null, eventsApplied: rm.runner.applied });
  });
