import { DomainError } from '@gevinst/domain/errors';

/** An upload refused before (or while) it is read; nothing is written. The routes answer `status`. */
export class UploadRefused extends DomainError {
  constructor(
    readonly status: 413 | 503,
    code: string,
    message: string,
    /** seconds, for 503 */
    readonly retryAfter?: number,
  ) {
    super(code, message, [{ path: 'file', message }]);
  }
}

/** 413 `file_too_large`: the file is beyond one of the upload limits (size, unpacked size, rows, time, memory). */
export const fileTooLarge = (message: string) => new UploadRefused(413, 'file_too_large', message);

/** 503 `import_busy`: every worker is reading and the queue is full. */
export const importBusy = (retryAfter: number) =>
  new UploadRefused(503, 'import_busy', `Serveren leser andre regneark akkurat nå. Prøv igjen om ${retryAfter} sekunder`, retryAfter);
