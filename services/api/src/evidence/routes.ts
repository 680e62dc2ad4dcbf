import { EVIDENCE_CONTENT_TYPES } from '@gevinst/domain/events';
import { parseWith, ValidationError } from '@gevinst/domain/errors';
import type { ReadModels } from '@gevinst/projections';
import { Router, type Response } from 'express';
import { benefitFacts } from '../application/access';
import type { Application } from '../application/handle';
import { EvidenceUploadQuery } from '../application/inputs';
import { NotFoundError } from '../application/errors';
import type { AccessControl } from '../http/access';
import { AttachmentTooLarge, type AttachmentStore } from './AttachmentStore';
import { attachmentDisposition, sanitiseFileName } from './fileName';

/** 10 MB unless `GEVINST_EVIDENCE_MAX_BYTES` says otherwise */
export const evidenceMaxBytes = (env: Record<string, string | undefined> = process.env): number => {
  const configured = Number(env.GEVINST_EVIDENCE_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : 10 * 1024 * 1024;
};

const allowed: ReadonlySet<string> = new Set(EVIDENCE_CONTENT_TYPES);
const isAllowed = (type: string): type is (typeof EVIDENCE_CONTENT_TYPES)[number] => allowed.has(type);

const refuse = (res: Response, status: number, code: string, message: string, path: string) =>
  res.status(status).json({ error: { code, message, fields: [{ path, message }] } });

const tooLarge = (res: Response, maxBytes: number) => {
  // the rest of the body is not read: close the connection instead of draining it
  res.setHeader('Connection', 'close');
  refuse(res, 413, 'payload_too_large', `Filen er for stor (maks ${Math.floor(maxBytes / (1024 * 1024)) || 1} MB)`, 'file');
};

/**
 * `POST /api/benefits/:id/evidence?fileName=…&measuredOn=…|period=…` with the file's bytes as the body
 * and its type as Content-Type: stored content-addressed, then `EvidenceAttached` names it.
 * `GET /api/benefits/:id/evidence/:attachmentId` gives it back to whoever may read the benefit.
 * Mounted before the JSON body parser, which would refuse the bytes.
 */
export const evidenceRoutes = ({ application, readModels: rm, access, store, maxBytes }: {
  application: Application;
  readModels: ReadModels;
  access: AccessControl;
  store: AttachmentStore;
  maxBytes: number;
}) => {
  const router = Router();

  router.post('/api/benefits/:id/evidence', async (req, res) => {
    const benefitId = req.params.id;
    // who may, before a byte is read
    if (!rm.portfolio.benefits.has(benefitId)) throw new NotFoundError('gevinsten', benefitId);
    const actor = access.allow(req, 'recordMeasurement', benefitFacts(rm, benefitId));
    const contentType = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!isAllowed(contentType))
      return refuse(res, 415, 'unsupported_media_type', 'Filtypen er ikke tillatt: last opp pdf, png, jpeg, docx, xlsx, txt eller csv', 'file');
    const query = parseWith(EvidenceUploadQuery, req.query, 'Ugyldig opplasting');
    const declared = Number(req.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(res, maxBytes);

    let stored;
    try {
      stored = await store.put(req, maxBytes);
    } catch (error) {
      if (error instanceof AttachmentTooLarge) return tooLarge(res, maxBytes);
      throw error;
    }
    if (stored.sizeBytes === 0) throw new ValidationError('Filen er tom', [{ path: 'file', message: 'Filen er tom' }]);

    const result = await application.handle({
      command: 'attachEvidence',
      targetId: benefitId,
      input: {
        attachmentId: stored.sha256,
        fileName: sanitiseFileName(query.fileName),
        contentType,
        sizeBytes: stored.sizeBytes,
        period: query.period ?? null,
        measuredOn: query.measuredOn ?? null,
      },
      userId: actor.id,
      actor,
      correlationId: typeof req.id === 'string' ? req.id : undefined,
    });
    res.status(201).setHeader('ETag', `"${result.revision}"`).json({ ...result, attachmentId: stored.sha256 });
  });

  router.get('/api/benefits/:id/evidence/:attachmentId', (req, res) => {
    const { id: benefitId, attachmentId } = req.params;
    access.readBenefit(req, benefitId);
    const attachment = rm.portfolio.benefits.get(benefitId)?.attachments.find((a) => a.attachmentId === attachmentId);
    const file = attachment ? store.open(attachment.attachmentId) : null;
    if (!attachment || !file) throw new NotFoundError('vedlegget', attachmentId);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(file.sizeBytes));
    res.setHeader('Content-Disposition', attachmentDisposition(attachment.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    file.stream.pipe(res);
  });

  return router;
};
