import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';

/** `GET /api/access/grants`: who holds which role where, with the units' names */
export const grantRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) =>
  Router().get('/api/access/grants', (req, res) => {
    const actor = access.allow(req, 'readRoles');
    // a kommune administrator sees the grants inside its kommune
    const inScope = access.inScope(actor, ['administrator']);
    const everywhere = actor.roles.some((r) => r.role === 'administrator' && r.unitId === null);
    res.json(rm.access.list().filter((g) => everywhere || (g.unitId !== null && inScope(g.unitId))).map((g) => ({ ...g, unitName: g.unitId ? (rm.units.get(g.unitId)?.name ?? null) : null })));
  });
