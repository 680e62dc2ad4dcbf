import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubscription } from '../src/checkpoints';
import { InvalidAppendError, type RecordedEvent } from '../src/port';
import { openPostgresEventStore, PostgresCheckpointStore } from '../src/postgres';
import { at } from './fixtures/at';
import { eventStoreContract } from './contract';
import { idempotencyRecordTests, type StoredKey } from './idempotencyRecord';
import { startTestPostgres, type TestPostgres } from './fixtures/postgres';

let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
}, 180_000);
afterAll(async () => {
  await server?.close();
}, 60_000);

eventStoreContract('PostgreSQL', () => openPostgresEventStore({ connectionString: server.url, schema: server.freshSchema() }));

idempotencyRecordTests(
  'PostgreSQL',
  () => openPostgresEventStore({ connectionString: server.url, schema: server.freshSchema() }),
  async (store) =>
    (
      await store.pool.query<StoredKey>(
        `SELECT user_id AS scope, key, fingerprint, result AS answer FROM "${store.schema}".gevinst_idempotency_keys ORDER BY key`,
      )
    ).rows,
);

describe('PostgreSQL adapter', () => {
  const open = (schema = server.freshSchema()) => openPostgresEventStore({ connectionString: server.url, schema, pollIntervalMs: 20 });

  it('runs against a server found or made by the test helper', () => {
    expect(['env', 'local-server', 'own-cluster']).toContain(server.source);
  });

  it('is durable across reopening, keeps counting positions, and stores positions and revisions as bigint', async () => {
    const schema = server.freshSchema();
    const first = await open(schema);
    const written = await first.appendToStream('unit-1', [{ type: 'UnitRegistered', data: { name: 'Oppvekst' } }]);
    await first.close();
    const second = await open(schema);
    expect(at(await second.readStream('unit-1'), 0).data).toEqual({ name: 'Oppvekst' });
    expect((await second.appendToStream('unit-2', [{ type: 'UnitRegistered', data: {} }])).globalPosition).toBe(written.globalPosition + 1n);
    const { rows } = await second.pool.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'events' AND column_name IN ('global_position', 'stream_revision') ORDER BY column_name`,
      [schema],
    );
    expect(rows.map((r) => r.data_type)).toEqual(['bigint', 'bigint']);
    await second.close();
  });

  it('an event id is unique in the whole store: reusing it in another stream, or later in a batch, is refused, nothing written', async () => {
    const store = await open();
    const id = uuidv7();
    await store.appendToStream('x-1', [{ id, type: 'A', data: {} }]);
    await expect(store.appendToStream('x-2', [{ id, type: 'A', data: {} }])).rejects.toMatchObject({ field: 'events[0].id' });
    const later = await store.appendToStream('x-3', [{ type: 'A', data: {} }, { id, type: 'A', data: {} }]).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(InvalidAppendError);
    expect(later).toMatchObject({ field: 'events[1].id' });
    expect(await store.readAll()).toHaveLength(1);
    await store.close();
  });

  it('group commit: appends made in one tick share one transaction; a failing one is rolled back alone', async () => {
    const store = await open();
    await store.appendToStream('x-2', [{ type: 'A', data: {} }]);
    const attempts = await Promise.allSettled([
      store.appendToStream('x-1', [{ type: 'A', data: {} }]),
      store.appendToStream('x-2', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { expectedRevision: 'no_stream' }),
      store.appendToStream('x-3', [{ type: 'A', data: {} }]),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readAll()).map((e) => [e.streamName, e.globalPosition])).toEqual([
      ['x-2', 1n],
      ['x-1', 2n],
      ['x-3', 3n],
    ]);
    await store.close();
  });

  it('appends accepted before close are written before the pool closes', async () => {
    const schema = server.freshSchema();
    const store = await open(schema);
    const pending = store.appendToStream('x-1', [{ type: 'A', data: {} }]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const again = await open(schema);
    expect(await again.readStream('x-1')).toHaveLength(1);
    await again.close();
  });

  it('checkpoints: stored and loaded in the store\'s schema, written inside a caller\'s transaction when asked', async () => {
    const store = await open();
    for (const name of ['Helse', 'Skole', 'Kultur']) await store.appendToStream(`unit-${name}`, [{ type: 'UnitRegistered', data: { name } }]);
    const checkpoints = new PostgresCheckpointStore(store.pool, store.schema);
    const names: string[] = [];
    let caughtUp!: () => void;
    const live = new Promise<void>((resolve) => (caughtUp = resolve));
    const run = runSubscription({
      store,
      checkpoints,
      subscriberId: 'unit-names',
      batchSize: 2,
      handle: (events) => void names.push(...events.map((e) => e.data.name as string)),
      onCaughtUp: () => caughtUp(),
    });
    await live;
    await run.stop();
    expect(names).toEqual(['Helse', 'Skole', 'Kultur']);
    expect(await checkpoints.load('unit-names')).toBe(3n);
    const client = await store.pool.connect();
    await client.query('BEGIN');
    await checkpoints.storeIn(client, 'in-tx', 7n);
    await client.query('ROLLBACK');
    client.release();
    expect(await checkpoints.load('in-tx')).toBeUndefined();
    await store.close();
  });

  it("another process's appends wake a live subscription at once (LISTEN/NOTIFY), not at its next poll", async () => {
    const schema = server.freshSchema();
    // a poll interval far beyond the test's timeout: only the notification can deliver the event in time
    const subscriber = await openPostgresEventStore({ connectionString: server.url, schema, pollIntervalMs: 600_000 });
    const writer = await openPostgresEventStore({ connectionString: server.url, schema });
    let live!: () => void;
    const caughtUp = new Promise<void>((resolve) => (live = resolve));
    let got!: (e: RecordedEvent) => void;
    const received = new Promise<RecordedEvent>((resolve) => (got = resolve));
    const subscription = subscriber.subscribe({ handle: (events) => events.forEach(got), onCaughtUp: () => live() });
    await caughtUp;
    // the subscriber's listener may still be connecting: append until one is delivered
    let attempts = 0;
    let seen: RecordedEvent | undefined;
    while (!seen) {
      await writer.appendToStream('unit-1', [{ type: 'UnitRegistered', data: { attempt: ++attempts } }]);
      seen = await Promise.race([received, new Promise<undefined>((resolve) => setTimeout(resolve, 2_000))]);
    }
    expect(seen.streamName).toBe('unit-1');
    await subscription.stop();
    await writer.close();
    await subscriber.close();
  }, 60_000);

  it('two processes appending to one database never interleave a batch nor lose a write; positions are gap-free and a subscription sees both in order', async () => {
    const schema = server.freshSchema();
    const store = await open(schema);
    const [batches, batchSize] = [60, 20];
    const total = 2 * batches * batchSize;
    const seen: RecordedEvent[] = [];
    let enough!: () => void;
    const all = new Promise<void>((resolve) => (enough = resolve));
    const subscription = store.subscribe({
      category: 'shared',
      handle(events) {
        seen.push(...events);
        if (seen.length >= total) enough();
      },
    });
    const fixture = fileURLToPath(new URL('./fixtures/pgAppender.ts', import.meta.url));
    const spawnWriter = (writer: string) => {
      const p = spawn(process.execPath, ['--import', 'tsx', fixture, server.url, schema, writer, String(batches), String(batchSize), 'shared-1', 'counter-1'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const ready = new Promise<void>((resolve) => p.stdout.once('data', () => resolve()));
      const exited = new Promise<void>((resolve, reject) => {
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited with ${code}`))));
      });
      return { p, ready, exited };
    };
    const writers = [spawnWriter('a'), spawnWriter('b')];
    await Promise.race([Promise.all(writers.map((w) => w.ready)), Promise.all(writers.map((w) => w.exited))]);
    for (const w of writers) w.p.stdin.end('go\n');
    await Promise.all(writers.map((w) => w.exited));
    await Promise.race([all, subscription.done]);
    await subscription.stop();

    const shared = await store.readStream('shared-1');
    expect(shared).toHaveLength(total);
    expect(shared.map((e) => e.revision)).toEqual([...Array(total).keys()].map(BigInt));
    for (let start = 0; start < total; start += batchSize) {
      const batch = shared.slice(start, start + batchSize);
      expect(new Set(batch.map((e) => `${e.data.writer}/${e.data.batch}`)).size).toBe(1);
      expect(at(batch, batchSize - 1).globalPosition - at(batch, 0).globalPosition).toBe(BigInt(batchSize - 1));
    }
    expect(new Set(shared.map((e) => e.data.writer))).toEqual(new Set(['a', 'b']));
    // optimistic concurrency across processes: no increment lost
    const counter = await store.readStream('counter-1');
    expect(counter.map((e) => e.data.value)).toEqual([...Array(2 * batches).keys()].map((i) => i + 1));
    // every position from 1 to the last is taken, once
    const everything = await store.readAll();
    expect(everything.map((e) => e.globalPosition)).toEqual(everything.map((_, i) => BigInt(i + 1)));
    // the subscription in this process saw the other processes' appends, in order, once each
    expect(seen.map((e) => e.id)).toEqual(shared.map((e) => e.id));
    await store.close();
  }, 120_000);
});
