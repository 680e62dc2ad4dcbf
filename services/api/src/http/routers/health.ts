import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { isCurrent, type Readiness } from '../catchingUp';

/** `GET /healthz`: up, and how far the read models have come (503 `catching up` until they are current) */
export const healthRoutes = (rm: ReadModels, readiness?: Readiness) =>
  Router().get('/healthz', (_req, res) => {
    const current = readiness ? isCurrent(readiness, rm) : rm.runner.state === 'current';
    const { position, head, percent } = rm.status();
    res.status(current ? 200 : 503).json({
      status: current ? 'ok' : 'catching up',
      position: position?.toString() ?? null,
      eventsApplied: rm.runner.applied,
      head: head?.toString() ?? null,
      percent: current ? 100 : percent,
    });
  });
