/**
 * How large a spreadsheet upload may be before anything parses it. The defaults are far above any
 * real gevinstrealiseringsplan (5,000 rows are ~0.5 MB packed, ~6 MB unpacked) and far below what
 * a hostile file needs to hurt the server.
 */
export interface UploadLimits {
  /** the request body (the packed .xlsx) */
  maxBytes: number;
  /** all the zip's entries together, unpacked */
  maxUnzippedBytes: number;
  /** any one entry that is not a worksheet or the shared strings (styles, images, drawings …) */
  maxOtherEntryBytes: number;
  /** entries in the zip */
  maxEntries: number;
  /** unpacked ÷ packed of one entry above `ratioFloorBytes`; deflate tops out near 1 000 */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** rows with a value, in any one worksheet */
  maxRows: number;
  /** plans read at the same time (each in its own worker thread) */
  concurrency: number;
  /** plans waiting for a worker; beyond that the upload is answered 503 */
  maxQueued: number;
  /** a worker's heap (V8 old generation) */
  workerMemoryMb: number;
  /** a worker still reading after this is stopped (20,000 rows take ~5–12 s on a busy 2-core host) */
  timeoutMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 5_000_000,
  maxUnzippedBytes: 50_000_000,
  maxOtherEntryBytes: 10_000_000,
  maxEntries: 1_000,
  maxCompressionRatio: 200,
  ratioFloorBytes: 1_000_000,
  maxRows: 20_000,
  concurrency: 1,
  maxQueued: 4,
  workerMemoryMb: 256,
  timeoutMs: 60_000,
};

const ENV: Partial<Record<keyof UploadLimits, string>> = {
  maxBytes: 'GEVINST_IMPORT_MAX_BYTES',
  maxUnzippedBytes: 'GEVINST_IMPORT_MAX_UNZIPPED_BYTES',
  maxRows: 'GEVINST_IMPORT_MAX_ROWS',
  concurrency: 'GEVINST_IMPORT_CONCURRENCY',
  maxQueued: 'GEVINST_IMPORT_MAX_QUEUED',
  workerMemoryMb: 'GEVINST_IMPORT_WORKER_MEMORY_MB',
  timeoutMs: 'GEVINST_IMPORT_TIMEOUT_MS',
};

/** The defaults, with each limit an environment variable sets (a positive whole number) in its place. */
export function uploadLimitsFromEnv(env: Record<string, string | undefined> = process.env, base: UploadLimits = DEFAULT_UPLOAD_LIMITS): UploadLimits {
  const limits = { ...base };
  for (const [key, name] of Object.entries(ENV) as [keyof UploadLimits, string][]) {
    const text = env[name]?.trim();
    if (!text) continue;
    if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${name} must be a positive whole number, got «${text}»`);
    limits[key] = Number(text);
  }
  return limits;
}

/** «214 MB», «4,8 MB», «0,3 MB» (decimal megabytes, as the limits are set) */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb.toLocaleString('nb-NO', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** «20 000» */
export function count(n: number): string {
  return n.toLocaleString('nb-NO');
}
