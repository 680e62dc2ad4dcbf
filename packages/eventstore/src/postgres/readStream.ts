import type { Pool } from 'pg';
import type { ReadStreamOptions, RecordedEvent } from '../port';
import type { Lifecycle } from '../sqlite/lifecycle';
import { assertValidStreamName } from '../validation';
import { columns, limitOf, toRecordedEvents, type EventRow } from './eventRows';

/** The events of one stream, forwards from `fromRevision` (default its start) or backwards from it (default its end). */
export const readStream = (pool: Pool, schema: string, lifecycle: Lifecycle) => {
  const forwards = `SELECT ${columns} FROM ${schema}.events WHERE stream_name = $1 AND stream_revision >= $2 ORDER BY stream_revision LIMIT $3`;
  const backwards = `SELECT ${columns} FROM ${schema}.events WHERE stream_name = $1 AND stream_revision <= $2 ORDER BY stream_revision DESC LIMIT $3`;

  return async (streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> => {
    lifecycle.assertOpen();
    assertValidStreamName(streamName);
    const limit = limitOf(options?.maxCount);
    if (limit === 0) return [];
    const from = options?.fromRevision;
    const back = options?.direction === 'backwards';
    const result = await pool.query<EventRow>({
      name: `${schema}.readStream.${back ? 'backwards' : 'forwards'}`,
      text: back ? backwards : forwards,
      values: [streamName, from === undefined ? (back ? '9223372036854775807' : '0') : String(from), limit],
      rowMode: 'array',
    });
    return toRecordedEvents(result.rows);
  };
};
