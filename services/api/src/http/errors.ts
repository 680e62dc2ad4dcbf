import { DomainError, ValidationError } from '@gevinst/domain/errors';
import { BenefitMapConflictError, BenefitOverlapError } from '@gevinst/domain/deciders';
import { isBusy } from '@gevinst/eventstore';
import type { ErrorRequestHandler } from 'express';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, UnauthenticatedError } from '../application/errors';

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields: { path: string; message: string }[];
    currentRevision?: string | null;
    overlaps?: { benefitId: string; title: string; projectId: string; projectName: string | null }[];
  };
}

const body = (code: string, message: string, fields: { path: string; message: string }[] = []): ErrorBody => ({
  error: { code, message, fields },
});

/** Maps what went wrong to the contract's status codes and error shape. */
export const toHttpError = (error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } => {
  if (error instanceof UnauthenticatedError) return { status: 401, body: { error: error.toJSON() } };
  if (error instanceof ForbiddenError) return { status: 403, body: { error: error.toJSON() } };
  if (error instanceof NotFoundError) return { status: 404, body: { error: error.toJSON() } };
  if (error instanceof ConflictError) return { status: 409, body: { error: error.toJSON() } };
  // the gain is claimed by another project's benefit already: the body names it (`overlaps`)
  if (error instanceof BenefitOverlapError) return { status: 409, body: { error: error.toJSON() } };
  // the gevinstkart has the node, edge or benefit already, or the edge would close a cycle
  if (error instanceof BenefitMapConflictError) return { status: 409, body: { error: error.toJSON() } };
  if (error instanceof PreconditionFailedError) return { status: 412, body: { error: error.toJSON() } };
  if (error instanceof ValidationError) return { status: 400, body: { error: error.toJSON() } };
  if (error instanceof DomainError) return { status: 422, body: { error: error.toJSON() } };
  const e = error as { name?: string; code?: string; field?: string; message?: string; type?: string; status?: number };
  // periods and money refuse bad input with their own errors, naming the field
  if (e?.name === 'InvalidPeriodError' || e?.name === 'InvalidAmountError') {
    const message = e.message ?? 'Ugyldig verdi';
    return { status: 400, body: body(e.code ?? 'validation_failed', message, [{ path: e.field ?? '', message }]) };
  }
  if (e?.name === 'InvalidAppendError') {
    const message = 'Ugyldige data';
    return { status: 400, body: body('validation_failed', message, [{ path: e.field ?? '', message: e.message ?? message }]) };
  }
  // a report too large to print in time: the DOCX of the same report is the way out
  if (e?.name === 'PdfTimeoutError')
    return { status: 503, headers: { 'Retry-After': '60' }, body: body('pdf_too_slow', e.message ?? 'Utskriften til PDF tok for lang tid') };
  if (isBusy(error))
    return { status: 503, headers: { 'Retry-After': '1' }, body: body('store_busy', 'Databasen er opptatt. Prøv igjen om litt.') };
  if (e?.type === 'entity.too.large') return { status: 413, body: body('payload_too_large', 'Forespørselen er for stor') };
  if (e?.type === 'entity.parse.failed')
    return { status: 400, body: body('invalid_json', 'Ugyldig JSON i forespørselen', [{ path: '', message: 'Ugyldig JSON' }]) };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return { status: e.status, body: body(e.type ?? 'bad_request', 'Ugyldig forespørsel') };
  return { status: 500, body: body('internal', 'Noe gikk galt hos oss. Prøv igjen senere.') };
};

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const { status, body: payload, headers } = toHttpError(error);
  if (status >= 500 && status !== 503) req.log?.error({ err: error }, 'request failed');
  else req.log?.info({ code: payload.error.code, status }, 'request refused');
  if (res.headersSent) return;
  if (headers) res.set(headers);
  res.status(status).json(payload);
};
