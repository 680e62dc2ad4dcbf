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

const describe = (value: unknown): string => {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name ? `a ${name}` : 'an object that is not plain';
};

/**
 * Plain JSON only: strings, finite numbers, booleans, null, arrays of those and objects whose
 * prototype is Object's (or null). A Buffer, a Date, a Map, a class instance, NaN, ±Infinity, a
 * bigint, a function, `undefined` in an array (or an array hole) or a cycle is refused naming the
 * field, because JSON would store it changed (or not at all). An object property that is
 * `undefined` is allowed: it is left out, as JSON does and as reading an absent property answers.
 */
export const assertPlainJson = (value: unknown, field: string): void => {
  const ancestors = new Set<object>();
  // the path is built only on the way back from a failure (appends validate every event)
  type Failure = { path: string; reason: string };
  const walk = (v: unknown): Failure | undefined => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return undefined;
      case 'number':
        return Number.isFinite(v) ? undefined : { path: '', reason: `${describe(v)} is not a JSON number` };
      case 'object': {
        if (v === null) return undefined;
        if (ancestors.has(v)) return { path: '', reason: 'it refers to itself (a cycle)' };
        ancestors.add(v);
        let failure: Failure | undefined;
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length && !failure; i++) {
            const item: unknown = v[i];
            failure = !(i in v) || item === undefined ? { path: '', reason: 'undefined in an array' } : walk(item);
            if (failure) failure = { path: `[${i}]${failure.path}`, reason: failure.reason };
          }
        } else {
          const prototype: unknown = Object.getPrototypeOf(v);
          if (prototype !== Object.prototype && prototype !== null) failure = { path: '', reason: `${describe(v)} is not a plain object` };
          else
            for (const key in v) {
              const item: unknown = (v as Record<string, unknown>)[key];
              if (item === undefined || !Object.prototype.hasOwnProperty.call(v, key)) continue;
              failure = walk(item);
              if (failure) {
                failure = { path: `.${key}${failure.path}`, reason: failure.reason };
                break;
              }
            }
        }
        ancestors.delete(v);
        return failure;
      }
      default:
        return { path: '', reason: `${describe(v)} is not a JSON value` };
    }
  };
  const failure = walk(value);
  if (failure) throw new InvalidAppendError(`${field}${failure.path} must be plain JSON: ${failure.reason}`, `${field}${failure.path}`);
};

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
    assertPlainJson(event.data, `${at}.data`);
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
    assertPlainJson(metadata, `${at}.metadata`);
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
