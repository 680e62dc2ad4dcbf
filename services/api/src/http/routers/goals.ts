import { ValidationError } from '@gevinst/domain/errors';
import { goalSummary, scorecardOf, unitEntries, type ReadModels } from '@gevinst/projections';
import { Router, type Request } from 'express';
import type { AccessControl } from '../access';
import { stringParam } from '../query';
import { found } from './found';
import { NotFoundError } from '../../application/errors';

/**
 * The målstruktur and its målekort: `GET /api/goals` (every goal, or a unit's with `unitId`),
 * `GET /api/goals/:id/scorecard` (the goal and everything under it) and `GET /api/goals/scorecard?unitId=`
 * (the goals the unit owns). Anyone logged in sees the goals; the benefits rolled up are those the
 * reader may see (the others are counted).
 */
export const goalRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  const unitName = (unitId: string) => rm.units.get(unitId)?.name ?? null;
  const sources = (req: Request) => {
    const actor = access.allow(req, 'readGoals');
    const inTenant = access.inTenant(actor);
    return {
      inTenant,
      goals: rm.goals,
      unitName,
      // another kommune's project linked to a goal is named only to those who may see it
      projectName: (projectId: string) => {
        const project = rm.portfolio.projects.get(projectId);
        return project && (inTenant(project.ownerUnitId) || access.mayReadProject(actor, projectId)) ? project.name : null;
      },
      benefit: (benefitId: string) => rm.projects.benefit(benefitId),
      mayReadBenefit: (benefitId: string) => access.mayReadBenefit(actor, benefitId),
    };
  };

  router.get('/api/goals', (req, res) => {
    const inTenant = access.inTenant(access.allow(req, 'readGoals'));
    const unitId = stringParam(req, 'unitId', 200);
    res.json(
      rm.goals
        .ordered()
        .filter(({ goal }) => (!unitId || goal.unitId === unitId) && inTenant(goal.unitId))
        .map(({ goal }) => goalSummary(goal, unitName)),
    );
  });
  router.get('/api/goals/scorecard', (req, res) => {
    const src = sources(req);
    const unitId = stringParam(req, 'unitId', 200);
    if (!unitId) throw new ValidationError('Ugyldig parameter', [{ path: 'unitId', message: 'Velg en enhet' }]);
    found(rm.units.get(unitId), 'enheten', unitId);
    if (!src.inTenant(unitId)) throw new NotFoundError('enheten', unitId);
    res.json(scorecardOf(src, unitEntries(rm.goals, unitId), { goalId: null, unitId }));
  });
  router.get('/api/goals/:id/scorecard', (req, res) => {
    const src = sources(req);
    const goal = found(rm.goals.get(req.params.id), 'målet', req.params.id);
    if (!src.inTenant(goal.unitId)) throw new NotFoundError('målet', req.params.id);
    res.json(scorecardOf(src, rm.goals.subtree(goal.goalId), { goalId: goal.goalId, unitId: goal.unitId }));
  });
  return router;
};
