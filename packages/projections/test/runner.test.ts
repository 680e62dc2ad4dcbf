import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore, type SqliteEventStore } from '@gevinst/eventstore';
import type { EventStore, SubscribeOptions, Subscription } from '@gevinst/eventstore';
import { ReadModels } from '../src/readModels';

const dirs: string[] = [];
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-proj-'));
  dirs.push(dir);
  return openSqliteEventStore({ path: join(dir, 'e.sqlite') });
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const meta = { userId: 'test', recordedAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 };
let n = 0;
const unit = async (store: EventStore, parentId: string | null = null) => {
  const unitId = `u${++n}`;
  await store.appendToStream(`unit-${unitId}`, [{ type: 'UnitRegistered', data: { unitId, name: `Enhet ${unitId}`, parentId, orgNumber: null, leader: null }, metadata: meta }], { expectedRevision: 'no_stream' });
  return unitId;
};
const project = async (store: EventStore, payer: string, recipient: string, amountOre: number, valueOre: number) => {
  const projectId = `p${++n}`;
  const benefitId = `b${++n}`;
  await store.appendToStream(`project-${projectId}`, [
    { type: 'ProjectRegistered', data: { projectId, name: 'P', ownerUnitId: payer, projectLeader: 'a@b.no', thresholds: { greenPct: 100, yellowPct: 80 } }, metadata: meta },
    { type: 'CostRecorded', data: { projectId, costId: `c${n}`, payerUnitId: payer, amountOre, period: '2026-T1', kind: 'one-off', description: null }, metadata: meta },
  ]);
  await store.appendToStream(`benefit-${benefitId}`, [
    {
      type: 'BenefitPlanned',
      data: {
        benefitId, projectId, title: 'G', recipientUnitId: recipient, owner: 'o@b.no', indicator: 'i', unitOfMeasure: 'timer', direction: 'increase',
        category: 'capacity', cashReleasing: false, valuationOrePerUnit: 100, baseline: null, target: null, targetDate: null,
        plan: [{ period: '2026-T1', quantity: valueOre / 100 }], measurementSchedule: 'tertial', disbenefit: false,
      },
      metadata: { ...meta, schemaVersion: 2 },
    },
    { type: 'BenefitRealised', data: { benefitId, period: '2026-T1', quantity: valueOre / 100, valuationOrePerUnit: 100, valueOre, comment: null, evidenceUrl: null }, metadata: meta },
  ]);
};

const ledgerOf = (rm: ReadModels) => rm.ledger.report({ level: 0 }).units.concat(rm.ledger.report({}).units);

