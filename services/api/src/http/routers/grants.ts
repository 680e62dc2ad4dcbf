import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';

/** `GET /api/access/grants`: who holds which role where, with the units' names */
export const grantRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) =>
  Router().get('/api/access/grants', (req, res) => {
    access.allow(req, 'readRoles');
    res.json(rm.access.list().map((g) => ({ ...g, unitName: g.unitId ? (rm.units.get(g.unitId)?.name ?? null) : null })));
  });
