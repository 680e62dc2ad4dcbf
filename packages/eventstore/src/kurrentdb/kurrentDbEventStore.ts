import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type Filter,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { v7 as uuidv7 } from 'uuid';
import {
  InvalidAppendError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../port';
import { assertValidCategory, assertValidEvents, assertValidStreamName, toJson } from '../validation';

/**
 * Positions. The server orders $all by (commit, prepare); for events appended without explicit
 * transactions (all of Gevinst's) both equal the event's own log position, so the port's single
 * bigint is the commit position and maps back to { commit: p, prepare: p }.
 * A `readAll` *from* a position includes the event at it; a subscription starts *after* it. The port
 * is exclusive everywhere, so reads drop the event at the start position itself.
 */
const toReadPosition = (after: bigint | undefined): ReadPosition => (after === undefined ? START : { commit: after, prepare: after });

const toExpectedState = (expected: ExpectedRevision): AppendStreamState => expected;

type AnyResolved = ResolvedEvent | AllStreamResolvedEvent;

const toRecordedEvent = (resolved: AnyResolved): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) throw new Error(`KurrentDB returned ${event.streamId}@${event.revision} without a position (server older than 22.6?)`);
  return {
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: (event.metadata ?? { recordedAt: event.created.toISOString(), schemaVersion: 1 }) as EventMetadata,
    streamName: event.streamId,
    revision: event.revision,
    globalPosition: position,
  };
};

const collect = async (iterable: AsyncIterable<AnyResolved>, after?: bigint, maxCount?: number): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const resolved of iterable) {
    const event = toRecordedEvent(resolved);
    if (!event || (after !== undefined && event.globalPosition <= after)) continue;
    events.push(event);
    if (maxCount !== undefined && events.length >= maxCount) break;
  }
  return events;
};

/** the server's filter for a category: stream names starting with `<category>-` */
const categoryFilter = (category: string): Filter => streamNameFilter({ prefixes: [`${category}-`] });

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` (or `esdb://…`) */
  connectionString: string;
}

export interface KurrentDbEventStore extends EventStore {
  readonly client: KurrentDBClient;
}

