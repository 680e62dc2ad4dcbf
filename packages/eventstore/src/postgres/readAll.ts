import type { Pool } from 'pg';
import type { ReadAllOptions, RecordedEvent } from '../port';
import { assertValidCategory } from '../validation';
import { columns, limitOf, toRecordedEvents, type EventRow } from './eventRows';
import type { Lifecycle } from '../sqlite/lifecycle';

/**
 * Every event strictly after `after`, in global order. A reader never sees a later position before an
 * earlier one commits: positions are handed out under the store's advisory lock (see groupCommit.ts).
 */
export const readAll = (pool: Pool, schema: string, lifecycle: Lifecycle) => {
  const text = `SELECT ${columns} FROM ${schema}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`;
  return async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
    lifecycle.assertOpen();
    const limit = limitOf(options?.maxCount);
    if (limit === 0) return [];
    const result = await pool.query<EventRow>({ name: `${schema}.readAll`, text, values: [String(options?.after ?? 0n), limit], rowMode: 'array' });
    return toRecordedEvents(result.rows);
  };
};

/** The events of one category's streams strictly after `after`, in global order. */
export const readCategory = (pool: Pool, schema: string, lifecycle: Lifecycle) => {
  const text = `SELECT ${columns} FROM ${schema}.events WHERE category = $1 AND global_position > $2 ORDER BY global_position LIMIT $3`;
  return async (category: string, options?: ReadAllOptions): Promise<RecordedEvent[]> => {
    lifecycle.assertOpen();
    assertValidCategory(category);
    const limit = limitOf(options?.maxCount);
    if (limit === 0) return [];
    const result = await pool.query<EventRow>({
      name: `${schema}.readCategory`,
      text,
      values: [category, String(options?.after ?? 0n), limit],
      rowMode: 'array',
    });
    return toRecordedEvents(result.rows);
  };
};
