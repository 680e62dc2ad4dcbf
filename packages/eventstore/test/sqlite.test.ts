import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteCheckpointStore, runSubscription, storeCheckpointInTransaction } from '../src/checkpoints';
import { InvalidAppendError, WrongExpectedRevisionError, type RecordedEvent } from '../src/port';
import { openSqliteEventStore } from '../src/sqlite';
import { eventStoreContract } from './contract';
import { idempotencyRecordTests } from './idempotencyRecord';
import { at } from './fixtures/at';

const dir = mkdtempSync(join(tmpdir(), 'gevinst-es-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, `${name}-${uuidv7()}.sqlite`);

eventStoreContract('SQLite (synchronous=NORMAL)', () => openSqliteEventStore({ path: file('normal'), synchronous: 'NORMAL' }));
eventStoreContract('SQLite (synchronous=FULL, the default)', () => openSqliteEventStore({ path: file('full') }));

idempotencyRecordTests(
  'SQLite',
  () => openSqliteEventStore({ path: file('keys') }),
  async (store) =>
    store.db
      .prepare<[], { scope: string; key: string; fingerprint: string; answer: string }>(
        'SELECT user_id AS scope, key, fingerprint, result AS answer FROM idempotency_keys ORDER BY key',
      )
      .all()
      .map((row) => ({ ...row, answer: JSON.parse(row.answer) as unknown })),
);

describe('SQLite adapter', () => {
  it('is durable across reopening the file, and keeps counting positions', async () => {
    const path = file('reopen');
    const first = openSqliteEventStore({ path });
    const written = await first.appendToStream('unit-1', [{ type: 'UnitRegistered', data: { name: 'Oppvekst' } }]);
    await first.close();
    const second = openSqliteEventStore({ path });
    expect(at(await second.readStream('unit-1'), 0).data).toEqual({ name: 'Oppvekst' });
    expect((await second.appendToStream('unit-2', [{ type: 'UnitRegistered', data: {} }])).globalPosition).toBe(written.globalPosition + 1n);
    expect(second.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(second.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    await second.close();
  });

  it('an event id is unique in the whole store: reusing it in another stream is refused, nothing written', async () => {
    const store = openSqliteEventStore({ path: file('ids') });
    const id = uuidv7();
    await store.appendToStream('x-1', [{ id, type: 'A', data: {} }]);
    await expect(store.appendToStream('x-2', [{ id, type: 'A', data: {} }])).rejects.toMatchObject({ field: 'events[0].id' });
    await expect(store.appendToStream('x-3', [{ type: 'A', data: {} }, { id, type: 'A', data: {} }])).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await store.readAll()).toHaveLength(1);
    await store.close();
  });

  it('a projection writes its read model and its checkpoint in one transaction: a failing batch leaves neither', async () => {
    const path = file('projection');
    const store = openSqliteEventStore({ path });
    store.db.exec('CREATE TABLE unit_names (unit_id TEXT PRIMARY KEY, name TEXT NOT NULL)');
    for (const name of ['Helse', 'Skole', 'BOOM', 'Kultur']) await store.appendToStream(`unit-${name}`, [{ type: 'UnitRegistered', data: { name } }]);
    const checkpoints = new SqliteCheckpointStore(store.db);
    const insert = store.db.prepare('INSERT INTO unit_names VALUES (?, ?)');
    const project = (events: RecordedEvent[]) => {
      for (const e of events) {
        insert.run(e.streamName, e.data.name);
        if (e.data.name === 'BOOM' && !fixed) throw new Error('projection bug');
      }
    };
    let fixed = false;
    const failing = runSubscription({ store, checkpoints, subscriberId: 'unit-names', batchSize: 10, project });
    await expect(failing.done).rejects.toThrow('projection bug');
    // the whole batch (Helse, Skole, BOOM) was rolled back with its checkpoint
    expect(store.db.prepare('SELECT count(*) FROM unit_names').pluck().get()).toBe(0);
    expect(await checkpoints.load('unit-names')).toBeUndefined();

    fixed = true;
    let caughtUp!: () => void;
    const live = new Promise<void>((resolve) => (caughtUp = resolve));
    const fixedRun = runSubscription({ store, checkpoints, subscriberId: 'unit-names', batchSize: 2, project, onCaughtUp: () => caughtUp() });
    await live;
    await fixedRun.stop();
    expect(store.db.prepare('SELECT name FROM unit_names ORDER BY name').pluck().all()).toEqual(['BOOM', 'Helse', 'Kultur', 'Skole']);
    expect(await checkpoints.load('unit-names')).toBe(4n);

    // the helper for projections that manage their own transaction
    store.db.transaction(() => storeCheckpointInTransaction(store.db, 'other', 3n))();
    expect(await checkpoints.load('other')).toBe(3n);
    await store.close();
  });

  it('two processes appending to one file never interleave a batch nor lose a write; a subscription sees both', async () => {
    const path = file('two-process');
    const store = openSqliteEventStore({ path, pollIntervalMs: 20 });
    const [batches, batchSize] = [150, 20];
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
    const fixture = fileURLToPath(new URL('./fixtures/appender.ts', import.meta.url));
    const spawnWriter = (writer: string) => {
      const p = spawn(process.execPath, ['--import', 'tsx', fixture, path, writer, String(batches), String(batchSize), 'shared-1', 'counter-1'], {
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
    await all;
    await subscription.stop();

    const shared = await store.readStream('shared-1');
    expect(shared).toHaveLength(total);
    expect(shared.map((e) => e.revision)).toEqual([...Array(total).keys()].map(BigInt));
    // each batch occupies consecutive revisions and positions
    for (let start = 0; start < total; start += batchSize) {
      const batch = shared.slice(start, start + batchSize);
      expect(new Set(batch.map((e) => `${e.data.writer}/${e.data.batch}`)).size).toBe(1);
      expect(batch.map((e) => e.data.i)).toEqual([...Array(batchSize).keys()]);
      expect(at(batch, batchSize - 1).globalPosition - at(batch, 0).globalPosition).toBe(BigInt(batchSize - 1));
    }
    expect(new Set(shared.map((e) => e.data.writer))).toEqual(new Set(['a', 'b']));
    // the writers really overlapped: their batches alternate somewhere in the stream
    const order = Array.from({ length: total / batchSize }, (_, k) => at(shared, k * batchSize).data.writer);
    expect(order.some((w, k) => k > 0 && w !== order[k - 1] && order.indexOf(w) < k - 1)).toBe(true);
    // optimistic concurrency across processes: no increment lost
    const counter = await store.readStream('counter-1');
    expect(counter.map((e) => e.data.value)).toEqual([...Array(2 * batches).keys()].map((i) => i + 1));
    // the subscription in this process saw the other processes' appends, in order, once each
    expect(seen.map((e) => e.id)).toEqual(shared.map((e) => e.id));
    await store.close();
  });

  it('group commit: appends made in one tick share one transaction, none is visible to another connection before the group commits', async () => {
    const path = file('group');
    const store = openSqliteEventStore({ path });
    const reader = new Database(path, { readonly: true });
    const committedCount = reader.prepare('SELECT count(*) FROM events').pluck();
    const seenByReader: number[] = [];
    const results = await Promise.all(
      ['a', 'b', 'c'].map((s) =>
        store.appendToStream(`group-${s}`, [{ type: 'A', data: {} }], { alongside: () => void seenByReader.push(committedCount.get() as number) }),
      ),
    );
    // with one transaction per append the reader would have seen 0, 1 and 2 events
    expect(seenByReader).toEqual([0, 0, 0]);
    expect(results.map((r) => r.globalPosition)).toEqual([1n, 2n, 3n]);
    expect(committedCount.get()).toBe(3);
    reader.close();
    await store.close();
  });

  it('alongside writes commit with the events; when it throws, that append alone is rolled back and the others commit', async () => {
    const store = openSqliteEventStore({ path: file('alongside') });
    store.db.exec('CREATE TABLE side (k TEXT PRIMARY KEY)');
    const put = store.db.prepare('INSERT INTO side VALUES (?)');
    const attempts = await Promise.allSettled([
      store.appendToStream('x-1', [{ type: 'A', data: {} }], { alongside: () => void put.run('one') }),
      store.appendToStream('x-2', [{ type: 'A', data: {} }, { type: 'B', data: {} }], {
        alongside: () => {
          put.run('two');
          throw new Error('key write failed');
        },
      }),
      store.appendToStream('x-3', [{ type: 'A', data: {} }], { alongside: (r) => void put.run(`three@${r.globalPosition}`) }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((attempts[1] as PromiseRejectedResult).reason.message).toBe('key write failed');
    expect(await store.readStream('x-2')).toEqual([]);
    expect((await store.readAll()).map((e) => e.streamName)).toEqual(['x-1', 'x-3']);
    expect(store.db.prepare('SELECT k FROM side ORDER BY k').pluck().all()).toEqual(['one', 'three@2']);
    await store.close();
  });

  it('appends accepted before close are written before the file closes', async () => {
    const path = file('close');
    const store = openSqliteEventStore({ path });
    const pending = store.appendToStream('x-1', [{ type: 'A', data: {} }]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const again = openSqliteEventStore({ path });
    expect(await again.readStream('x-1')).toHaveLength(1);
    await again.close();
  });

  it('the error for a wrong revision names the stream, the expected and the actual revision', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    await store.appendToStream('benefit-1', [{ type: 'BenefitPlanned', data: {} }]);
    const error = await store.appendToStream('benefit-1', [{ type: 'X', data: {} }], { expectedRevision: 'no_stream' }).catch((e) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error.message).toBe('Wrong expected revision on benefit-1: expected no_stream, actual 0');
    await store.close();
  });
});

describe('SQLite adapter, another process holding the write lock', () => {
  it('an append waits for the lock without stopping the event loop, rejects with SQLITE_BUSY after busyTimeoutMs writing nothing, and succeeds once the lock is free', async () => {
    const path = file('busy');
    const store = openSqliteEventStore({ path, busyTimeoutMs: 400 });
    await store.appendToStream('unit-1', [{ type: 'UnitRegistered', data: {} }]);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    try {
      const refused = store.appendToStream('unit-2', [{ type: 'UnitRegistered', data: {} }]).then(
        () => undefined,
        (error: { code?: string }) => error,
      );
      // reads go on while the append waits
      expect(await store.readStream('unit-1')).toHaveLength(1);
      const error = await refused;
      expect(error?.code).toBe('SQLITE_BUSY');
      expect(ticks, 'the event loop was blocked while waiting').toBeGreaterThan(5);
      other.exec('ROLLBACK');
      expect(await store.readStream('unit-2')).toEqual([]);
      expect((await store.appendToStream('unit-2', [{ type: 'UnitRegistered', data: {} }])).nextExpectedRevision).toBe(0n);
      other.exec('BEGIN IMMEDIATE');
      const waited = store.appendToStream('unit-3', [{ type: 'UnitRegistered', data: {} }]);
      setTimeout(() => other.exec('COMMIT'), 100);
      expect((await waited).nextExpectedRevision).toBe(0n);
    } finally {
      clearInterval(ticker);
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });
});
