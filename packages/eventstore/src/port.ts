/**
 * The EventStore port. It mirrors EventStoreDB's semantics so that the embedded SQLite adapter and
 * the EventStoreDB (KurrentDB) adapter pass one contract suite:
 * - streams are named `<category>-<id>`; the category is the prefix before the first `-`;
 * - stream revisions are 0-based; the global position orders every event in the store;
 * - `readAll` and subscriptions start strictly *after* the given position (exclusive);
 * - an append names its expected revision and fails with `WrongExpectedRevisionError` otherwise;
 * - re-sent event ids (one rule for every adapter): a batch whose first event id is already stored is
 *   a retry. When its ids equal the ids stored in that stream from there on, in order, it succeeds,
 *   writes nothing and answers the first append's result — whatever expected revision it names (the
 *   original one, the stream's current one, 'any'). A partial match is a `WrongExpectedRevisionError`;
 *   an id stored in another stream, or a later id of the batch already stored, is an `InvalidAppendError`
 *   naming that event's id field;
 * - data and metadata are plain JSON (validation.ts, `assertPlainJson`): a Buffer, a Date, a Map, a
 *   class instance, NaN, ±Infinity or `undefined` in an array is refused with `InvalidAppendError`
 *   naming the field, before anything is written, because JSON would store it changed;
 * - a subscription signals `onCaughtUp` only after its handler has handled every history event.
 */

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** JSON-compatible event payload. */
export type EventData = Record<string, unknown>;

export interface EventMetadata {
  /** who recorded the fact (X-User-Id in the API, a service name for automation) */
  userId?: string;
  /** ISO instant at which the fact was recorded; set by the store when absent */
  recordedAt: string;
  correlationId?: string;
  causationId?: string;
  /** schema version of the event's data, for upcasting; 1 when absent */
  schemaVersion: number;
  [key: string]: unknown;
}

export interface EventToAppend<Type extends string = string, Data extends EventData = EventData> {
  /** UUID; makes a retried append idempotent. Generated (UUID v7) when absent. */
  id?: string;
  type: Type;
  data: Data;
  metadata?: Partial<EventMetadata>;
}

export interface RecordedEvent<Type extends string = string, Data extends EventData = EventData> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  streamName: string;
  /** 0-based revision within its stream */
  revision: bigint;
  /** position in the whole store ($all); strictly increasing */
  globalPosition: bigint;
}

/**
 * The first answer to a request sent with an idempotency key, for an append to store in its own
 * transaction (`AppendOptions.idempotency`): the record commits with the events or not at all.
 */
export interface IdempotencyRecord {
  /** who sent the key (the API: the user id); a key is unique within its scope */
  scope: string;
  key: string;
  /** tells the request apart from another one sent with the same key */
  fingerprint: string;
  /** the answer to store, plain JSON */
  answer: Record<string, unknown>;
  /** fields of `answer` the store sets to the append's result (decimal text) before storing it */
  resultFields?: { nextExpectedRevision?: string; globalPosition?: string };
}

export interface AppendOptions {
  /** default 'any' */
  expectedRevision?: ExpectedRevision;
  /**
   * Stored in the append's own transaction (SQLite, PostgreSQL): a refused append stores none. When
   * a record with that scope and key is stored already (a concurrent request sent the key first),
   * the append writes nothing and rejects with `IdempotencyKeyStoredError`: the caller answers with
   * the stored record. KurrentDB cannot write beside its events and ignores it.
   */
  idempotency?: IdempotencyRecord;
}

export interface AppendResult {
  /** the stream's revision after the append (the revision of its last event; -1n for no stream) */
  nextExpectedRevision: bigint;
  /** the global position of the last event of the batch; -1n when the batch was empty */
  globalPosition: bigint;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** inclusive; default: the start (forwards) or the end (backwards) */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** exclusive; default: from the very start */
  after?: bigint;
  maxCount?: number;
}

export interface SubscriptionHandlerContext {
  /**
   * Asks the subscription to stop after this handler call; resolves when it has stopped (so a handler
   * must not await it, or it waits for itself).
   */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** exclusive checkpoint; default: from the very start */
  after?: bigint;
  /** only events of this stream category (`benefit` for `benefit-…`) */
  category?: string;
  /**
   * Called in global order, history first, then live, with no gap and no duplicate at the hand-over.
   * If it throws, the subscription stops at that event (the event is not acknowledged).
   */
  handle(events: RecordedEvent[], context: SubscriptionHandlerContext): Promise<void> | void;
  /** called once when every history event has been handled (not merely received) and the subscription goes live */
  onCaughtUp?(position: bigint | undefined): void;
  /** max events per handler call */
  batchSize?: number;
}

export interface Subscription {
  stop(): Promise<void>;
  /** resolves when stopped, rejects with the handler's (or the store's) error */
  readonly done: Promise<void>;
}

export interface EventStore {
  appendToStream(streamName: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** returns [] for a stream that does not exist */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  readCategory(category: string, options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** Position store for subscribers; SQLite stores it in the same transaction as the read model. */
export interface CheckpointStore {
  load(subscriberId: string): Promise<bigint | undefined>;
  store(subscriberId: string, position: bigint): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** the stream's current revision, or 'no_stream' */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Wrong expected revision on ${streamName}: expected ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The append's idempotency key was stored first by another request: nothing of this append is written. */
export class IdempotencyKeyStoredError extends Error {
  readonly name = 'IdempotencyKeyStoredError';
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super(`The idempotency key ${key} is stored already`);
  }
}

/** the answer an `IdempotencyRecord` stores for an append's result (what a store does in its own terms) */
export const completedAnswer = (record: IdempotencyRecord, result: AppendResult): Record<string, unknown> => {
  const { nextExpectedRevision, globalPosition } = record.resultFields ?? {};
  return {
    ...record.answer,
    ...(nextExpectedRevision === undefined ? {} : { [nextExpectedRevision]: result.nextExpectedRevision.toString() }),
    ...(globalPosition === undefined ? {} : { [globalPosition]: result.globalPosition.toString() }),
  };
};

/** A bad stream name or a malformed event, rejected before anything is written. */
export class InvalidAppendError extends Error {
  readonly name = 'InvalidAppendError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const categoryOf = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash < 0 ? streamName : streamName.slice(0, dash);
};
