import { v4 as uuidv4, v7 as uuidv7, version as uuidVersion } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryCheckpointStore, runSubscription } from '../src/checkpoints';
import {
  InvalidAppendError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  type SubscribeOptions,
} from '../src/port';
import { at } from './fixtures/at';

/**
 * The behaviour every EventStore adapter promises, run unchanged against each of them. Streams and
 * categories are unique per test, so the suite also runs against a long-lived server shared with others.
 */
export const eventStoreContract = (name: string, makeStore: () => Promise<EventStore> | EventStore, options: { skip?: boolean } = {}) =>
  (options.skip ? describe.skip : describe)(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const unique = () => uuidv7().replace(/-/g, '').slice(-16);
    const newCategory = () => `t${unique()}`;
    const newStream = (category = newCategory()) => `${category}-${unique()}`;
    const event = (type = 'Something', data: Record<string, unknown> = {}, id?: string): EventToAppend => ({ id, type, data });
    const events = (n: number, type = 'Counted') => Array.from({ length: n }, (_, i) => event(type, { i }));
    const idsOf = (recorded: RecordedEvent[]) => recorded.map((e) => e.id);

    /** a marker appended now: everything appended later comes after its position */
    const headPosition = async () => (await store.appendToStream(newStream('marker'), [event('Marker')])).globalPosition;

    const expectWrongRevision = async (promise: Promise<unknown>, streamName: string, expected: unknown, actual: bigint | 'no_stream') => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', streamName, expected, actual });
    };

    describe('expected revision', () => {
      it('no_stream: succeeds on a new stream, fails once it exists', async () => {
        const stream = newStream();
        const result = await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 'no_stream' }), stream, 'no_stream', 1n);
      });

      it('stream_exists: fails on a new stream, succeeds once it exists', async () => {
        const stream = newStream();
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 'stream_exists' }), stream, 'stream_exists', 'no_stream');
        await store.appendToStream(stream, events(1));
        const result = await store.appendToStream(stream, events(1), { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('an exact revision: 0-based, must equal the revision of the last event', async () => {
        const stream = newStream();
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 0n }), stream, 0n, 'no_stream');
        const first = await store.appendToStream(stream, events(3), { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(2n);
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 1n }), stream, 1n, 2n);
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 3n }), stream, 3n, 2n);
        const second = await store.appendToStream(stream, events(2), { expectedRevision: 2n });
        expect(second.nextExpectedRevision).toBe(4n);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(at(read, 4).globalPosition).toBe(second.globalPosition);
      });

      it('any (the default): appends whatever the stream holds', async () => {
        const stream = newStream();
        expect((await store.appendToStream(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0n);
        expect((await store.appendToStream(stream, events(2))).nextExpectedRevision).toBe(2n);
      });

      it('concurrent writers with the same expected revision: exactly one wins', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(1));
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, (_, writer) => store.appendToStream(stream, [event('Written', { writer })], { expectedRevision: 0n })),
        );
        const won = attempts.filter((a) => a.status === 'fulfilled');
        const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const l of lost) expect(l.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('appends sent together to several streams: one conflicts and fails alone, the others are stored in call order', async () => {
        const [a, b, c] = [newStream(), newStream(), newStream()];
        await store.appendToStream(b, events(1));
        // made in one tick, so a store that commits in groups writes them in one group
        const attempts = await Promise.allSettled([
          store.appendToStream(a, events(2), { expectedRevision: 'no_stream' }),
          store.appendToStream(b, events(1), { expectedRevision: 'no_stream' }),
          store.appendToStream(c, events(1), { expectedRevision: 'no_stream' }),
          store.appendToStream(a, events(1), { expectedRevision: 1n }),
          store.appendToStream(b, events(1), { expectedRevision: 0n }),
        ]);
        expect(attempts.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
        await expectWrongRevision(Promise.reject((attempts[1] as PromiseRejectedResult).reason), b, 'no_stream', 0n);
        const ok = attempts.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
        expect(ok.map((r) => r.nextExpectedRevision)).toEqual([1n, 0n, 2n, 1n]);
        // each caller got its own position, increasing in call order
        for (let i = 1; i < ok.length; i++) expect(at(ok, i).globalPosition).toBeGreaterThan(at(ok, i - 1).globalPosition);
        expect((await store.readStream(a)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(await store.readStream(b)).toHaveLength(2);
        expect(await store.readStream(c)).toHaveLength(1);
      });

      it('a rejected append changes nothing, and the next correct one succeeds', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
        const before = await store.readStream(stream);
        await expectWrongRevision(store.appendToStream(stream, events(3), { expectedRevision: 5n }), stream, 5n, 1n);
        await expectWrongRevision(store.appendToStream(stream, events(1), { expectedRevision: 0n }), stream, 0n, 1n);
        expect(await store.readStream(stream)).toEqual(before);
        const result = await store.appendToStream(stream, events(1), { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        expect(await store.readStream(stream)).toHaveLength(3);
      });
    });

    describe('idempotent retries (event ids)', () => {
      it('the same batch with the same ids and no_stream succeeds again without duplicates', async () => {
        const stream = newStream();
        const batch = [event('A', { n: 1 }, uuidv7()), event('B', { n: 2 }, uuidv7())];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        const read = await store.readStream(stream);
        expect(idsOf(read)).toEqual(batch.map((e) => e.id));
      });

      it('the same batch with the same exact expected revision succeeds again, even after the stream moved on', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
        const batch = [event('A', {}, uuidv4()), event('B', {}, uuidv4())];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 1n });
        await store.appendToStream(stream, events(1), { expectedRevision: 3n });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 1n });
        expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(retry.nextExpectedRevision).toBe(3n);
        expect(await store.readStream(stream)).toHaveLength(5);
      });

      it('one rule for a re-sent batch: it answers the first result whatever expected revision it names (the current one, a stale one, any)', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream' });
        const batch = [event('A', {}, uuidv7()), event('B', {}, uuidv7())];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 1n });
        expect(first.nextExpectedRevision).toBe(3n);
        // re-sent with the stream's current revision: neither stored twice nor refused
        expect(await store.appendToStream(stream, batch, { expectedRevision: 3n })).toEqual(first);
        expect(await store.appendToStream(stream, batch, { expectedRevision: 'any' })).toEqual(first);
        expect(await store.appendToStream(stream, batch, { expectedRevision: 'stream_exists' })).toEqual(first);
        await store.appendToStream(stream, events(1), { expectedRevision: 3n });
        expect(await store.appendToStream(stream, batch, { expectedRevision: 4n })).toEqual(first);
        expect(await store.appendToStream(stream, batch, { expectedRevision: 0n })).toEqual(first);
        const read = await store.readStream(stream);
        expect(read).toHaveLength(5);
        expect(idsOf(read).slice(2, 4)).toEqual(batch.map((e) => e.id));
        expect(at(read, 3).globalPosition).toBe(first.globalPosition);
      });

      it('a partial match (some ids stored, others new) is a wrong expected revision and writes nothing', async () => {
        const stream = newStream();
        const a = event('A', {}, uuidv7());
        const b = event('B', {}, uuidv7());
        await store.appendToStream(stream, [a, b], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [a, event('C', {}, uuidv7())], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(idsOf(await store.readStream(stream))).toEqual([a.id, b.id]);
      });

      it('keeps given ids (any case of UUID) and generates UUID v7 ids when absent', async () => {
        const stream = newStream();
        const given = uuidv4();
        await store.appendToStream(stream, [event('A', {}, given), event('B')]);
        const read = await store.readStream(stream);
        expect(at(read, 0).id).toBe(given);
        expect(uuidVersion(at(read, 1).id)).toBe(7);
      });
    });

    describe('reading', () => {
      it('readStream forwards, backwards, from a revision, with a max count; [] for no stream', async () => {
        const stream = newStream();
        await store.appendToStream(stream, events(10));
        const n = (read: RecordedEvent[]) => read.map((e) => e.data.i);
        expect(n(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(n(await store.readStream(stream, { fromRevision: 7n }))).toEqual([7, 8, 9]);
        expect(n(await store.readStream(stream, { fromRevision: 2n, maxCount: 3 }))).toEqual([2, 3, 4]);
        expect(n(await store.readStream(stream, { direction: 'backwards' }))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        expect(n(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([9, 8]);
        expect(n(await store.readStream(stream, { direction: 'backwards', fromRevision: 4n, maxCount: 3 }))).toEqual([4, 3, 2]);
        expect(await store.readStream(stream, { fromRevision: 10n })).toEqual([]);
        expect(await store.readStream(newStream())).toEqual([]);
      });

      it('$all holds every event in append order with strictly increasing positions, read after a position', async () => {
        const start = await headPosition();
        const [a, b] = [newStream(), newStream()];
        await store.appendToStream(a, [event('A1')]);
        await store.appendToStream(b, [event('B1'), event('B2')]);
        const last = await store.appendToStream(a, [event('A2')]);
        const all = await store.readAll({ after: start });
        const ours = all.filter((e) => e.streamName === a || e.streamName === b);
        expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        expect(ours.map((e) => e.revision)).toEqual([0n, 0n, 1n, 1n]);
        for (let i = 1; i < all.length; i++) expect(at(all, i).globalPosition > at(all, i - 1).globalPosition).toBe(true);
        expect(all.every((e) => e.globalPosition > start)).toBe(true);
        expect(at(ours, 3).globalPosition).toBe(last.globalPosition);
        const page = await store.readAll({ after: start, maxCount: 2 });
        expect(page).toHaveLength(2);
        expect((await store.readAll({ after: at(page, 1).globalPosition, maxCount: 1 }))[0]).toEqual(all[2]);
      });

      it('a category holds the events of its streams (prefix before the first "-"), in global order', async () => {
        const category = newCategory();
        const other = newCategory();
        const [s1, s2] = [`${category}-${unique()}-with-dashes`, `${category}-${unique()}`];
        await store.appendToStream(s1, [event('X', { n: 1 })]);
        await store.appendToStream(`${other}-${unique()}`, [event('Other')]);
        await store.appendToStream(s2, [event('X', { n: 2 }), event('X', { n: 3 })]);
        await store.appendToStream(s1, [event('X', { n: 4 })]);
        const read = await store.readCategory(category);
        expect(read.map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
        expect(read.map((e) => e.streamName)).toEqual([s1, s2, s2, s1]);
        const rest = await store.readCategory(category, { after: at(read, 1).globalPosition, maxCount: 1 });
        expect(rest.map((e) => e.data.n)).toEqual([3]);
        expect(await store.readCategory(newCategory())).toEqual([]);
      });
    });

    describe('what is stored', () => {
      it('appending zero events succeeds and creates nothing', async () => {
        const stream = newStream();
        await store.appendToStream(stream, [], { expectedRevision: 'any' });
        await store.appendToStream(stream, [], { expectedRevision: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
        const result = await store.appendToStream(stream, events(1), { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(0n);
      });

      it('metadata round-trips beside the data; recordedAt and schemaVersion default', async () => {
        const stream = newStream();
        const metadata = {
          userId: 'kari.nordmann@sandnes.kommune.no',
          recordedAt: '2026-03-01T10:15:30.123Z',
          correlationId: uuidv7(),
          causationId: uuidv7(),
          schemaVersion: 2,
          source: 'import',
        };
        const before = Date.now();
        await store.appendToStream(stream, [{ type: 'WithMeta', data: { a: 1 }, metadata }, { type: 'Bare', data: {} }]);
        const read = await store.readStream(stream);
        const withMeta = at(read, 0);
        const bare = at(read, 1);
        expect(withMeta.metadata).toEqual(metadata);
        expect(withMeta.data).toEqual({ a: 1 });
        expect(bare.metadata.schemaVersion).toBe(1);
        expect(Date.parse(bare.metadata.recordedAt)).toBeGreaterThanOrEqual(before - 5_000);
        expect(Date.parse(bare.metadata.recordedAt)).toBeLessThanOrEqual(Date.now() + 5_000);
      });

      it('unicode and a 1 MB payload come back exactly', async () => {
        const stream = newStream();
        const text = 'Gevinstrealisering i Bø og Årdal – «nullpunkt» ≥ 7,5 t 🎉 中文 עברית \u0000 \u2028 "quotes" \\';
        const big = `${'Måling nr. 1 – 7,5 timer per byggesak. '.repeat(26_000)}🎉`; // ≥ 1 MiB of UTF-8
        await store.appendToStream(stream, [event('Unicode', { text, nested: { [text]: [text] } }), event('Big', { big })]);
        const read = await store.readStream(stream);
        const u = at(read, 0);
        const b = at(read, 1);
        expect(u.data).toEqual({ text, nested: { [text]: [text] } });
        expect(b.data.big).toBe(big);
        expect(Buffer.byteLength(b.data.big as string)).toBeGreaterThanOrEqual(1024 * 1024);
      });

      it('a 10,000-event batch is stored whole, in order', async () => {
        const stream = newStream();
        const batch = Array.from({ length: 10_000 }, (_, i) => event('Counted', { i, note: `hendelse ${i}` }));
        const result = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(9_999n);
        const read = await store.readStream(stream);
        expect(read).toHaveLength(10_000);
        expect(read.every((e, i) => e.revision === BigInt(i) && e.data.i === i)).toBe(true);
        for (let i = 1; i < read.length; i++) expect(at(read, i).globalPosition > at(read, i - 1).globalPosition).toBe(true);
        expect(at(read, 9_999).globalPosition).toBe(result.globalPosition);
      });
    });

    describe('rejected input, with nothing written', () => {
      const badNames = ['', 'nocategory', '-nocategory', 'category-', ' t-1', 't-1 ', 't -1', 't-\t1', '   ', '$ce-benefit', '$all', '$t-1'];
      it.each(badNames.map((n) => [JSON.stringify(n), n]))('stream name %s', async (_, badName) => {
        const start = await headPosition();
        const error = await store.appendToStream(badName, events(1)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ field: 'streamName' });
        expect((await store.readAll({ after: start })).filter((e) => e.streamName === badName)).toEqual([]);
      });

      const malformed: [string, unknown, string][] = [
        ['no type', { data: {} }, 'events[1].type'],
        ['an empty type', { type: ' ', data: {} }, 'events[1].type'],
        ['no data', { type: 'T' }, 'events[1].data'],
        ['array data', { type: 'T', data: [1] }, 'events[1].data'],
        ['string data', { type: 'T', data: 'text' }, 'events[1].data'],
        ['null data', { type: 'T', data: null }, 'events[1].data'],
        ['a bad id', { id: 'not-a-uuid', type: 'T', data: {} }, 'events[1].id'],
        ['a non-string userId', { type: 'T', data: {}, metadata: { userId: 42 } }, 'events[1].metadata.userId'],
        ['a bad schemaVersion', { type: 'T', data: {}, metadata: { schemaVersion: 0 } }, 'events[1].metadata.schemaVersion'],
        ['not an object', 'Event', 'events[1]'],
      ];
      it.each(malformed)('an event with %s', async (_, bad, field) => {
        const stream = newStream();
        const error = await store.appendToStream(stream, [event('Fine'), bad as EventToAppend]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ field });
        expect((error as Error).message).toContain(field);
        expect(await store.readStream(stream)).toEqual([]);
      });

      class Money {
        constructor(readonly ore: number) {}
      }
      const notPlainJson: [string, Record<string, unknown>, string][] = [
        ['a Buffer', { type: 'T', data: { file: Buffer.from('vedlegg') } }, 'events[1].data.file'],
        ['a Buffer as the data', { type: 'T', data: Buffer.from('{}') }, 'events[1].data'],
        ['a Date', { type: 'T', data: { when: new Date('2026-03-01T10:00:00Z') } }, 'events[1].data.when'],
        ['a Map', { type: 'T', data: { byUnit: new Map([['helse', 1]]) } }, 'events[1].data.byUnit'],
        ['NaN', { type: 'T', data: { value: Number.NaN } }, 'events[1].data.value'],
        ['Infinity, nested', { type: 'T', data: { nested: { value: Number.POSITIVE_INFINITY } } }, 'events[1].data.nested.value'],
        ['undefined in an array', { type: 'T', data: { list: [1, undefined, 3] } }, 'events[1].data.list[1]'],
        ['a class instance', { type: 'T', data: { amount: new Money(500) } }, 'events[1].data.amount'],
        ['a Date in the metadata', { type: 'T', data: {}, metadata: { decidedAt: new Date() } }, 'events[1].metadata.decidedAt'],
      ];
      it.each(notPlainJson)('data that is not plain JSON: %s', async (_, bad, field) => {
        const stream = newStream();
        const error = await store.appendToStream(stream, [event('Fine'), bad as unknown as EventToAppend]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(error).toMatchObject({ field });
        expect((error as Error).message).toContain(field);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('an object property that is undefined is left out (as JSON does), not refused', async () => {
        const stream = newStream();
        await store.appendToStream(stream, [event('Optional', { comment: undefined, value: 1 })]);
        expect(at(await store.readStream(stream), 0).data).toEqual({ value: 1 });
      });

      it('a batch that repeats an id', async () => {
        const stream = newStream();
        const id = uuidv7();
        await expect(store.appendToStream(stream, [event('A', {}, id), event('B', {}, id)])).rejects.toMatchObject({ field: 'events[1].id' });
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('subscriptions', () => {
      /** subscribes and collects our streams' events until `until` says enough */
      const collect = (options: Omit<SubscribeOptions, 'handle'>, keep: (e: RecordedEvent) => boolean, until: (seen: RecordedEvent[]) => boolean) => {
        const seen: RecordedEvent[] = [];
        let caughtUp = false;
        let resolveDone!: () => void;
        const enough = new Promise<void>((resolve) => (resolveDone = resolve));
        const subscription = store.subscribe({
          ...options,
          onCaughtUp: () => (caughtUp = true),
          handle(batch) {
            seen.push(...batch.filter(keep));
            if (until(seen)) resolveDone();
          },
        });
        return { seen, enough: Promise.race([enough, subscription.done]), subscription, caughtUp: () => caughtUp };
      };

      const expectNoGapNoDuplicate = (seen: RecordedEvent[], streams: string[], perStream: number) => {
        for (let i = 1; i < seen.length; i++) expect(at(seen, i).globalPosition > at(seen, i - 1).globalPosition).toBe(true);
        for (const s of streams) expect(seen.filter((e) => e.streamName === s).map((e) => Number(e.revision))).toEqual([...Array(perStream).keys()]);
        expect(seen).toHaveLength(streams.length * perStream);
      };

      it.each(['$all', 'category'])('to %s: history, then live, with no gap and no duplicate while others append', async (kind) => {
        const category = newCategory();
        const streams = [newStream(category), newStream(category), newStream(category)];
        const start = await headPosition();
        for (const s of streams) for (let i = 0; i < 20; i++) await store.appendToStream(s, events(5, 'History'));
        const total = streams.length * 200;
        const { seen, enough, subscription, caughtUp } = collect(
          kind === '$all' ? { after: start, batchSize: 37 } : { category, batchSize: 37 },
          (e) => streams.includes(e.streamName),
          (s) => s.length >= total,
        );
        // writers append while the subscription catches up and goes live
        await Promise.all(
          streams.map(async (s) => {
            for (let i = 0; i < 20; i++) {
              await store.appendToStream(s, events(5, 'Live'));
              await new Promise((resolve) => setTimeout(resolve, i % 4));
            }
          }),
        );
        await enough;
        await new Promise((resolve) => setTimeout(resolve, 100)); // room for a duplicate to show
        await subscription.stop();
        expect(caughtUp()).toBe(true);
        expectNoGapNoDuplicate(seen, streams, 200);
      });

      it('signals caught up only after the handler has handled every history event', async () => {
        const category = newCategory();
        const stream = newStream(category);
        const history = 60;
        for (let i = 0; i < 3; i++) await store.appendToStream(stream, events(history / 3));
        let handled = 0;
        let handledAtCaughtUp: number | undefined;
        let caughtUp!: () => void;
        const live = new Promise<void>((resolve) => (caughtUp = resolve));
        const subscription = store.subscribe({
          category,
          batchSize: 1,
          async handle(batch) {
            // a handler that yields to the event loop, so buffered events would pile up behind it
            await new Promise((resolve) => setImmediate(resolve));
            handled += batch.length;
          },
          onCaughtUp() {
            handledAtCaughtUp = handled;
            caughtUp();
          },
        });
        await Promise.race([live, subscription.done]);
        await subscription.stop();
        expect(handledAtCaughtUp).toBe(history);
      });

      it('resumes after a stored checkpoint (and only after it)', async () => {
        const category = newCategory();
        const stream = newStream(category);
        const checkpoints = new InMemoryCheckpointStore();
        const seen: number[] = [];
        const run = (until: number) =>
          new Promise<void>((resolve, reject) => {
            const sub = runSubscription({
              store,
              checkpoints,
              subscriberId: 'resume-test',
              category,
              handle(batch) {
                seen.push(...batch.map((e) => e.data.i as number));
                if (seen.length >= until) sub.stop().then(resolve, reject);
              },
            });
            sub.done.catch(reject);
          });
        await store.appendToStream(stream, events(5));
        await run(5);
        expect(seen).toEqual([0, 1, 2, 3, 4]);
        expect(await checkpoints.load('resume-test')).toBe(at(await store.readStream(stream), 4).globalPosition);
        await store.appendToStream(stream, events(3));
        await run(8);
        expect(seen).toEqual([0, 1, 2, 3, 4, 0, 1, 2]);
      });

      it('a handler that throws stops the subscription at that event; a restart resumes there', async () => {
        const category = newCategory();
        const stream = newStream(category);
        await store.appendToStream(stream, [event('Ok', { n: 0 }), event('Ok', { n: 1 }), event('Poison', { n: 2 }), event('Ok', { n: 3 })]);
        const handled: number[] = [];
        const poison = new Error('cannot handle');
        const first = store.subscribe({
          category,
          batchSize: 1,
          handle(events) {
            const e = at(events, 0);
            if (e.type === 'Poison') throw poison;
            handled.push(e.data.n as number);
          },
        });
        await expect(first.done).rejects.toBe(poison);
        await store.appendToStream(stream, [event('Ok', { n: 4 })]);
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(handled).toEqual([0, 1]);

        // the runner: stops at the poison event without checkpointing it, and on restart starts there
        const checkpoints = new InMemoryCheckpointStore();
        let fail = true;
        const seen: number[] = [];
        let restarts = 0;
        const finished = new Promise<void>((resolve, reject) => {
          const sub = runSubscription({
            store,
            checkpoints,
            subscriberId: 'poison-test',
            category,
            batchSize: 1,
            restartOnError: { delayMs: 10 },
            onError: (_, n) => {
              restarts = n;
              fail = false; // the operator fixed the cause
            },
            handle(events) {
              const e = at(events, 0);
              if (e.type === 'Poison' && fail) throw poison;
              seen.push(e.data.n as number);
              if (seen.length === 5) sub.stop().then(resolve, reject);
            },
          });
          sub.done.catch(reject);
        });
        await finished;
        expect(restarts).toBe(1);
        expect(seen).toEqual([0, 1, 2, 3, 4]);
      });
    });
  });
