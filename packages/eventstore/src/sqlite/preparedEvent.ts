import { v7 as uuidv7 } from 'uuid';
import type { EventToAppend } from '../port';
import { toJson } from '../validation';

/** an event as it is inserted: its id decided, its data and metadata JSON text */
export interface PreparedEvent {
  id: string;
  /** the caller gave the id (so the append may be a retry of one already stored) */
  idGiven: boolean;
  type: string;
  data: string;
  metadata: string;
}

/** ids, `recordedAt` and `schemaVersion` are filled in here, when the append is called (not when its group commits) */
export const prepareEvents = (events: EventToAppend[]): PreparedEvent[] => {
  const now = new Date().toISOString();
  return events.map((event, i) => ({
    id: event.id?.toLowerCase() ?? uuidv7(),
    idGiven: event.id !== undefined,
    type: event.type,
    data: toJson(event.data, `events[${i}].data`),
    metadata: toJson({ ...event.metadata, recordedAt: event.metadata?.recordedAt ?? now, schemaVersion: event.metadata?.schemaVersion ?? 1 }, `events[${i}].metadata`),
  }));
};
