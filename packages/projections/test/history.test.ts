import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore, type EventStore, type SqliteEventStore } from '@gevinst/eventstore';
import { HistoryModel } from '../src/history/HistoryModel';
import { upcastRecorded } from '../src/runner/upcast';

/** folds the store's events from the `from`-th on into the model, as the history routes do */
const fold = async (store: EventStore, model = new HistoryModel(), from = 0): Promise<HistoryModel> => {
  for (const event of (await store.readAll()).slice(from)) {
    const projected = upcastRecorded(event);
    if (projected) model.apply(projected);
  }
  return model;
};

const dirs: string[] = [];
const open = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-history-'));
  dirs.push(dir);
  return openSqliteEventStore({ path: join(dir, 'e.sqlite') }) as SqliteEventStore;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let t = 0;
const meta = (userId: string, schemaVersion = 1) => ({
  userId,
  userName: userId === 'pl@k.no' ? 'Per Leder' : null,
  actingRole: userId === 'pl@k.no' ? 'project-leader' : 'administrator',
  recordedAt: `2026-0${1 + Math.floor(t / 28)}-${String(1 + (t++ % 28)).padStart(2, '0')}T10:00:00.000Z`,
  schemaVersion,
});

const setUp = async (store: EventStore) => {
  await store.appendToStream('project-p1', [
    { type: 'ProjectRegistered', data: { projectId: 'p1', name: 'P', ownerUnitId: 'u1', projectLeader: 'pl@k.no', thresholds: { greenPct: 100, yellowPct: 80 } }, metadata: meta('admin') },
  ]);
  await store.appendToStream('benefit-b1', [
    {
      type: 'BenefitPlanned',
      data: {
        benefitId: 'b1', projectId: 'p1', title: 'Færre timer', recipientUnitId: 'u1', owner: 'eier@k.no', indicator: 'i', unitOfMeasure: 'timer',
        direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: 100_00, baseline: 10, target: 8, targetDate: null,
        plan: [{ period: '2026-T1', quantity: 10 }, { period: '2026-T2', quantity: 20 }], measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null,
      },
      metadata: meta('pl@k.no', 3),
    },
    // a v1 baseline, stored before the reason existed
    { type: 'BaselineMeasured', data: { benefitId: 'b1', value: 11, measuredOn: '2025-12-31' }, metadata: meta('eier@k.no') },
    {
      type: 'BenefitPlanApproved',
      data: { benefitId: 'b1', decisionPoint: 'BP2', plan: [{ period: '2026-T1', quantity: 10 }, { period: '2026-T2', quantity: 20 }], baseline: 11, target: 8, targetDate: null, note: 'Styringsgruppen' },
      metadata: meta('pl@k.no'),
    },
  ]);
};

const more = async (store: EventStore) => {
  await store.appendToStream('benefit-b1', [
    { type: 'BenefitForecastRevised', data: { benefitId: 'b1', plan: [{ period: '2026-T1', quantity: 10 }, { period: '2026-T2', quantity: 15.1 }], reason: 'Forsinket' }, metadata: meta('eier@k.no') },
    { type: 'BenefitRealised', data: { benefitId: 'b1', period: '2026-T1', quantity: 12.2, valuationOrePerUnit: 100_00, valueOre: 1220_00, comment: null, evidenceUrl: null }, metadata: meta('eier@k.no') },
    { type: 'BenefitOwnerAssigned', data: { benefitId: 'b1', owner: 'ny@k.no', previousOwner: 'eier@k.no' }, metadata: meta('pl@k.no') },
  ]);
  await store.appendToStream('project-p1', [{ type: 'ProjectClosed', data: { projectId: 'p1', reason: 'Ferdig' }, metadata: meta('pl@k.no') }]);
};

