import type { History, PlanVersions } from '@gevinst/domain/answers';
import { benefitStream, projectStream } from '@gevinst/domain/events';
import type { EventStore } from '@gevinst/eventstore';
import { HistoryModel, upcastRecorded, type ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import type { AccessControl } from '../access';
import { found } from './found';
import { mentionsNone } from '../scope';

/**
 * Every change visible: `GET /api/benefits/:id/history`, `GET /api/projects/:id/history` (the
 * project's own changes and its benefits'), oldest first, and `GET /api/benefits/:id/plan-versions`
 * (approved versions against the current plan and the realised). Read by whoever may read the
 * benefit or project.
 *
 * A history is folded on demand from the streams it is told by (the project's, its benefits' and
 * those of the benefits they share a gain with), not kept for every benefit in memory: it is read one
 * benefit or project at a time, while a kept model cost every rebuild a quarter of its speed.
 */
export const historyRoutes = ({ store, readModels: rm, access }: { store: EventStore; readModels: ReadModels; access: AccessControl }) => {
  const historyOf = async (projectId: string | null, benefitIds: readonly string[]): Promise<HistoryModel> => {
    const streams = new Set<string>(projectId ? [projectStream(projectId)] : []);
    for (const id of benefitIds) {
      streams.add(benefitStream(id));
      for (const o of rm.portfolio.overlaps) {
        if (o.benefitId === id) streams.add(benefitStream(o.otherBenefitId));
        if (o.otherBenefitId === id) streams.add(benefitStream(o.benefitId));
      }
    }
    const events = (await Promise.all([...streams].map((s) => store.readStream(s)))).flat();
    events.sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : a.globalPosition > b.globalPosition ? 1 : 0));
    const model = new HistoryModel();
    for (const event of events) {
      const projected = upcastRecorded(event);
      if (projected) model.apply(projected);
    }
    return model;
  };

  /** a joint project's head (its id, its owner unit) is shown to every member */
  const exceptOf = (projectId: string | null | undefined): string[] => {
    const project = projectId ? rm.portfolio.projects.get(projectId) : undefined;
    return project ? [project.id, project.ownerUnitId] : [];
  };

  const router = Router();
  router.get('/api/benefits/:id/history', async (req, res) => {
    const id = req.params.id;
    found(rm.portfolio.benefits.get(id), 'gevinsten', id);
    const actor = access.readBenefit(req, id);
    const none = mentionsNone(access.foreignIds(actor, exceptOf(rm.portfolio.benefits.get(id)?.projectId)));
    const entries = found((await historyOf(null, [id])).benefitHistory(id), 'gevinsten', id).filter(none);
    const answer: History = { entries };
    res.json(answer);
  });
  router.get('/api/benefits/:id/plan-versions', async (req, res) => {
    const id = req.params.id;
    found(rm.portfolio.benefits.get(id), 'gevinsten', id);
    access.readBenefit(req, id);
    const versions: PlanVersions = found((await historyOf(null, [id])).planVersions(id), 'gevinsten', id);
    res.json(versions);
  });
  router.get('/api/projects/:id/history', async (req, res) => {
    const id = req.params.id;
    const project = found(rm.portfolio.projects.get(id), 'prosjektet', id);
    const actor = access.readProject(req, id);
    // a member of a joint project: its own benefits' changes, and the project's that name no other kommune's units
    const whole = access.readsWholeProject(actor, id);
    const none = whole ? () => true : mentionsNone(access.foreignIds(actor, exceptOf(id)));
    const benefitIds = whole ? project.benefitIds : project.benefitIds.filter((b) => access.mayReadBenefit(actor, b));
    const entries = found((await historyOf(id, benefitIds)).projectHistory(id), 'prosjektet', id).filter(none);
    const answer: History = { entries };
    res.json(answer);
  });
  return router;
};
