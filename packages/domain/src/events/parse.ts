import { parseWith, ValidationError } from '../errors';
import { eventSchemas, isEventType, type EventDataOf, type EventType, type GevinstEvent } from './catalogue';
import { upcasters } from './upcasters';

const eventTypeOrThrow = (type: string): EventType => {
  if (!isEventType(type))
    throw new ValidationError(`Ukjent hendelsestype: ${type}`, [{ path: 'type', message: `Ukjent hendelsestype: ${type}` }], 'unknown_event_type');
  return type;
};

/** Validates an event's data on the way in (before it is appended); returns it with defaults filled. */
export const validateEvent = <T extends EventType>(type: T, data: unknown): EventDataOf<T> => {
  eventTypeOrThrow(type);
  return parseWith(eventSchemas[type].schema, data, `Ugyldige data for hendelsen ${type}`) as EventDataOf<T>;
};

/** Brings data stored at `fromVersion` up to the current schema version of its type. */
export const upcast = (type: EventType, data: unknown, fromVersion: number): unknown => {
  const current = eventSchemas[type].schemaVersion;
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > current)
    throw new ValidationError(
      `Ukjent skjemaversjon ${fromVersion} for ${type} (gjeldende er ${current})`,
      [{ path: 'metadata.schemaVersion', message: `Ukjent skjemaversjon ${fromVersion}` }],
      'unknown_schema_version',
    );
  let upcasted = data;
  for (let version = fromVersion; version < current; version++) {
    const step = upcasters[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from version ${version}`);
    upcasted = step(upcasted as Record<string, unknown>);
  }
  return upcasted;
};

interface StoredEventLike {
  type: string;
  data: unknown;
  metadata?: { schemaVersion?: number } | undefined;
}

/**
 * Validates an event on the way out of the store: upcasts its data from `metadata.schemaVersion`
 * (1 when absent) to the current version and parses it. Other fields (id, revision, …) are kept;
 * `metadata.schemaVersion` becomes the current version.
 */
export const parseEvent = <E extends StoredEventLike>(event: E): Omit<E, 'type' | 'data'> & GevinstEvent => {
  const type = eventTypeOrThrow(event.type);
  const fromVersion = event.metadata?.schemaVersion ?? 1;
  const data = parseWith(
    eventSchemas[type].schema,
    upcast(type, event.data, fromVersion),
    `Lagret hendelse ${type} er ugyldig`,
  );
  const metadata = event.metadata ? { ...event.metadata, schemaVersion: eventSchemas[type].schemaVersion } : event.metadata;
  return { ...event, type, data, metadata } as unknown as Omit<E, 'type' | 'data'> & GevinstEvent;
};
