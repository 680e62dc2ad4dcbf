import type Database from 'better-sqlite3';
import type { ReadAllOptions, RecordedEvent } from '../port';
import { assertValidCategory } from '../validation';
import { columns, limitOf, toRecordedEvents, type EventRow } from './eventRows';
import type { Lifecycle } from './lifecycle';

/** Every event strictly after `after`, in global order. */
export const readAll = (db: Database.Database, lifecycle: Lifecycle) => {
  const after = db
    .prepare<[bigint, number], EventRow>(`SELECT ${columns} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
    .raw(true);

  return (options?: ReadAllOptions): RecordedEvent[] => {
    lifecycle.assertOpen();
    return toRecordedEvents(after.all(options?.after ?? 0n, limitOf(options?.maxCount)));
  };
};

/** The events of one category's streams strictly after `after`, in global order. */
export const readCategory = (db: Database.Database, lifecycle: Lifecycle) => {
  const after = db
    .prepare<[string, bigint, number], EventRow>(`SELECT ${columns} FROM events WHERE category = ? AND global_position > ? ORDER BY global_position LIMIT ?`)
    .raw(true);

  return (category: string, options?: ReadAllOptions): RecordedEvent[] => {
    lifecycle.assertOpen();
    assertValidCategory(category);
    return toRecordedEvents(after.all(category, options?.after ?? 0n, limitOf(options?.maxCount)));
  };
};
