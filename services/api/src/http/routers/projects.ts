import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';
import { cutProjectDetail } from '../scope';

/** `GET /api/projects[/:id]`: the projects the reader may see */
export const projectRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/projects', (req, res) => {
    const actor = access.actor(req);
    res.json(rm.projects.list().filter((p) => access.mayReadProject(actor, p.id)));
  });
  router.get('/api/projects/:id', (req, res) => {
    const project = found(rm.projects.project(req.params.id), 'prosjektet', req.params.id);
    const actor = access.readProject(req, req.params.id);
    // a joint project: a member of one kommune sees its own share
    res.json(access.readsWholeProject(actor, project.id) ? project : cutProjectDetail(project, access.inTenant(actor), access.foreignIds(actor, [project.ownerUnitId, project.id])));
  });
  return router;
};
