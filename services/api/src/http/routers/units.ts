import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';
import { dateParam } from '../query';

/**
 * `GET /api/units[/:id]`: the organisation's units as the tree stands today; `?at=yyyy-mm-dd` gives the
 * tree as it stands (or stood) on that day. Each unit lists its moves and mergers planned after the day.
 */
export const unitRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/units', (req, res) => {
    access.allow(req, 'readUnits');
    const at = dateParam(req, 'at');
    res.json(at ? rm.units.listAt(at) : rm.units.list());
  });
  router.get('/api/units/:id', (req, res) => {
    access.allow(req, 'readUnits');
    res.json(found(rm.units.detail(req.params.id), 'enheten', req.params.id));
  });
  return router;
};
