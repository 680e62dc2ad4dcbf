import { eventSchemas, isEventType, parseEvent } from '@gevinst/domain/events';
import type { RecordedEvent } from '@gevinst/eventstore';
import type { ProjectedEvent } from './projection';

/**
 * The one edge where a recorded event becomes a typed `GevinstEvent`: an event of an unknown type is
 * left out; one stored at an older schema version goes through the domain's upcaster + parser. One
 * at the current version was validated on the way in and is taken as it is (parsing every event
 * would halve rebuild speed).
 */
export const upcastRecorded = (event: RecordedEvent): ProjectedEvent | null => {
  if (!isEventType(event.type)) return null;
  const version = event.metadata?.schemaVersion ?? 1;
  if (version === eventSchemas[event.type].schemaVersion) return event as ProjectedEvent;
  return parseEvent(event);
};
