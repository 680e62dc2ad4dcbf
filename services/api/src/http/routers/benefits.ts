import type { DueItem } from '@gevinst/domain/answers';
import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { REPORT_READERS, type AccessControl } from '../access';
import { dateParam, stringParam } from '../query';
import { found } from './found';
import { cutBenefitView } from '../scope';
import { todayInOslo } from './today';

/** `GET /api/benefits/:id` and the owner's `GET /api/due` */
export const benefitRoutes = ({ readModels: rm, access, clock, due }: { readModels: ReadModels; access: AccessControl; clock: () => string; due?: (owner: string | undefined, at: string) => DueItem[] }) => {
  const router = Router();
  router.get('/api/benefits/:id', (req, res) => {
    const benefit = found(rm.projects.benefit(req.params.id), 'gevinsten', req.params.id);
    const actor = access.readBenefit(req, req.params.id);
    res.json(cutBenefitView(benefit, access.foreignIds(actor)));
  });
  router.get('/api/due', (req, res) => {
    const actor = access.actor(req);
    const owner = stringParam(req, 'owner') ?? actor.id;
    access.allow(req, 'readDue', { person: owner });
    const at = dateParam(req, 'at') ?? todayInOslo(clock());
    const items = due ? due(owner, at) : rm.due(owner, at);
    // someone else's list: only the benefits received within the reader's scope
    const inScope = owner.toLowerCase() === actor.id ? () => true : access.inScope(actor, REPORT_READERS);
    const inTenant = access.inTenant(actor);
    res.json(items.filter((item) => inScope(item.recipientUnitId) && inTenant(item.recipientUnitId)));
  });
  return router;
};
