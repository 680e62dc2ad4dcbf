import { allowedTargets, analyseBenefitMap } from '@gevinst/domain';
import type { BenefitMapView, MapBenefitFacts } from '@gevinst/domain/answers';
import { benefitMapDecider, foldEvents } from '@gevinst/domain/deciders';
import { benefitMapStream, isEventType, parseEvent, type BenefitMapEvent } from '@gevinst/domain/events';
import type { EventStore } from '@gevinst/eventstore';
import type { ReadModels } from '@gevinst/projections';
import { Router, type Request, type Response } from 'express';
import type { Application } from '../../application/handle';
import { projectFacts } from '../../application/access';
import type { AccessControl } from '../access';
import { found } from './found';
import { mentionsNone } from '../scope';

/** the revision an `If-Match` header names (`"3"`, `W/"3"`, `3`) */
const ifMatch = (req: Request): string | undefined => req.get('if-match')?.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');

/**
 * The gevinstkart of a project: `GET /api/projects/:id/benefit-map` (whoever may see the project),
 * and its edits (`POST …/nodes`, `PATCH|DELETE …/nodes/:nodeId`, `POST …/edges`,
 * `DELETE …/edges/:edgeId`: the project leader, management of its unit, the administrator). The map
 * is folded from its stream on each read, with the live status and realisation of its benefits.
 */
export const benefitMapRoutes = ({ application, store, readModels: rm, access }: { application: Application; store: EventStore; readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  const PATH = '/api/projects/:id/benefit-map';

  const benefitFacts = (projectId: string, benefitId: string): MapBenefitFacts | null => {
    const b = rm.projects.benefit(benefitId);
    if (!b || b.projectId !== projectId) return null;
    const judged = b.statusByPeriod.filter((s) => s.status !== null);
    const latest = judged.at(-1);
    return {
      title: b.title,
      cancelled: b.cancelled,
      status: b.cancelled ? null : (latest?.status ?? null),
      statusPeriod: b.cancelled ? null : (latest?.period ?? null),
      plannedOre: judged.reduce((sum, s) => sum + s.plannedOre, 0),
      realisedOre: judged.reduce((sum, s) => sum + s.realisedOre, 0),
      realisedQuantity: b.realisations.reduce((sum, r) => sum + r.quantity, 0),
      unitOfMeasure: b.unitOfMeasure,
      achievementPct: b.achievementPct,
    };
  };

  router.get(PATH, async (req, res) => {
    const projectId = req.params.id;
    const project = found(rm.portfolio.projects.get(projectId), 'prosjektet', projectId);
    const actor = access.readProject(req, projectId);
    const recorded = await store.readStream(benefitMapStream(projectId));
    const events = recorded.filter((e) => isEventType(e.type)).map((e) => parseEvent(e)).filter(benefitMapDecider.isEvent) as BenefitMapEvent[];
    const map = foldEvents(benefitMapDecider, events);
    const onMap = new Set(map.nodes.flatMap((n) => (n.benefitId ? [n.benefitId] : [])));
    const view: BenefitMapView = {
      projectId,
      projectName: project.name,
      revision: recorded.at(-1)?.revision.toString() ?? null,
      editable: !project.closed && access.may(actor, 'editBenefitMap', projectFacts(rm, projectId)),
      nodes: map.nodes.map((n) => ({ ...n, benefit: n.benefitId ? benefitFacts(projectId, n.benefitId) : null })),
      edges: [...map.edges],
      flags: analyseBenefitMap(map),
      directions: { delivery: [...allowedTargets.delivery], change: [...allowedTargets.change], benefit: [...allowedTargets.benefit], disbenefit: [...allowedTargets.disbenefit], goal: [...allowedTargets.goal] },
      unmappedBenefits: project.benefitIds.flatMap((id) => {
        const b = rm.portfolio.benefits.get(id);
        return b && !b.cancelled && !b.unplanned && !onMap.has(id) ? [{ benefitId: id, title: b.title, disbenefit: b.disbenefit }] : [];
      }),
    };
    if (access.readsWholeProject(actor, projectId)) return void res.json(view);
    // a member of a joint project: the map without the nodes of other kommuner's benefits
    const none = mentionsNone(access.foreignIds(actor, [project.ownerUnitId, project.id]));
    const nodes = view.nodes.filter(none);
    const kept = new Set(nodes.map((n) => n.nodeId));
    res.json({
      ...view,
      editable: false,
      nodes,
      edges: view.edges.filter((e) => kept.has(e.from) && kept.has(e.to) && none(e)),
      flags: { benefitsWithoutGoal: view.flags.benefitsWithoutGoal.filter((n) => kept.has(n)), changesWithoutBenefit: view.flags.changesWithoutBenefit.filter((n) => kept.has(n)) },
      unmappedBenefits: view.unmappedBenefits.filter(none),
    });
  });

  /** runs a map command for the project in the path: 404 for an unknown project, 201 with the new revision as ETag */
  const command = (name: string, inputOf: (req: Request) => unknown, status = 201) => async (req: Request, res: Response) => {
    const projectId = String(req.params.id);
    found(rm.portfolio.projects.get(projectId), 'prosjektet', projectId);
    const actor = access.actor(req);
    const key = req.get('idempotency-key');
    const result = await application.handle({
      command: name,
      targetId: projectId,
      input: inputOf(req),
      userId: actor.id,
      actor,
      idempotencyKey: key ? key.slice(0, 200) : undefined,
      expectedRevision: ifMatch(req),
      correlationId: typeof req.id === 'string' ? req.id : undefined,
    });
    res.status(status).setHeader('ETag', `"${result.revision}"`).json(result);
  };
  const body = (req: Request): Record<string, unknown> =>
    typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};

  router.post(`${PATH}/nodes`, command('addMapNode', (req) => req.body as unknown));
  router.patch(`${PATH}/nodes/:nodeId`, command('changeMapNode', (req) => ({ ...body(req), nodeId: req.params.nodeId }), 200));
  router.delete(`${PATH}/nodes/:nodeId`, command('removeMapNode', (req) => ({ nodeId: req.params.nodeId }), 200));
  router.post(`${PATH}/edges`, command('addMapEdge', (req) => req.body as unknown));
  router.delete(`${PATH}/edges/:edgeId`, command('removeMapEdge', (req) => ({ edgeId: req.params.edgeId }), 200));
  return router;
};