export const openKurrentDbEventStore = ({ connectionString }: KurrentDbEventStoreOptions): KurrentDbEventStore => {
  const client = KurrentDBClient.connectionString(connectionString);

  const readStreamEvents = async (streamName: string, options: Parameters<KurrentDBClient['readStream']>[1]) => {
    try {
      return await collect(client.readStream(streamName, options));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  };

  const currentRevision = async (streamName: string): Promise<bigint> => {
    const [last] = await readStreamEvents(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last ? last.revision : -1n;
  };

  const subscriptions = new Set<Subscription>();

  const store: KurrentDbEventStore = {
    client,

    async appendToStream(streamName, events, options) {
      assertValidStreamName(streamName);
      const valid = assertValidEvents(events);
      const expected = options?.expectedRevision ?? 'any';
      if (!(expected === 'any' || expected === 'no_stream' || expected === 'stream_exists' || (typeof expected === 'bigint' && expected >= 0n)))
        throw new InvalidAppendError('expectedRevision must be any, no_stream, stream_exists or a revision ≥ 0', 'expectedRevision');
      const now = new Date().toISOString();
      const toAppend = valid.map((event, i) => {
        const metadata = { ...event.metadata, recordedAt: event.metadata?.recordedAt ?? now, schemaVersion: event.metadata?.schemaVersion ?? 1 };
        toJson(event.data, `events[${i}].data`);
        toJson(metadata, `events[${i}].metadata`);
        return jsonEvent({ id: event.id?.toLowerCase() ?? uuidv7(), type: event.type, data: event.data, metadata });
      });

      if (toAppend.length === 0) {
        // nothing to write: check the expectation here, so that no empty write reaches the server
        const current = await currentRevision(streamName);
        const ok =
          expected === 'any' ||
          (expected === 'no_stream' && current < 0n) ||
          (expected === 'stream_exists' && current >= 0n) ||
          expected === current;
        if (!ok) throw new WrongExpectedRevisionError(streamName, expected, current < 0n ? 'no_stream' : current);
        return { nextExpectedRevision: current, globalPosition: -1n };
      }

      let nextExpectedRevision: bigint;
      try {
        ({ nextExpectedRevision } = await client.appendToStream(streamName, toAppend, { streamState: toExpectedState(expected) }));
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          const actual = error.actualState;
          throw new WrongExpectedRevisionError(streamName, expected, typeof actual === 'bigint' && actual >= 0n ? actual : 'no_stream');
        }
        throw error;
      }
      // the append answer carries the batch's transaction position; the last event's own position is what
      // readAll and subscriptions use, so read it back (a retried batch gets the original write's position)
      const [last] = await readStreamEvents(streamName, { direction: FORWARDS, fromRevision: nextExpectedRevision, maxCount: 1 });
      return { nextExpectedRevision, globalPosition: last?.globalPosition ?? -1n } satisfies AppendResult;
    },

    async readStream(streamName, options) {
      assertValidStreamName(streamName);
      const backwards = options?.direction === 'backwards';
      if (options?.maxCount === 0) return [];
      return readStreamEvents(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options?.fromRevision ?? (backwards ? END : START),
        maxCount: options?.maxCount,
      });
    },

    async readAll(options?: ReadAllOptions) {
      if (options?.maxCount === 0) return [];
      const { after, maxCount } = options ?? {};
      return collect(
        client.readAll({ fromPosition: toReadPosition(after), direction: FORWARDS, filter: excludeSystemEvents(), maxCount: maxCount === undefined ? undefined : maxCount + 1 }),
        after,
        maxCount,
      );
    },

    /**
     * A category read is a server-side filtered read of $all (stream names `<category>-…`): it sees an
     * append at once and takes a global position. `$ce-<category>` (the `$by_category` projection) is
     * written asynchronously and is addressed by its own revisions, so it suits neither promise.
     */
    async readCategory(category, options) {
      assertValidCategory(category);
      if (options?.maxCount === 0) return [];
      const { after, maxCount } = options ?? {};
      return collect(
        client.readAll({ fromPosition: toReadPosition(after), direction: FORWARDS, filter: categoryFilter(category), maxCount: maxCount === undefined ? undefined : maxCount + 1 }),
        after,
        maxCount,
      );
    },

    subscribe(options: SubscribeOptions): Subscription {
      if (options.category !== undefined) assertValidCategory(options.category);
      // a catch-up subscription to $all starts after `fromPosition`: exactly the port's checkpoint
      const source = client.subscribeToAll({
        fromPosition: options.after === undefined ? START : toReadPosition(options.after),
        filter: options.category === undefined ? excludeSystemEvents() : categoryFilter(options.category),
      });
      let position = options.after;
      let stopping = false;
      let caughtUp = false;
      source.on('caughtUp', () => {
        if (caughtUp) return;
        caughtUp = true;
        options.onCaughtUp?.(position);
      });
      // called by a handler, so never before `subscription` below exists
      const context = { stop: () => subscription.stop() };
      const run = async () => {
        try {
          for await (const resolved of source) {
            if (stopping) break;
            const event = toRecordedEvent(resolved);
            if (!event || (position !== undefined && event.globalPosition <= position)) continue;
            await options.handle([event], context);
            position = event.globalPosition;
          }
        } catch (error) {
          if (!stopping) throw error;
        } finally {
          await source.unsubscribe().catch(() => undefined);
        }
      };
      const done = run();
      done.catch(() => undefined);
      const subscription: Subscription = {
        async stop() {
          stopping = true;
          await source.unsubscribe().catch(() => undefined);
          await done.catch(() => undefined);
        },
        done,
      };
      subscriptions.add(subscription);
      done.finally(() => subscriptions.delete(subscription)).catch(() => undefined);
      return subscription;
    },

    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      await client.dispose();
    },
  };
  return store;
};
