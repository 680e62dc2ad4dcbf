import type Database from 'better-sqlite3';
import { InvalidAppendError, type AppendResult, type ExpectedRevision } from '../port';
import { wrongRevision } from './expectedRevision';
import type { PreparedEvent } from './preparedEvent';

/**
 * A retry of a batch already stored: its first id is in the store. It succeeds, writing nothing and
 * answering the first append's result, when every id matches the stream's events from that point on,
 * in order — whatever the expected revision (the rule of port.ts). Anything else (a partial match) is
 * a wrong expected revision. Returns undefined when the batch is not a retry.
 */
export const retriedAppend = (db: Database.Database) => {
  const eventById = db.prepare<[string], { stream_name: string; stream_revision: number; global_position: number }>(
    'SELECT stream_name, stream_revision, global_position FROM events WHERE event_id = ?',
  );
  const idsFrom = db.prepare<[string, number, number], { event_id: string; global_position: number }>(
    'SELECT event_id, global_position FROM events WHERE stream_name = ? AND stream_revision >= ? ORDER BY stream_revision LIMIT ?',
  );

  return (streamName: string, batch: PreparedEvent[], expected: ExpectedRevision, current: number): AppendResult | undefined => {
    const head = batch[0];
    if (head === undefined || !head.idGiven) return undefined;
    const first = eventById.get(head.id);
    if (!first) return undefined;
    if (first.stream_name !== streamName)
      throw new InvalidAppendError(`events[0].id ${head.id} is already stored in another stream`, 'events[0].id');
    const stored = idsFrom.all(streamName, first.stream_revision, batch.length);
    const last = stored[stored.length - 1];
    if (last === undefined || stored.length !== batch.length || stored.some((row, i) => row.event_id !== batch[i]?.id))
      throw wrongRevision(streamName, expected, current);
    return {
      nextExpectedRevision: BigInt(first.stream_revision + batch.length - 1),
      globalPosition: BigInt(last.global_position),
    };
  };
};