describe('ProjectionRunner', () => {
  it('stores the checkpoint in the SQLite file and, after a restart, reads on to the same state as a fresh rebuild', async () => {
    const store = open() as SqliteEventStore;
    const root = await unit(store);
    const a = await unit(store, root);
    const b = await unit(store, root);
    await project(store, a, b, 1_000_00, 300_00);

    const first = new ReadModels({ store, db: store.db });
    await first.start();
    const last = (await store.readAll()).at(-1)!.globalPosition;
    expect(first.runner.position).toBe(last);
    await first.stop();
    expect(first.checkpoints.load('ledger')).toBe(last);
    expect(first.checkpoints.load('units')).toBe(last);

    await project(store, b, a, 500_00, 200_00);
    const second = new ReadModels({ store, db: store.db });
    await second.start();
    const fresh = new ReadModels({ store, db: store.db });
    await fresh.rebuild();
    expect(ledgerOf(second)).toEqual(ledgerOf(fresh));
    expect(second.ledger.report({}).flows).toEqual([
      { fromUnitId: a, toUnitId: b, ore: 300_00 },
      { fromUnitId: b, toUnitId: a, ore: 200_00 },
    ]);
    await second.stop();
    await fresh.stop();
    await store.close();
  });

  it('follows live appends, and after a dropped subscription resubscribes from its position without applying anything twice', async () => {
    const real = open() as SqliteEventStore;
    let drops = 0;
    // the real store, with a subscription that fails once after its first batch
    const flaky: EventStore = Object.create(real, {
      subscribe: {
        value: (options: SubscribeOptions): Subscription => {
          let failed: (e: Error) => void = () => undefined;
          const failure = new Promise<void>((_, reject) => (failed = reject));
          const inner = real.subscribe({
            ...options,
            handle: async (events, context) => {
              await options.handle(events, context);
              if (drops === 0) {
                drops++;
                failed(new Error('connection dropped'));
              }
            },
          });
          return { stop: () => inner.stop(), done: Promise.race([inner.done, failure]).finally(() => inner.stop()) };
        },
      },
    });
    const root = await unit(real);
    const a = await unit(real, root);
    const b = await unit(real, root);
    const errors: unknown[] = [];
    const rm = new ReadModels({ store: flaky, db: real.db, onError: (e) => errors.push(e) });
    await rm.start();
    for (let i = 0; i < 5; i++) await project(real, a, b, 1_000_00, 100_00);
    const last = (await real.readAll()).at(-1)!.globalPosition;
    for (let i = 0; i < 100 && rm.runner.position !== last; i++) await new Promise((r) => setTimeout(r, 50));
    expect(rm.runner.position).toBe(last);
    expect(drops).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    expect(rm.ledger.report({}).flows).toEqual([{ fromUnitId: a, toUnitId: b, ore: 500_00 }]);
    expect(rm.runner.applied).toBe((await real.readAll()).length);
    await rm.stop();
    await real.close();
  });

  it('waitFor resolves once the read models include a position written by this process', async () => {
    const store = open() as SqliteEventStore;
    const rm = new ReadModels({ store, db: store.db });
    await rm.start();
    const id = await unit(store);
    const position = (await store.readAll()).at(-1)!.globalPosition;
    await rm.waitFor(position);
    expect(rm.units.has(id)).toBe(true);
    await rm.stop();
    await store.close();
  });

  it('waitFor is answered from the store when the live feed drops before it brings the position, and while it is down', async () => {
    const real = open() as SqliteEventStore;
    // a live feed that brings nothing and drops a moment after it is opened (each time it is reopened)
    const deaf: EventStore = Object.create(real, {
      subscribe: {
        value: (): Subscription => {
          let timer: NodeJS.Timeout | undefined;
          const done = new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error('connection dropped')), 100)));
          return { stop: async () => clearTimeout(timer), done };
        },
      },
    });
    const rm = new ReadModels({ store: deaf, db: real.db, onError: () => undefined });
    await rm.start();
    // waiting while the feed is open: it drops without bringing the unit
    const first = await unit(real);
    await rm.waitFor((await real.readAll()).at(-1)!.globalPosition);
    expect(rm.units.has(first)).toBe(true);
    // waiting while it is down (before it is reopened)
    const second = await unit(real);
    await rm.waitFor((await real.readAll()).at(-1)!.globalPosition);
    expect(rm.units.has(second)).toBe(true);
    await rm.stop();
    await real.close();
  });
});

describe('ProjectionRunner while another process holds the write lock', () => {
  it('its checkpoint waits for the lock without blocking or failing, lands once the lock is free, and stop does not throw', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { ProjectionRunner } = await import('../src/runner/ProjectionRunner');
    const { SqliteCheckpoints } = await import('../src/runner/checkpoints');
    const { UnitsRegistry } = await import('../src/units/UnitsRegistry');
    const store = open() as SqliteEventStore;
    await unit(store);
    const checkpoints = new SqliteCheckpoints(store.db);
    const errors: unknown[] = [];
    const units = new UnitsRegistry();
    const runner = new ProjectionRunner({ store, projections: [units], checkpoints, checkpointEveryMs: 20, onError: (e) => errors.push(e) });
    const other = new Database(store.db.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      await runner.start();
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(checkpoints.load(units.name)).toBeUndefined();
      expect(errors).toEqual([]);
      other.exec('ROLLBACK');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(checkpoints.load(units.name)).toBe(runner.position);
      other.exec('BEGIN IMMEDIATE');
      await expect(runner.stop()).resolves.toBeUndefined();
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await store.close();
    }
  });
});
