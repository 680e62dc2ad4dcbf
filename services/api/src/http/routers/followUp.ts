import { actionsOfPerson, benefitActions, benefitRisks, riskMatrix, type ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { REPORT_READERS, type AccessControl } from '../access';
import { stringParam } from '../query';
import { todayInOslo } from './today';

/** The benefits' realisation actions and risks: per benefit, the person's own actions, and the portfolio's risk matrix. */
export const followUpRoutes = ({ readModels: rm, access, clock }: { readModels: ReadModels; access: AccessControl; clock: () => string }) => {
  const router = Router();
  router.get('/api/benefits/:id/actions', (req, res) => {
    access.readBenefit(req, req.params.id);
    res.json(benefitActions(rm.followUp, req.params.id, todayInOslo(clock())));
  });
  router.get('/api/benefits/:id/risks', (req, res) => {
    access.readBenefit(req, req.params.id);
    res.json(benefitRisks(rm.followUp, req.params.id));
  });
  /** the person's actions (standard: the reader's own); someone else's as the due list: management and finance, for their units */
  router.get('/api/actions', (req, res) => {
    const actor = access.actor(req);
    const person = stringParam(req, 'owner') ?? actor.id;
    access.allow(req, 'readDue', { person });
    const inScope = person.toLowerCase() === actor.id ? () => true : access.inScope(actor, REPORT_READERS);
    const inTenant = access.inTenant(actor);
    res.json(actionsOfPerson(rm.followUp, rm.portfolio, person, todayInOslo(clock())).filter((a) => inScope(a.recipientUnitId) && inTenant(a.recipientUnitId)));
  });
  router.get('/api/portfolio/risks', (req, res) => {
    const actor = access.allow(req, 'readRisks');
    const inScope = access.inScope(actor, REPORT_READERS);
    const inTenant = access.inTenant(actor);
    res.json(riskMatrix(rm.followUp, rm.portfolio, (unitId) => inScope(unitId) && inTenant(unitId)));
  });
  return router;
};
