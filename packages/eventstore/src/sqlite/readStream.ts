import type Database from 'better-sqlite3';
import type { ReadStreamOptions, RecordedEvent } from '../port';
import { assertValidStreamName } from '../validation';
import { columns, limitOf, toRecordedEvents, type EventRow } from './eventRows';
import type { Lifecycle } from './lifecycle';

/** The events of one stream, forwards from `fromRevision` (default its start) or backwards from it (default its end). */
export const readStream = (db: Database.Database, lifecycle: Lifecycle) => {
  const forwards = db
    .prepare<[string, number, number], EventRow>(`SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?`)
    .raw(true);
  const backwards = db
    .prepare<[string, number, number], EventRow>(`SELECT ${columns} FROM events WHERE stream_name = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?`)
    .raw(true);

  return (streamName: string, options?: ReadStreamOptions): RecordedEvent[] => {
    lifecycle.assertOpen();
    assertValidStreamName(streamName);
    const limit = limitOf(options?.maxCount);
    const from = options?.fromRevision;
    if (options?.direction === 'backwards')
      return toRecordedEvents(backwards.all(streamName, from === undefined ? Number.MAX_SAFE_INTEGER : Number(from), limit));
    return toRecordedEvents(forwards.all(streamName, from === undefined ? 0 : Number(from), limit));
  };
};
