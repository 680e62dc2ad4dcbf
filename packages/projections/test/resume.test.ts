import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteEventStore, type EventStore, type SqliteEventStore } from '@gevinst/eventstore';
import { ReadModels, type ReadModelsOptions } from '../src/readModels';
import type { ProjectedEvent } from '../src/runner/projection';
import type { CatchUpProgress, RestoreOutcome } from '../src/runner/ProjectionRunner';
import { encodeState } from '../src/runner/snapshots';

const dirs: string[] = [];
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-resume-'));
  dirs.push(dir);
  return openSqliteEventStore({ path: join(dir, 'e.sqlite') });
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const meta = (i: number) => ({ userId: `u${i}@k.no`, recordedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, schemaVersion: 1 });
let n = 0;
const unit = async (store: EventStore, parentId: string | null = null) => {
  const unitId = `u${++n}`;
  await store.appendToStream(`unit-${unitId}`, [{ type: 'UnitRegistered', data: { unitId, name: `Enhet ${unitId}`, parentId, orgNumber: null, leader: null }, metadata: meta(n) }]);
  return unitId;
};
/** a project paid by `payer` with a benefit for `recipient`, realised, and a role grant: every model gets something */
const project = async (store: EventStore, payer: string, recipient: string) => {
  const projectId = `p${++n}`;
  const benefitId = `b${++n}`;
  await store.appendToStream(`project-${projectId}`, [
    { type: 'ProjectRegistered', data: { projectId, name: `P${n}`, ownerUnitId: payer, projectLeader: 'a@k.no', thresholds: { greenPct: 100, yellowPct: 80 } }, metadata: meta(n) },
    { type: 'CostRecorded', data: { projectId, costId: `c${n}`, payerUnitId: payer, amountOre: 1_000_00 + n, period: '2026-T1', kind: 'one-off', description: null }, metadata: meta(n) },
  ]);
  await store.appendToStream(`benefit-${benefitId}`, [
    {
      type: 'BenefitPlanned',
      data: {
        benefitId, projectId, title: 'G', recipientUnitId: recipient, owner: 'o@k.no', indicator: 'i', unitOfMeasure: 'timer', direction: 'increase',
        category: 'capacity', cashReleasing: false, valuationOrePerUnit: 100, baseline: null, target: null, targetDate: null,
        plan: [{ period: '2026-T1', quantity: 30 + n }], measurementSchedule: 'tertial', disbenefit: false,
      },
      metadata: { ...meta(n), schemaVersion: 2 },
    },
    { type: 'BenefitRealised', data: { benefitId, period: '2026-T1', quantity: n, valuationOrePerUnit: 100, valueOre: n * 100, comment: null, evidenceUrl: null }, metadata: meta(n) },
  ]);
  await store.appendToStream(`access-g${n}`, [{ type: 'RoleGranted', data: { grantId: `g${n}`, personId: `p${n}@k.no`, role: 'finance', unitId: payer, reason: null }, metadata: meta(n) }]);
};
const history = async (store: EventStore, projects: number) => {
  const root = await unit(store);
  const a = await unit(store, root);
  const b = await unit(store, root);
  for (let i = 0; i < projects; i++) await project(store, i % 2 ? a : b, i % 2 ? b : a);
  return { root, a, b };
};

const positions = async (store: EventStore) => (await store.readAll()).map((e) => e.globalPosition);

/** what each model was fed, by global position */
const spyApplies = (rm: ReadModels) => {
  const seen: Record<string, bigint[]> = {};
  for (const model of rm.models) {
    const list: bigint[] = (seen[model.name] = []);
    const apply = model.apply.bind(model);
    vi.spyOn(model, 'apply').mockImplementation((event: ProjectedEvent) => {
      list.push(event.globalPosition);
      apply(event);
    });
  }
  return seen;
};

/** every model's state, with the unit tree brought to today first, and the answers read from them */
const stateOf = (rm: ReadModels) => {
  rm.units.list();
  return {
    models: Object.fromEntries(rm.models.map((m) => [m.name, m.snapshot()])),
    answers: { units: rm.units.list(), ledger: rm.ledger.ledger({ level: 0 }), grants: rm.access.list(), portfolio: rm.portfolioStatus({ from: '2026-T1', to: '2026-T3' }) },
  };
};

const rebuilt = async (store: SqliteEventStore) => {
  const fresh = new ReadModels({ store, db: store.db, snapshots: false });
  await fresh.start();
  await fresh.stop();
  return stateOf(fresh);
};

const models = (store: SqliteEventStore, extra: Partial<ReadModelsOptions> = {}) => {
  const restored: RestoreOutcome[] = [];
  const rm = new ReadModels({ store, db: store.db, onRestore: (o) => restored.push(o), ...extra });
  return { rm, restored };
};

