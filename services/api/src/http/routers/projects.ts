import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';

/** `GET /api/projects[/:id]`: the projects the reader may see */
export const projectRoutes = ({ readModels: rm, access }: { readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  router.get('/api/projects', (req, res) => {
    const actor = access.actor(req);
    res.json(rm.projects.list().filter((p) => access.mayReadProject(actor, p.id)));
  });
  router.get('/api/projects/:id', (req, res) => {
    const project = found(rm.projects.project(req.params.id), 'prosjektet', req.params.id);
    access.readProject(req, req.params.id);
    res.json(project);
  });
  return router;
};
