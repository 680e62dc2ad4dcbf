import { validate as isUuid } from 'uuid';
import { InvalidAppendError, categoryOf, type EventToAppend } from './port';

const whitespace = /\s/;

/** `<category>-<id>`: no whitespace, not a `$` system stream, a non-empty category and id. */
export const assertValidStreamName = (streamName: unknown, field = 'streamName'): string => {
  if (typeof streamName !== 'string' || streamName.length === 0)
    throw new InvalidAppendError(`${field} must be a non-empty string`, field);
  if (whitespace.test(streamName))
    throw new InvalidAppendError(`${field} "${streamName}" must not contain whitespace`, field);
  if (streamName.startsWith('$'))
    throw new InvalidAppendError(`${field} "${streamName}" must not start with "$" (reserved for system streams)`, field);
  const dash = streamName.indexOf('-');
  if (dash <= 0 || dash === streamName.length - 1)
    throw new InvalidAppendError(`${field} "${streamName}" must be "<category>-<id>"`, field);
  return streamName;
};

export const assertValidCategory = (category: unknown, field = 'category'): string => {
  if (typeof category !== 'string' || category.length === 0 || whitespace.test(category) || category.includes('-') || category.startsWith('$'))
    throw new InvalidAppendError(`${field} must be a non-empty name without "-", "$" or whitespace`, field);
  return category;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rejects a malformed batch before anything is written. Returns the batch, typed. */
export const assertValidEvents = (events: unknown): EventToAppend[] => {
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array', 'events');
  const seen = new Set<string>();
  events.forEach((event: unknown, i) => {
    const at = `events[${i}]`;
    if (!isPlainObject(event)) throw new InvalidAppendError(`${at} must be an object`, at);
    if (typeof event.type !== 'string' || event.type.trim().length === 0)
      throw new InvalidAppendError(`${at}.type must be a non-empty string`, `${at}.type`);
    if (!isPlainObject(event.data)) throw new InvalidAppendError(`${at}.data must be a JSON object`, `${at}.data`);
    if (event.id !== undefined) {
      if (typeof event.id !== 'string' || !isUuid(event.id))
        throw new InvalidAppendError(`${at}.id must be a UUID`, `${at}.id`);
      const id = event.id.toLowerCase();
      if (seen.has(id)) throw new InvalidAppendError(`${at}.id ${event.id} appears twice in the batch`, `${at}.id`);
      seen.add(id);
    }
    const metadata = event.metadata;
    if (metadata === undefined) return;
    if (!isPlainObject(metadata)) throw new InvalidAppendError(`${at}.metadata must be an object`, `${at}.metadata`);
    for (const key of ['userId', 'correlationId', 'causationId'] as const)
      if (metadata[key] !== undefined && typeof metadata[key] !== 'string')
        throw new InvalidAppendError(`${at}.metadata.${key} must be a string`, `${at}.metadata.${key}`);
    const { recordedAt, schemaVersion } = metadata;
    if (recordedAt !== undefined && (typeof recordedAt !== 'string' || Number.isNaN(Date.parse(recordedAt))))
      throw new InvalidAppendError(`${at}.metadata.recordedAt must be an ISO instant`, `${at}.metadata.recordedAt`);
    if (schemaVersion !== undefined && (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1))
      throw new InvalidAppendError(`${at}.metadata.schemaVersion must be a positive integer`, `${at}.metadata.schemaVersion`);
  });
  return events as EventToAppend[];
};

/** JSON text of a payload; rejects what JSON cannot hold (BigInt, cycles). */
export const toJson = (value: unknown, field: string): string => {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(`${field} is not JSON-serialisable: ${error instanceof Error ? error.message : String(error)}`, field);
  }
};

export { categoryOf };
