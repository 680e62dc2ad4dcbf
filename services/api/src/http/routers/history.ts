import type { History, PlanVersions } from '@gevinst/domain/answers';
import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';

/**
 * Every change visible: `GET /api/benefits/:id/history`, `GET /api/projects/:id/history` (the
 * project's own changes and its benefits'), oldest first, and `GET /api/benefits/:id/plan-versions`
 * (approved versions against the current plan and the realised). Read by whoever may read the
 * benefit or project.
 */
export const historyRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/benefits/:id/history', (req, res) => {
    const entries = found(rm.history.benefitHistory(req.params.id), 'gevinsten', req.params.id);
    access.readBenefit(req, req.params.id);
    const answer: History = { entries };
    res.json(answer);
  });
  router.get('/api/benefits/:id/plan-versions', (req, res) => {
    const versions: PlanVersions = found(rm.history.planVersions(req.params.id), 'gevinsten', req.params.id);
    access.readBenefit(req, req.params.id);
    res.json(versions);
  });
  router.get('/api/projects/:id/history', (req, res) => {
    found(rm.portfolio.projects.get(req.params.id), 'prosjektet', req.params.id);
    const entries = found(rm.history.projectHistory(req.params.id), 'prosjektet', req.params.id);
    access.readProject(req, req.params.id);
    const answer: History = { entries };
    res.json(answer);
  });
  return router;
};