describe('HistoryModel', () => {
  it('keeps each change with who and when, reads a v1 baseline with reason null, and a rebuild equals the live model', async () => {
    const store = open();
    await setUp(store);
    // folded as the events came: the first ones, then the rest
    const live = await fold(store);
    const before = (await store.readAll()).length;
    await more(store);
    await fold(store, live, before);

    const entries = live.projectHistory('p1')!;
    expect(entries.map((e) => e.kind)).toEqual(['projectRegistered', 'benefitPlanned', 'baselineMeasured', 'planApproved', 'forecastRevised', 'realised', 'ownerChanged', 'projectClosed']);
    expect(entries.find((e) => e.kind === 'baselineMeasured')).toMatchObject({ reason: null, previousValue: 10, value: 11, by: 'eier@k.no' });
    expect(entries.find((e) => e.kind === 'planApproved')).toMatchObject({ decisionPoint: 'BP2', by: 'pl@k.no', byName: 'Per Leder', role: 'project-leader', benefitTitle: 'Færre timer' });
    expect(live.benefitHistory('b1')!.map((e) => e.kind)).not.toContain('projectClosed');

    const versions = live.planVersions('b1')!;
    expect(versions.versions).toHaveLength(1);
    expect(versions.variance.map((r) => [r.period, r.approvedQuantity, r.currentQuantity, r.realisedQuantity, r.currentVsApproved, r.realisedVsApproved])).toEqual([
      ['2026-T1', 10, 10, 12.2, 0, 2.2],
      ['2026-T2', 20, 15.1, null, -4.9, null],
    ]);
    expect(versions.totals).toMatchObject({ approvedQuantity: 30, currentQuantity: 25.1, currentVsApproved: -4.9 });

    const rebuilt = await fold(store);
    expect(rebuilt.projectHistory('p1')).toEqual(entries);
    expect(rebuilt.planVersions('b1')).toEqual(versions);
    expect(live.benefitHistory('nope')).toBeUndefined();
    expect(live.planVersions('nope')).toBeUndefined();
    await store.close();
  });

  it('shows a declared share of a gain in both benefits\' histories, each from its own side, and across both projects', async () => {
    const store = open();
    await setUp(store);
    await store.appendToStream('project-p2', [
      { type: 'ProjectRegistered', data: { projectId: 'p2', name: 'Q', ownerUnitId: 'u1', projectLeader: 'pl@k.no', thresholds: { greenPct: 100, yellowPct: 80 } }, metadata: meta('admin') },
    ]);
    await store.appendToStream('benefit-b2', [
      {
        type: 'BenefitPlanned',
        data: {
          benefitId: 'b2', projectId: 'p2', title: 'Også færre timer', recipientUnitId: 'u1', owner: 'eier@k.no', indicator: 'i', unitOfMeasure: 'timer',
          direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: 100_00, baseline: null, target: null, targetDate: null,
          plan: [{ period: '2026-T2', quantity: 5 }], measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null,
        },
        metadata: meta('pl@k.no', 3),
      },
      { type: 'BenefitOverlapDeclared', data: { benefitId: 'b2', otherBenefitId: 'b1', otherProjectId: 'p1', sharePercent: 40, otherSharePercent: 60 }, metadata: meta('pl@k.no') },
    ]);
    const live = await fold(store);

    const declared = live.benefitHistory('b2')!.at(-1)!;
    expect(declared).toMatchObject({
      kind: 'overlapDeclared', benefitId: 'b2', projectId: 'p2', otherBenefitId: 'b1', otherBenefitTitle: 'Færre timer', otherProjectId: 'p1',
      sharePercent: 40, otherSharePercent: 60, declaredHere: true, by: 'pl@k.no',
    });
    const seen = live.benefitHistory('b1')!.at(-1)!;
    expect(seen).toMatchObject({
      kind: 'overlapDeclared', benefitId: 'b1', projectId: 'p1', otherBenefitId: 'b2', otherBenefitTitle: 'Også færre timer', otherProjectId: 'p2',
      sharePercent: 60, otherSharePercent: 40, declaredHere: false, position: declared.position,
    });
    expect(live.projectHistory('p1')!.filter((e) => e.kind === 'overlapDeclared')).toEqual([seen]);
    expect(live.projectHistory('p2')!.map((e) => e.kind)).toEqual(['projectRegistered', 'benefitPlanned', 'overlapDeclared']);

    const rebuilt = await fold(store);
    expect(rebuilt.benefitHistory('b1')).toEqual(live.benefitHistory('b1'));
    expect(rebuilt.benefitHistory('b2')).toEqual(live.benefitHistory('b2'));
    await store.close();
  });
});
