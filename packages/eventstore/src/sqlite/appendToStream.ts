import type Database from 'better-sqlite3';
import { categoryOf, completedAnswer, IdempotencyKeyStoredError, InvalidAppendError, type AppendResult, type ExpectedRevision, type IdempotencyRecord } from '../port';
import { revisionMatches, wrongRevision } from './expectedRevision';
import { retriedAppend } from './idempotency';
import type { PreparedEvent } from './preparedEvent';
import { sqliteCodeOf } from './sqliteError';

/** what `alongside` is: see SqliteAppendOptions */
export type Alongside = (result: AppendResult) => void;

/**
 * One append, in its own transaction (a SAVEPOINT when it runs inside a group commit): checks the
 * expected revision against the stream's last one, inserts the events, stores the idempotency record
 * (a key stored already rolls the append back), then runs `alongside`.
 */
export const appendToStream = (db: Database.Database) => {
  const currentRevisionOf = db
    .prepare<[string], number>('SELECT stream_revision FROM events WHERE stream_name = ? ORDER BY stream_revision DESC LIMIT 1')
    .pluck();
  const insert = db.prepare(
    'INSERT INTO events (stream_name, stream_revision, category, event_id, event_type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const retried = retriedAppend(db);
  const insertKey = db.prepare('INSERT INTO idempotency_keys (user_id, key, fingerprint, result, created_at) VALUES (?, ?, ?, ?, ?)');
  const storeRecord = (record: IdempotencyRecord, result: AppendResult) => {
    try {
      insertKey.run(record.scope, record.key, record.fingerprint, JSON.stringify(completedAnswer(record, result)), new Date().toISOString());
    } catch (error) {
      if (sqliteCodeOf(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new IdempotencyKeyStoredError(record.scope, record.key);
      throw error;
    }
  };

  const appendRows = (streamName: string, batch: PreparedEvent[], expected: ExpectedRevision): AppendResult => {
    const current = currentRevisionOf.get(streamName) ?? -1;
    const retry = retried(streamName, batch, expected, current);
    if (retry) return retry;
    if (!revisionMatches(expected, current)) throw wrongRevision(streamName, expected, current);
    if (batch.length === 0) return { nextExpectedRevision: BigInt(current), globalPosition: -1n };
    const category = categoryOf(streamName);
    let position = 0;
    let revision = current;
    batch.forEach((event, i) => {
      try {
        position = Number(insert.run(streamName, ++revision, category, event.id, event.type, event.data, event.metadata).lastInsertRowid);
      } catch (error) {
        if (sqliteCodeOf(error) === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('event_id'))
          throw new InvalidAppendError(`events[${i}].id ${event.id} is already stored`, `events[${i}].id`);
        throw error;
      }
    });
    return { nextExpectedRevision: BigInt(revision), globalPosition: BigInt(position) };
  };

  return db.transaction((streamName: string, batch: PreparedEvent[], expected: ExpectedRevision, record?: IdempotencyRecord, alongside?: Alongside): AppendResult => {
    const result = appendRows(streamName, batch, expected);
    if (record) storeRecord(record, result);
    alongside?.(result);
    return result;
  });
};
