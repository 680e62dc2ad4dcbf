import { openSqliteEventStore } from '@gevinst/eventstore';
import { ReadModels } from '@gevinst/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Application } from '../src/application/handle';
import { commands } from '../src/application/commands/index';
import { IdempotencyStore } from '../src/application/idempotency';
import { completeMerger, MERGER_PROCESS_USER, unitMergedIntoEventId } from '../src/application/processes/completeMergers';
import type { ErrorResponse, UnitDetail } from '@gevinst/domain/answers';
import { startTestGevinst } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'gevinst-mergers-'));
const dbPath = join(dir, 'gevinst.sqlite');
const ids = { kommune: '', a: '', b: '', successor: '', project: '' };


const mergedIntoEvents = async (store: { readAll(): Promise<{ type: string; streamName: string; metadata: Record<string, unknown> }[]> }) =>
  (await store.readAll()).filter((e) => e.type === 'UnitMergedInto');

/** the successor's half of a merger, as a process that died after its first append leaves it */
const writeOnlyUnitsMerged = async (successorUnitId: string, mergedUnitIds: string[]) => {
  const store = openSqliteEventStore({ path: dbPath });
  try {
    const head = await store.readStream(`unit-${successorUnitId}`, { direction: 'backwards', maxCount: 1 });
    await store.appendToStream(
      `unit-${successorUnitId}`,
      [{ type: 'UnitsMerged', data: { successorUnitId, mergedUnitIds, effectiveDate: '2026-08-01' }, metadata: { userId: 'tester@kommune.no', correlationId: 'merger-1' } }],
      { expectedRevision: head[0]!.revision },
    );
  } finally {
    await store.close();
  }
};

