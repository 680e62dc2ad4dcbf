import { IdempotencyKeyStoredError, InvalidAppendError, WrongExpectedRevisionError, type AppendResult, type ExpectedRevision, type IdempotencyRecord } from '../port';
import type { PreparedEvent } from '../sqlite/preparedEvent';

/** one append as the group function takes it */
export interface PendingAppend {
  streamName: string;
  batch: PreparedEvent[];
  expected: ExpectedRevision;
  record?: IdempotencyRecord;
}

/** a row of `gevinst_append_group` (bigints as decimal text) */
export interface AppendOutcomeRow {
  outcome: 'ok' | 'wrong_revision' | 'id_elsewhere' | 'id_stored' | 'key_stored';
  next_revision: string | null;
  last_position: string | null;
  detail: string | null;
}

const appendSeparator = '\u001d';

/** the group's appends as the function's array parameters (every event of every append, flattened) */
export const groupParameters = (group: PendingAppend[]): unknown[] => {
  const streams: string[] = [];
  const expected: string[] = [];
  const counts: number[] = [];
  const ids: string[] = [];
  const idGiven: boolean[] = [];
  const types: string[] = [];
  const data: string[] = [];
  const metadata: string[] = [];
  // one JSON object (or null) per append, as gevinst_append_group reads it
  const keys: unknown[] = [];
  // the events' JSON texts joined (see gevinst_append_group): no array literal to escape on either side
  const eventSeparator = '\u001e';
  for (const append of group) {
    streams.push(append.streamName);
    expected.push(String(append.expected));
    counts.push(append.batch.length);
    const record = append.record;
    keys.push(record ? { scope: record.scope, key: record.key, fingerprint: record.fingerprint, answer: record.answer, fields: record.resultFields ?? {} } : null);
    for (const event of append.batch) {
      ids.push(event.id);
      idGiven.push(event.idGiven);
      types.push(event.type);
    }
    data.push(append.batch.map((e) => e.data).join(eventSeparator));
    metadata.push(append.batch.map((e) => e.metadata).join(eventSeparator));
  }
  const anyKey = keys.some((k) => k !== null);
  return [streams, expected, counts, ids, idGiven, types, data.join(appendSeparator), metadata.join(appendSeparator), anyKey ? JSON.stringify(keys) : null];
};

/** what the caller of one append gets: its result, or the error that says why nothing was written */
export const settleAppend = (append: PendingAppend, row: AppendOutcomeRow | undefined): AppendResult => {
  const { streamName, batch, expected } = append;
  switch (row?.outcome) {
    case 'ok':
      return { nextExpectedRevision: BigInt(row.next_revision ?? -1), globalPosition: BigInt(row.last_position ?? -1) };
    case 'wrong_revision': {
      const current = BigInt(row.detail ?? -1);
      throw new WrongExpectedRevisionError(streamName, expected, current < 0n ? 'no_stream' : current);
    }
    case 'id_elsewhere':
      throw new InvalidAppendError(`events[0].id ${batch[0]?.id} is already stored in another stream`, 'events[0].id');
    case 'id_stored': {
      const i = Math.max(0, Number(row.detail ?? 0));
      throw new InvalidAppendError(`events[${i}].id ${batch[i]?.id} is already stored`, `events[${i}].id`);
    }
    case 'key_stored':
      throw new IdempotencyKeyStoredError(append.record?.scope ?? '', append.record?.key ?? '');
    default:
      throw new Error(`The event store answered no outcome for an append to ${streamName}`);
  }
};
