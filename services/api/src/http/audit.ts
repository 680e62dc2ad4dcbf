import { benefitStream, projectStream, unitStream } from '@gevinst/domain/events';
import type { EventStore, RecordedEvent } from '@gevinst/eventstore';
import type { ReadModels } from '@gevinst/projections';
import { Router } from 'express';
import { NotFoundError } from '../application/errors';
import type { AuditEntry } from '../openapi/responses';
import type { AccessControl } from './access';
import { mentionsNone } from './scope';


const entryOf = (e: RecordedEvent): AuditEntry => {
  const m = e.metadata as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    at: e.metadata.recordedAt,
    position: e.globalPosition.toString(),
    streamName: e.streamName,
    type: e.type,
    userId: text(m.userId),
    userName: text(m.userName),
    role: text(m.actingRole),
    data: e.data,
  };
};

const newestFirst = (entries: AuditEntry[]) => entries.sort((a, b) => (BigInt(b.position) > BigInt(a.position) ? 1 : -1));

/**
 * `GET /api/audit/{projects|benefits|units}/:id`: the events of the thing, newest first, read from
 * the store itself (the audit is the log, not a read model). A project's includes its benefits'.
 */
export const auditRoutes = ({ store, readModels: rm, access }: { store: EventStore; readModels: ReadModels; access: AccessControl }) => {
  const router = Router();
  const read = async (streams: string[]) => newestFirst((await Promise.all(streams.map((s) => store.readStream(s)))).flat().map(entryOf));

  router.get('/api/audit/projects/:id', async (req, res) => {
    const project = rm.portfolio.projects.get(req.params.id);
    if (!project) throw new NotFoundError('prosjektet', req.params.id);
    const actor = access.readProject(req, project.id);
    if (access.readsWholeProject(actor, project.id)) return void res.json({ entries: await read([projectStream(project.id), ...project.benefitIds.map(benefitStream)]) });
    // a member of a joint project: its own benefits, and the project's events that name no other kommune's units
    const none = mentionsNone(access.foreignIds(actor, [project.ownerUnitId, project.id]));
    const own = project.benefitIds.filter((id) => access.mayReadBenefit(actor, id));
    res.json({ entries: (await read([projectStream(project.id), ...own.map(benefitStream)])).filter(none) });
  });
  router.get('/api/audit/benefits/:id', async (req, res) => {
    if (!rm.portfolio.benefits.has(req.params.id)) throw new NotFoundError('gevinsten', req.params.id);
    const actor = access.readBenefit(req, req.params.id);
    const projectId = rm.portfolio.benefits.get(req.params.id)?.projectId;
    const project = projectId ? rm.portfolio.projects.get(projectId) : undefined;
    const none = mentionsNone(access.foreignIds(actor, project ? [project.ownerUnitId, project.id] : []));
    res.json({ entries: (await read([benefitStream(req.params.id)])).filter(none) });
  });
  router.get('/api/audit/units/:id', async (req, res) => {
    if (!rm.units.has(req.params.id)) throw new NotFoundError('enheten', req.params.id);
    access.allow(req, 'readUnitAudit', { units: [req.params.id] });
    res.json({ entries: await read([unitStream(req.params.id)]) });
  });
  return router;
};
