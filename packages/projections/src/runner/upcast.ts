import { eventSchemas, isEventType, parseEvent } from '@gevinst/domain/events/index';
import type { RecordedEvent } from '@gevinst/eventstore/port';

/**
 * Events were validated on the way in; only those stored at an older schema version go through
 * the domain's upcaster + parser on the way out (parsing every event would halve rebuild speed).
 */
export const upcastRecorded = (event: RecordedEvent): RecordedEvent | null => {
  if (!isEventType(event.type)) return null;
  const version = event.metadata?.schemaVersion ?? 1;
  if (version === eventSchemas[event.type].schemaVersion) return event;
  return parseEvent(event) as unknown as RecordedEvent;
};