beforeAll(async () => {
  const g = await startTestGevinst({}, dir);
  try {
    ids.kommune = await g.created('/api/units', { name: 'Rutevik kommune' });
    ids.a = await g.created('/api/units', { name: 'Skole A', parentId: ids.kommune });
    ids.b = await g.created('/api/units', { name: 'Skole B', parentId: ids.kommune });
    ids.successor = await g.created('/api/units', { name: 'Rutevik skole', parentId: ids.kommune });
    ids.project = await g.created('/api/projects', { name: 'Digital skole', ownerUnitId: ids.kommune, projectLeader: 'leder@rutevik.no' });
  } finally {
    await g.close();
  }
  await writeOnlyUnitsMerged(ids.successor, [ids.a, ids.b]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a merger cut short between its appends', () => {
  it('already stops new facts on the merged units before it is completed', async () => {
    const store = openSqliteEventStore({ path: dbPath });
    const readModels = new ReadModels({ store, db: store.db });
    try {
      await readModels.start();
      expect(readModels.units.incompleteMergers().map((m) => m.unitId).sort()).toEqual([ids.a, ids.b].sort());
      expect(readModels.units.summary(ids.a)).toMatchObject({ active: false, mergedInto: ids.successor });
      // no process manager here: the merger stays incomplete, and still nothing new is taken
      const app = new Application({ store, readModels, idempotency: new IdempotencyStore(store.db), commands });
      const cost = { payerUnitId: ids.a, amountOre: 100_00, period: '2026', kind: 'one-off' };
      await expect(app.handle({ command: 'recordCost', targetId: ids.project, input: cost, userId: 'u' })).rejects.toMatchObject({
        code: 'unit_inactive',
        fields: [{ path: 'payerUnitId' }],
      });
      await expect(app.handle({ command: 'renameUnit', targetId: ids.b, input: { name: 'Nytt navn' }, userId: 'u' })).rejects.toMatchObject({
        code: 'unit_merged',
      });
      await expect(
        app.handle({ command: 'mergeUnits', input: { mergedUnitIds: [ids.a], successorUnitId: ids.kommune, effectiveDate: '2026-09-01' }, userId: 'u' }),
      ).rejects.toMatchObject({ code: 'unit_already_merged' });
      await expect(
        app.handle({ command: 'mergeUnits', input: { mergedUnitIds: [ids.kommune], successorUnitId: ids.b, effectiveDate: '2026-09-01' }, userId: 'u' }),
      ).rejects.toMatchObject({ code: 'unit_merged', fields: [{ path: 'successorUnitId' }] });
      expect(await mergedIntoEvents(store)).toEqual([]);
    } finally {
      await readModels.stop();
      await store.close();
    }
  });

  it('is completed at start-up, once: UnitMergedInto on each merged unit, which then refuses a cost (422)', async () => {
    const before = (await openAndCount()).length;
    const g = await startTestGevinst({}, dir);
    try {
      const written = await mergedIntoEvents(g.store);
      expect(written.map((e) => e.streamName).sort()).toEqual([`unit-${ids.a}`, `unit-${ids.b}`].sort());
      expect(written.every((e) => e.metadata.userId === MERGER_PROCESS_USER && e.metadata.correlationId === 'merger-1')).toBe(true);
      expect((await g.store.readAll()).length).toBe(before + 2);
      expect(g.readModels.units.incompleteMergers()).toEqual([]);

      const a = (await g.get<UnitDetail>(`/api/units/${ids.a}`)).body;
      expect(a).toMatchObject({ active: false, mergedInto: ids.successor });
      expect(a.history.map((h: { type: string }) => h.type)).toContain('UnitMergedInto');
      const cost = await g.post<ErrorResponse>(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.a, amountOre: 100_00, period: '2026', kind: 'one-off' });
      expect(cost.status).toBe(422);
      expect(cost.body.error).toMatchObject({ code: 'unit_inactive', fields: [expect.objectContaining({ path: 'payerUnitId' })] });
    } finally {
      await g.close();
    }
  });

  it('writes nothing more on the next start, nor when completed again', async () => {
    const before = await openAndCount();
    const g = await startTestGevinst({}, dir);
    try {
      expect((await g.store.readAll()).length).toBe(before.length);
      const again = await completeMerger(
        g.store,
        { unitId: ids.a, successorUnitId: ids.successor, effectiveDate: '2026-08-01', mergedEventId: 'x', correlationId: null },
        new Date().toISOString(),
      );
      expect(again).toBe('already_recorded');
      expect((await mergedIntoEvents(g.store)).length).toBe(2);
    } finally {
      await g.close();
    }
  });

  it('is completed live when a UnitsMerged arrives without its other half; two completions racing write it once', async () => {
    const g = await startTestGevinst({}, dir);
    try {
      const c = await g.created('/api/units', { name: 'Skole C', parentId: ids.kommune });
      const d = await g.created('/api/units', { name: 'Skole D', parentId: ids.kommune });
      const head = await g.store.readStream(`unit-${ids.successor}`, { direction: 'backwards', maxCount: 1 });
      const merged = await g.store.appendToStream(
        `unit-${ids.successor}`,
        [{ type: 'UnitsMerged', data: { successorUnitId: ids.successor, mergedUnitIds: [c, d], effectiveDate: '2026-09-01' }, metadata: { correlationId: 'merger-2' } }],
        { expectedRevision: head[0]!.revision },
      );
      const mergedEventId = (await g.store.readStream(`unit-${ids.successor}`, { direction: 'backwards', maxCount: 1 }))[0]!.id;
      // a second instance completing the same merger at the same moment
      const other = completeMerger(
        g.store,
        { unitId: c, successorUnitId: ids.successor, effectiveDate: '2026-09-01', mergedEventId, correlationId: 'merger-2' },
        new Date().toISOString(),
      );
      await g.readModels.waitFor(merged.globalPosition);
      await other;
      await expect.poll(async () => (await mergedIntoEvents(g.store)).length, { timeout: 10_000 }).toBe(4);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const forC = (await g.store.readStream(`unit-${c}`)).filter((e) => e.type === 'UnitMergedInto');
      const forD = (await g.store.readStream(`unit-${d}`)).filter((e) => e.type === 'UnitMergedInto');
      expect([forC.length, forD.length]).toEqual([1, 1]);
      expect(forD[0]!.metadata).toMatchObject({ causationId: mergedEventId, correlationId: 'merger-2' });
    } finally {
      await g.close();
    }
  });

  it('the merge command and the process write the same UnitMergedInto once', async () => {
    const g = await startTestGevinst({}, dir);
    try {
      const e = await g.created('/api/units', { name: 'Skole E', parentId: ids.kommune });
      const res = await g.post('/api/units/merge', { mergedUnitIds: [e], successorName: 'Rutevik nye skole', parentId: ids.kommune, effectiveDate: '2026-10-01' });
      expect(res.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await g.store.readStream(`unit-${e}`)).filter((x) => x.type === 'UnitMergedInto')).toHaveLength(1);
    } finally {
      await g.close();
    }
  });

  it('the command losing the race to the process appends the same event at the same revision, which writes nothing', async () => {
    const g = await startTestGevinst({}, dir);
    try {
      const f = await g.created('/api/units', { name: 'Skole F', parentId: ids.kommune });
      const read = (await g.store.readStream(`unit-${f}`)).at(-1)!.revision;
      const merger = { unitId: f, successorUnitId: ids.successor, effectiveDate: '2026-11-01', mergedEventId: 'm', correlationId: null };
      expect(await completeMerger(g.store, merger, new Date().toISOString())).toBe('written');
      // what the merge command appends for the same unit, having read the stream before the process wrote
      const data = { unitId: f, successorUnitId: ids.successor, effectiveDate: '2026-11-01' };
      await g.store.appendToStream(`unit-${f}`, [{ id: unitMergedIntoEventId(f, ids.successor), type: 'UnitMergedInto', data }], { expectedRevision: read });
      expect((await g.store.readStream(`unit-${f}`)).filter((e) => e.type === 'UnitMergedInto')).toHaveLength(1);
    } finally {
      await g.close();
    }
  });
});

async function openAndCount() {
  const store = openSqliteEventStore({ path: dbPath });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}
