import { parseAsOf, type AsOf } from '@gevinst/domain/ledger';
import { ValidationError } from '@gevinst/domain/errors';
import type { TertialReport } from '@gevinst/domain/report';
import type { EventStore } from '@gevinst/eventstore';
import type { ReadModels } from '@gevinst/projections';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../../application/errors';
import { REPORT_READERS, type AccessControl } from '../access';
import { renderTertialDocx } from '../../reports/docx';
import { renderTertialHtml } from '../../reports/html';
import { ReportModels } from '../../reports/pastModels';
import { htmlToPdf } from '../../reports/pdf';
import { tertialReportOf } from '../../reports/tertial';

/** `tertial`, `unit` and `asOf` of a tertial report, checked; the reasons are in bokmål */
export const TertialReportQuerySchema = z.object({
  tertial: z
    .string({ error: 'Velg et tertial, f.eks. 2026-T2' })
    .regex(/^\d{4}-T[1-3]$/, { error: 'Ugyldig tertial (forventet f.eks. 2026-T2)' })
    .refine((t) => Number(t.slice(0, 4)) >= 1900 && Number(t.slice(0, 4)) <= 2999, { error: 'Året må ligge mellom 1900 og 2999' }),
  unit: z.string({ error: 'Velg en enhet' }).min(1, { error: 'Velg en enhet' }).max(200, { error: 'Maks 200 tegn' }),
  asOf: z.string({ error: 'Oppgi tidspunktet som tekst' }).max(64, { error: 'Maks 64 tegn' }).optional(),
});

export type TertialReportQuery = { tertial: string; unitId: string; asOf: AsOf };

/** reads the query: 400 naming the field and the reason */
export const tertialQuery = (query: unknown, now: string): TertialReportQuery => {
  const raw = typeof query === 'object' && query !== null ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '')) : {};
  const parsed = TertialReportQuerySchema.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(
      'Ugyldig parameter',
      parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? 'query'), message: i.code === 'invalid_type' && i.path.length ? messageOf(String(i.path[0])) : i.message })),
    );
  const asOf = parseAsOf(parsed.data.asOf ?? now, 'asOf');
  return { tertial: parsed.data.tertial, unitId: parsed.data.unit, asOf };
};
const messageOf = (field: string) =>
  field === 'tertial' ? 'Velg et tertial, f.eks. 2026-T2' : field === 'unit' ? 'Velg en enhet' : 'Oppgi parameteren én gang, som tekst';

/** a file name for the download: the tertial and the unit's id, nothing else */
const fileName = (r: TertialReport, ext: string) => `tertialrapport-${r.tertial}-${r.unit.unitId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80)}.${ext}`;

/**
 * The tertial report (tertialrapport) for the council: `GET /api/reports/tertial` (the model as JSON),
 * `.html`, `.pdf` and `.docx` — for `tertial` and `unit`, as known at `asOf` (default: now; header
 * `X-As-Of` and the document state the instant, and giving it again reproduces the document).
 * For finance and management, for a unit their roles reach.
 */
export const tertialReportRoutes = ({
  readModels: rm,
  access,
  store,
  clock,
  chromiumPath,
}: {
  readModels: ReadModels;
  access: AccessControl;
  store: EventStore;
  clock: () => string;
  chromiumPath?: string;
}) => {
  const router = Router();
  const models = new ReportModels(store, () => String(rm.runner.position ?? ''));

  const report = async (req: Request, res: Response): Promise<TertialReport> => {
    const actor = access.allow(req, 'readLedger');
    access.allow(req, 'readPortfolio');
    const q = tertialQuery(req.query, clock());
    const inScope = access.inScope(actor, REPORT_READERS);
    if (rm.units.has(q.unitId) && !inScope(q.unitId)) throw new ForbiddenError('Du kan bare se tertialrapporten for enheter rollene dine gjelder');
    const m = await models.at(q.asOf);
    if (!m.units.has(q.unitId)) throw new ValidationError('Ugyldig parameter', [{ path: 'unit', message: 'Enheten fantes ikke på dette tidspunktet' }]);
    if (!inScope(q.unitId)) throw new ForbiddenError('Du kan bare se tertialrapporten for enheter rollene dine gjelder');
    res.setHeader('X-As-Of', q.asOf.instant);
    return tertialReportOf(m, { tertial: q.tertial, unitId: q.unitId, inScope });
  };

  router.get('/api/reports/tertial', async (req, res) => {
    res.json(await report(req, res));
  });
  router.get('/api/reports/tertial.html', async (req, res) => {
    const r = await report(req, res);
    // the page is whole in itself: its own inline styles and SVG, nothing fetched, no scripts
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
    res.type('text/html; charset=utf-8').send(renderTertialHtml(r));
  });
  router.get('/api/reports/tertial.pdf', async (req, res) => {
    const r = await report(req, res);
    const pdf = await htmlToPdf(renderTertialHtml(r), { createdAt: r.asOf, title: r.title, executablePath: chromiumPath });
    res.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="${fileName(r, 'pdf')}"`);
    res.send(pdf);
  });
  router.get('/api/reports/tertial.docx', async (req, res) => {
    const r = await report(req, res);
    const docx = await renderTertialDocx(r);
    res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').setHeader('Content-Disposition', `attachment; filename="${fileName(r, 'docx')}"`);
    res.send(docx);
  });
  return router;
};
