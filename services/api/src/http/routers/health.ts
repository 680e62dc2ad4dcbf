import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { healthAnswer, isCurrent, type Readiness } from '../catchingUp';

/** `GET /healthz`: up, and how far the read models have come (503 `catching up` until they are current) */
export const healthRoutes = (rm: ReadModels, readiness?: Readiness) =>
  Router().get('/healthz', (_req, res) => {
    const current = readiness ? isCurrent(readiness, rm) : rm.runner.state === 'current';
    res.status(current ? 200 : 503).json(healthAnswer(current, rm.status(), rm.runner.applied));
  });