describe('read models that resume', () => {
  it('a restart takes each model up from its snapshot and feeds it every later event exactly once, to the state of a full rebuild', async () => {
    const store = open() as SqliteEventStore;
    await history(store, 5);
    const first = new ReadModels({ store, db: store.db });
    await first.start();
    await first.stop();
    const stoppedAt = first.runner.position!;
    expect(first.snapshots?.load('ledger')?.position).toBe(stoppedAt);

    await project(store, 'u2', 'u3');
    await project(store, 'u3', 'u2');
    const later = (await positions(store)).filter((p) => p > stoppedAt);
    expect(later.length).toBe(10);

    const { rm: second, restored } = models(store);
    const seen = spyApplies(second);
    await second.start();
    const names = second.models.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['units', 'portfolio', 'ledger', 'access']));
    expect(restored.map((o) => [o.name, o.position, o.rebuildBecause])).toEqual(names.map((name) => [name, stoppedAt, undefined]));
    for (const name of names) expect(seen[name]).toEqual(later);
    expect(second.runner.applied).toBe(later.length);
    expect(second.runner.position).toBe(later.at(-1));
    expect(stateOf(second)).toEqual(await rebuilt(store));
    await second.stop();
    await store.close();
  });

  it('a model whose version changed is rebuilt from the first event while the others resume, and all end equal to a full rebuild', async () => {
    const store = open() as SqliteEventStore;
    await history(store, 4);
    const first = new ReadModels({ store, db: store.db });
    await first.start();
    await first.stop();
    const stoppedAt = first.runner.position!;
    await project(store, 'u2', 'u3');

    const { rm: second, restored } = models(store);
    Object.defineProperty(second.ledger, 'snapshotVersion', { value: second.ledger.snapshotVersion + 1 });
    const seen = spyApplies(second);
    await second.start();
    const all = await positions(store);
    expect(restored.find((o) => o.name === 'ledger')).toMatchObject({ position: undefined, rebuildBecause: expect.stringMatching(/version/) });
    expect(seen.ledger).toEqual(all);
    expect(seen.portfolio).toEqual(all.filter((p) => p > stoppedAt));
    expect(seen.units).toEqual(all.filter((p) => p > stoppedAt));
    expect(stateOf(second)).toEqual(await rebuilt(store));
    await second.stop();

    // stopped once current, every model is stored again at one position, the ledger under its new version
    const third = models(store);
    Object.defineProperty(third.rm.ledger, 'snapshotVersion', { value: third.rm.ledger.snapshotVersion + 1 });
    await third.rm.start();
    expect(third.restored.map((o) => o.position)).toEqual(third.rm.models.map(() => all.at(-1)));
    await third.rm.stop();
    await store.close();
  });

  it.each([
    ['bytes that are no serialised state', Buffer.from([0x00, 0xff, 0x13, 0x37])],
    ['a state of another shape', encodeState({ projects: [], benefits: 'none' })],
  ])('a model whose snapshot is unreadable (%s) is rebuilt, and the start still ends at the state of a full rebuild', async (_, bytes) => {
    const store = open() as SqliteEventStore;
    await history(store, 3);
    const first = new ReadModels({ store, db: store.db });
    await first.start();
    await first.stop();
    store.db.prepare("UPDATE projection_snapshots SET state = ? WHERE name = 'portfolio'").run(bytes);
    await project(store, 'u3', 'u2');

    const { rm: second, restored } = models(store);
    const seen = spyApplies(second);
    await second.start();
    expect(restored.find((o) => o.name === 'portfolio')).toMatchObject({ position: undefined, rebuildBecause: expect.stringMatching(/unreadable/) });
    expect(seen.portfolio).toEqual(await positions(store));
    expect(stateOf(second)).toEqual(await rebuilt(store));
    await second.stop();
    await store.close();
  });

  it('a snapshot ahead of the store (another store behind the same file) is not taken up', async () => {
    const store = open() as SqliteEventStore;
    await history(store, 2);
    const first = new ReadModels({ store, db: store.db });
    await first.start();
    await first.stop();
    const { rm, restored } = models(store, { head: () => 3n });
    await rm.start();
    expect(restored.every((o) => o.position === undefined && /ahead of the store/.test(o.rebuildBecause ?? ''))).toBe(true);
    expect(stateOf(rm)).toEqual(await rebuilt(store));
    await rm.stop();
    await store.close();
  });

  it('while events flow, the models are stored again at one position; a rebuild on demand drops the snapshots and stores new ones', async () => {
    const store = open() as SqliteEventStore;
    await history(store, 1);
    const progress: CatchUpProgress[] = [];
    const rm = new ReadModels({ store, db: store.db, snapshotEveryMs: 0, onProgress: (p) => progress.push(p) });
    await rm.start();
    expect(progress.at(-1)).toMatchObject({ kind: 'start', done: true, percent: 100, position: rm.runner.position });
    expect(rm.status()).toMatchObject({ status: 'current', position: rm.runner.position });
    await project(store, 'u2', 'u3');
    const head = (await positions(store)).at(-1)!;
    await rm.waitFor(head);
    await vi.waitFor(() => expect(rm.snapshots?.load('access')?.position).toBe(head), { timeout: 5_000 });
    for (const { name } of rm.models) expect(rm.snapshots?.load(name)?.position).toBe(head);

    await rm.rebuild();
    expect(progress.at(-1)).toMatchObject({ kind: 'rebuild', done: true, position: head });
    await rm.stop();
    expect(rm.snapshots?.load('ledger')?.position).toBe(head);
    await store.close();
  });
});
