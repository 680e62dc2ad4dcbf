import { isSqliteEventStore } from '@gevinst/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const db = () => {
  if (!isSqliteEventStore(g.store)) throw new Error('this test needs the SQLite event store');
  return g.store.db;
};

describe('Idempotency-Key on SQLite: stored in the same transaction as the events', () => {
  it('when the key cannot be written, no event is stored either; the retry then writes once and answers the same', async () => {
    const kommune = await g.handle({ command: 'registerUnit', input: { name: 'Nøkkelvik kommune' }, userId: 'kari@nokkelvik.no' });
    const before = await countEvents(g);
    // the key write fails inside the append's transaction (as a crash between the two would)
    db().exec(`CREATE TEMP TRIGGER key_write_fails BEFORE INSERT ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'key write failed'); END`);
    const request = { command: 'registerUnit', input: { name: 'Servicetorget', parentId: kommune.id }, userId: 'kari@nokkelvik.no', idempotencyKey: 'k-1' };
    await expect(g.handle(request)).rejects.toThrow('key write failed');
    expect(await countEvents(g)).toBe(before);
    expect(db().prepare('SELECT count(*) FROM idempotency_keys WHERE key = ?').pluck().get('k-1')).toBe(0);

    db().exec('DROP TRIGGER key_write_fails');
    const first = await g.handle(request);
    expect(await countEvents(g)).toBe(before + 1);
    const again = await g.handle(request);
    expect(again).toEqual(first);
    expect(await countEvents(g)).toBe(before + 1);
    // the stored answer names the event's real position and revision
    const [event] = await g.store.readStream(`unit-${first.id}`);
    expect(first).toEqual({ id: first.id, revision: '0', position: event?.globalPosition.toString() });
  });

  it('a two-stream command (a merger) stores its key with its last append; a retry writes nothing', async () => {
    const kommune = await g.handle({ command: 'registerUnit', input: { name: 'Flettvik kommune' }, userId: 'u' });
    const a = await g.handle({ command: 'registerUnit', input: { name: 'Skole A', parentId: kommune.id }, userId: 'u' });
    const b = await g.handle({ command: 'registerUnit', input: { name: 'Skole B', parentId: kommune.id }, userId: 'u' });
    const merge = { command: 'mergeUnits', input: { mergedUnitIds: [a.id, b.id], successorName: 'Skole AB', parentId: kommune.id, effectiveDate: '2026-08-01' }, userId: 'u', idempotencyKey: 'merge-1' };
    const before = await countEvents(g);
    const first = await g.handle(merge);
    const written = (await countEvents(g)) - before;
    expect(written).toBeGreaterThanOrEqual(3);
    const stored = JSON.parse(db().prepare('SELECT result FROM idempotency_keys WHERE key = ?').pluck().get('merge-1') as string);
    expect(stored).toEqual(first);
    expect(await g.handle(merge)).toEqual(first);
    expect(await countEvents(g)).toBe(before + written);
  });
});
