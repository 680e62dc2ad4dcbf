import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';
import { NotFoundError } from '../../application/errors';
import { dateParam } from '../query';

/**
 * `GET /api/units[/:id]`: the organisation's units as the tree stands today; `?at=yyyy-mm-dd` gives the
 * tree as it stands (or stood) on that day. Each unit lists its moves and mergers planned after the day.
 */
export const unitRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/units', (req, res) => {
    const inTenant = access.inTenant(access.allow(req, 'readUnits'));
    const at = dateParam(req, 'at');
    // the reader's kommuner only (docs/access.md «Flere kommuner»)
    res.json((at ? rm.units.listAt(at) : rm.units.list()).filter((u) => inTenant(u.id)));
  });
  router.get('/api/units/:id', (req, res) => {
    const inTenant = access.inTenant(access.allow(req, 'readUnits'));
    const detail = found(rm.units.detail(req.params.id), 'enheten', req.params.id);
    // another kommune's unit is not there for the reader
    if (!inTenant(detail.id)) throw new NotFoundError('enheten', req.params.id);
    res.json(detail);
  });
  return router;
};
