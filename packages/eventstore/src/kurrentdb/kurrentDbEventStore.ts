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

  /**
   * The port's rule for re-sent ids: the first append's result when `ids` are stored in the stream as
   * one run, in order; 'partial' when the first id is stored but the run differs; undefined when the
   * first id is not in the stream. `tailOnly` looks only at the stream's last events (a cheap check made
   * before every append whose ids are given: the server itself would store such a re-send again when
   * it names the stream's current revision); otherwise the stream is searched back from its end.
   */
  const storedRun = async (streamName: string, ids: string[], tailOnly: boolean): Promise<AppendResult | 'partial' | undefined> => {
    const first = ids[0];
    if (first === undefined) return undefined;
    let from: bigint | typeof END = END;
    for (;;) {
      const page = await readStreamEvents(streamName, { direction: BACKWARDS, fromRevision: from, maxCount: tailOnly ? ids.length : 500 });
      const hit = page.find((e) => e.id === first);
      if (hit) {
        const run = await readStreamEvents(streamName, { direction: FORWARDS, fromRevision: hit.revision, maxCount: ids.length });
        const last = run.at(-1);
        if (last === undefined || run.length !== ids.length || run.some((e, i) => e.id !== ids[i])) return 'partial';
        return { nextExpectedRevision: last.revision, globalPosition: last.globalPosition };
      }
      const oldest = page.at(-1);
      if (tailOnly || oldest === undefined || oldest.revision === 0n) return undefined;
      from = oldest.revision - 1n;
    }
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

      // a re-sent batch answers the first append's result whatever its expected revision (port.ts)
      const givenIds = valid[0]?.id === undefined ? undefined : toAppend.map((e) => e.id);
      if (givenIds) {
        const retried = await storedRun(streamName, givenIds, true);
        if (retried && retried !== 'partial') return retried;
      }
      let nextExpectedRevision: bigint;
      try {
        ({ nextExpectedRevision } = await client.appendToStream(streamName, toAppend, { streamState: toExpectedState(expected) }));
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          const retried = givenIds && (await storedRun(streamName, givenIds, false));
          if (retried && retried !== 'partial') return retried;
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
      // The server's "caught up" arrives when the history has been *received*: up to a buffer's worth of
      // history events may still wait in the stream, unhandled. It is passed on only once the handler has
      // handled them all (nothing buffered, no handler running), as the port promises.
      let caughtUpReceived = false;
      let caughtUp = false;
      let handling = false;
      const passOnCaughtUp = () => {
        if (caughtUp || !caughtUpReceived || handling || stopping || source.readableLength > 0) return;
        caughtUp = true;
        options.onCaughtUp?.(position);
      };
      source.on('caughtUp', () => {
        caughtUpReceived = true;
        passOnCaughtUp();
      });
      // called by a handler, so never before `subscription` below exists
      const context = { stop: () => subscription.stop() };
      const run = async () => {
        try {
          for await (const resolved of source) {
            if (stopping) break;
            handling = true;
            const event = toRecordedEvent(resolved);
            if (event && (position === undefined || event.globalPosition > position)) {
              await options.handle([event], context);
              position = event.globalPosition;
            }
            handling = false;
            passOnCaughtUp();
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
