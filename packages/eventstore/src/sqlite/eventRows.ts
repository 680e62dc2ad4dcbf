import { InvalidAppendError, type EventData, type EventMetadata, type RecordedEvent } from '../port';

/** the columns every read selects, in `EventRow` order */
export const columns = 'global_position, stream_name, stream_revision, event_id, event_type, data, metadata';

/** a row as read with `.raw()`: an array in `columns` order (no per-row object with named keys) */
export type EventRow = [globalPosition: number, streamName: string, streamRevision: number, eventId: string, eventType: string, data: string, metadata: string];

// `JSON.parse` answers `any`; the columns hold what the store wrote from validated events, so they are read back as such (unchecked: rebuilds read every event)
const parseData = (text: string): EventData => JSON.parse(text) as EventData;
const parseMetadata = (text: string): EventMetadata => JSON.parse(text) as EventMetadata;

/**
 * Positions and revisions are read as numbers (exact below 2^53, which no store reaches) and made
 * bigints here: cheaper than better-sqlite3's safeIntegers, which builds a bigint per integer column.
 */
const toRecordedEvent = (row: EventRow, metadata: EventMetadata): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: parseData(row[5]),
  metadata,
  streamName: row[1],
  revision: BigInt(row[2]),
  globalPosition: BigInt(row[0]),
});

/**
 * The events of one append carry the same metadata text (user, recordedAt, correlation): it is parsed
 * once and the object shared by those consecutive events (like every recorded event, it is read-only).
 * On a rebuild this saves a parse and an object per event, most of the garbage collector's work.
 */
export const toRecordedEvents = (rows: EventRow[]): RecordedEvent[] => {
  const events = new Array<RecordedEvent>(rows.length);
  let shared: { text: string; metadata: EventMetadata } | undefined;
  let i = 0;
  for (const row of rows) {
    if (shared?.text !== row[6]) shared = { text: row[6], metadata: parseMetadata(row[6]) };
    events[i++] = toRecordedEvent(row, shared.metadata);
  }
  return events;
};

/** SQLite's LIMIT for "no limit" */
const noLimit = -1;

export const limitOf = (maxCount: number | undefined, field = 'maxCount'): number => {
  if (maxCount === undefined) return noLimit;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new InvalidAppendError(`${field} must be a non-negative integer`, field);
  return maxCount;
};
