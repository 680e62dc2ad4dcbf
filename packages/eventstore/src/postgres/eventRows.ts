import { InvalidAppendError, type EventData, type EventMetadata, type RecordedEvent } from '../port';

/** the columns every read selects, in `EventRow` order */
export const columns = 'global_position, stream_name, stream_revision, event_id, event_type, data, metadata';

/** a row as read with rowMode 'array': bigint columns arrive as decimal text, uuid as text */
export type EventRow = [globalPosition: string, streamName: string, streamRevision: string, eventId: string, eventType: string, data: string, metadata: string];

// the columns hold what the store wrote from validated events, so they are read back as such (unchecked: rebuilds read every event)
const parseData = (text: string): EventData => JSON.parse(text) as EventData;
const parseMetadata = (text: string): EventMetadata => JSON.parse(text) as EventMetadata;

/**
 * The events of one append carry the same metadata text: it is parsed once and the object shared by
 * those consecutive events (read-only, like every recorded event), as the SQLite adapter does.
 */
export const toRecordedEvents = (rows: EventRow[]): RecordedEvent[] => {
  const events = new Array<RecordedEvent>(rows.length);
  let shared: { text: string; metadata: EventMetadata } | undefined;
  let i = 0;
  for (const row of rows) {
    if (shared?.text !== row[6]) shared = { text: row[6], metadata: parseMetadata(row[6]) };
    events[i++] = {
      id: row[3],
      type: row[4],
      data: parseData(row[5]),
      metadata: shared.metadata,
      streamName: row[1],
      revision: BigInt(row[2]),
      globalPosition: BigInt(row[0]),
    };
  }
  return events;
};

/** PostgreSQL's LIMIT: NULL is no limit */
export const limitOf = (maxCount: number | undefined, field = 'maxCount'): number | null => {
  if (maxCount === undefined) return null;
  if (!Number.isInteger(maxCount) || maxCount < 0) throw new InvalidAppendError(`${field} must be a non-negative integer`, field);
  return maxCount;
};
