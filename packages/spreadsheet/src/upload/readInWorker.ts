import { parsePlanWorkbook, unreadableWorkbook, type ParsedPlan } from '../read/parsePlanWorkbook';
import type { UploadLimits } from './limits';
import { UploadRefused } from './refusals';
import { checkZipContents } from './zipContents';
import { openCheckedZip } from './zipDirectory';

/** What crosses back from the worker (structured clone: plain data only). */
export type WorkerAnswer =
  | { kind: 'parsed'; parsed: ParsedPlan }
  | { kind: 'refused'; status: 413 | 503; code: string; message: string };

/**
 * The whole read of an uploaded plan, as the worker thread runs it: the zip's directory, then every
 * entry unpacked as a stream (real sizes, rows counted), and only then the workbook reader.
 */
export async function readUploadedPlan(bytes: Buffer, limits: UploadLimits): Promise<WorkerAnswer> {
  try {
    const opened = await openCheckedZip(bytes, limits);
    if (opened.kind === 'unreadable' || (await checkZipContents(opened, limits)) === 'unreadable') return { kind: 'parsed', parsed: unreadableWorkbook() };
    return { kind: 'parsed', parsed: await parsePlanWorkbook(bytes) };
  } catch (error) {
    if (error instanceof UploadRefused) return { kind: 'refused', status: error.status, code: error.code, message: error.message };
    throw error;
  }
}
