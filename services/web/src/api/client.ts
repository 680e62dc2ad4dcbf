import type { ErrorBody, FieldError } from './types';

/** An answer other than 2xx. `fields` name the offending inputs by dotted path (e.g. `plan.0.period`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    /** 409 `benefit_overlaps`: the other projects' benefits whose gain the new benefit would claim too */
    readonly overlaps: NonNullable<ErrorBody['error']['overlaps']> = [],
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = 'Fikk ikke kontakt med tjenesten. Sjekk nettverket og prøv igjen.';

/** A file sent as the body, as is, with its own content type. */
export class FileBody {
  constructor(readonly bytes: Blob, readonly type: string) {}
}

async function request<T>(method: string, path: string, body?: unknown, accept?: (status: number) => boolean): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const file = body instanceof FileBody;
  if (body !== undefined) headers['Content-Type'] = file ? body.type : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : file ? body.bytes : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const text = await response.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!response.ok && !(accept?.(response.status) && json !== undefined && !(json as ErrorBody).error)) {
    const error = (json as ErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `Tjenesten svarte med feil (${response.status}).`,
      error?.fields ?? [],
      error?.overlaps ?? [],
    );
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body: unknown) => request<T>('POST', path, body);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = <T>(path: string) => request<T>('DELETE', path);
/** Posts a file; `accept` lets a status other than 2xx answer with a body of type T (e.g. an import report on 422). */
export const postFile = <T>(path: string, file: Blob, type: string, accept?: (status: number) => boolean) =>
  request<T>('POST', path, new FileBody(file, type), accept);

/** Builds `?a=1&b=2`, leaving out empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
