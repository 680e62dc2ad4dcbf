import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';

/** `GET /api/units[/:id]`: the organisation's units */
export const unitRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/units', (req, res) => {
    access.allow(req, 'readUnits');
    res.json(rm.units.list());
  });
  router.get('/api/units/:id', (req, res) => {
    access.allow(req, 'readUnits');
    res.json(found(rm.units.detail(req.params.id), 'enheten', req.params.id));
  });
  return router;
};
