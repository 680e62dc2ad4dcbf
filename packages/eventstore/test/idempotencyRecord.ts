import { describe, expect, it } from 'vitest';
import { IdempotencyKeyStoredError, WrongExpectedRevisionError, type EventStore, type IdempotencyRecord } from '../src/port';

export interface StoredKey {
  scope: string;
  key: string;
  fingerprint: string;
  answer: unknown;
}

const record = (key: string, answer: Record<string, unknown> = { id: 'a' }): IdempotencyRecord => ({
  scope: 'kari@kommune.no',
  key,
  fingerprint: `fp-${key}`,
  answer,
  resultFields: { nextExpectedRevision: 'revision', globalPosition: 'position' },
});

/** `AppendOptions.idempotency` for the adapters that store it in the append's transaction (SQLite, PostgreSQL) */
export const idempotencyRecordTests = <S extends EventStore>(name: string, open: () => Promise<S> | S, storedKeys: (store: S) => Promise<StoredKey[]>) =>
  describe(`${name}: an idempotency record stored in the append's transaction`, () => {
    it('commits with the events, its answer completed with the append\'s result', async () => {
      const store = await open();
      await store.appendToStream('x-0', [{ type: 'A', data: {} }]);
      const result = await store.appendToStream('x-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { expectedRevision: 'no_stream', idempotency: record('k-1', { id: 'x-1', note: 'første' }) });
      expect(result).toEqual({ nextExpectedRevision: 1n, globalPosition: 3n });
      expect(await storedKeys(store)).toEqual([
        { scope: 'kari@kommune.no', key: 'k-1', fingerprint: 'fp-k-1', answer: { id: 'x-1', note: 'første', revision: '1', position: '3' } },
      ]);
      await store.close();
    });

    it('a refused append (wrong expected revision) stores no record', async () => {
      const store = await open();
      await store.appendToStream('x-1', [{ type: 'A', data: {} }]);
      await expect(store.appendToStream('x-1', [{ type: 'B', data: {} }], { expectedRevision: 'no_stream', idempotency: record('k-1') })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await storedKeys(store)).toEqual([]);
      await store.close();
    });

    it('a key stored first by another request: the append writes nothing and says so; the others of its group commit', async () => {
      const store = await open();
      await store.appendToStream('x-1', [{ type: 'A', data: {} }], { idempotency: record('k-1', { id: 'first' }) });
      // a second one with that key (another instance deciding the same request again), in one group with others
      const attempts = await Promise.allSettled([
        store.appendToStream('x-2', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { idempotency: record('k-1', { id: 'second' }) }),
        store.appendToStream('x-3', [{ type: 'A', data: {} }], { idempotency: record('k-3') }),
        store.appendToStream('x-4', [{ type: 'A', data: {} }], { idempotency: record('k-3', { id: 'second' }) }),
      ]);
      expect(attempts.map((a) => a.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
      expect((attempts[0] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyStoredError);
      expect((attempts[0] as PromiseRejectedResult).reason).toMatchObject({ scope: 'kari@kommune.no', key: 'k-1' });
      expect((attempts[2] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyStoredError);
      // the events were written once, positions stay contiguous
      expect((await store.readAll()).map((e) => [e.streamName, e.globalPosition])).toEqual([
        ['x-1', 1n],
        ['x-3', 2n],
      ]);
      expect((await store.appendToStream('x-5', [{ type: 'A', data: {} }])).globalPosition).toBe(3n);
      expect((await storedKeys(store)).map((k) => [k.key, k.answer])).toEqual([
        ['k-1', { id: 'first', revision: '0', position: '1' }],
        ['k-3', { id: 'a', revision: '0', position: '2' }],
      ]);
      await store.close();
    });
  });
