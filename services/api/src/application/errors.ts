import { DomainError, type FieldError } from '@gevinst/domain/errors';

/** An id in the path names nothing (HTTP 404). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  constructor(what: string, id: string, path = 'id') {
    const message = `Fant ikke ${what} «${id}»`;
    super('not_found', message, [{ path, message }]);
  }
}

/** Someone else wrote to the stream between our read and our append (HTTP 409). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  constructor(readonly currentRevision: string | null) {
    super('conflict', 'Noen andre endret dette samtidig. Last inn på nytt og prøv igjen.', []);
  }
  override toJSON() {
    return { ...super.toJSON(), currentRevision: this.currentRevision };
  }
}

/** `If-Match` named a revision that is no longer the current one (HTTP 412). */
export class PreconditionFailedError extends DomainError {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly expectedRevision: string,
    readonly currentRevision: string | null,
  ) {
    const message = `Versjonen du endret (${expectedRevision}) er ikke lenger gjeldende (${currentRevision ?? 'ingen'}).`;
    super('precondition_failed', message, [{ path: 'If-Match', message }]);
  }
  override toJSON() {
    return { ...super.toJSON(), currentRevision: this.currentRevision };
  }
}

/** The same Idempotency-Key was sent with a different request (HTTP 422). */
export class IdempotencyKeyReusedError extends DomainError {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    const message = 'Idempotency-Key er allerede brukt for en annen forespørsel';
    super('idempotency_key_reused', message, [{ path: 'Idempotency-Key', message }]);
  }
}

export type { FieldError };

/** Nobody is logged in (HTTP 401). */
export class UnauthenticatedError extends DomainError {
  override readonly name = 'UnauthenticatedError';
  constructor(message = 'Du må logge inn') {
    super('unauthenticated', message, []);
  }
}

/** The person is logged in but may not do this (HTTP 403); the message says who may, in bokmål. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
  constructor(reason: string) {
    super('forbidden', reason, []);
  }
}
