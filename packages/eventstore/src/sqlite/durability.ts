/**
 * SQLite's `synchronous` setting in WAL mode:
 * - `NORMAL`: a commit is written to the WAL but not fsynced; the WAL is fsynced at checkpoints.
 *   A crash of the process loses nothing. A power cut or OS crash keeps the file consistent (whole
 *   transactions or nothing), but may roll back the last transactions committed before it.
 * - `FULL`: every commit fsyncs the WAL; an acknowledged append survives a power cut. Costs one
 *   fsync per append (on ordinary disks a few hundred to a few thousand appends per second).
 */
export type Synchronous = 'NORMAL' | 'FULL';

export const defaultSynchronous: Synchronous = 'FULL';
