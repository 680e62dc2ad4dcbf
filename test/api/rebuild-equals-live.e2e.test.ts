import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGevinst, type RunningGevinst } from '@gevinst/api/server';
import { declaredOverlaps, ReadModels } from '@gevinst/projections';
import { AS_ADMIN, TEST_ADMIN_TOKEN } from '../../services/api/test/helpers';
import type { SqliteEventStore } from '@gevinst/eventstore';

/**
 * Generated histories go through the HTTP API (refused commands simply store nothing); after each
 * one, read models rebuilt from scratch on the same store must equal the live ones to the øre.
 */
const PERIODS = ['2025', '2025-T1', '2025-T3', '2025-11', '2026-T1', '2026-02', '2026-T2', '2026-T3', '2026', '2027-T1'];

type Step =
  | { op: 'unit'; parent: number }
  | { op: 'move'; unit: number; parent: number; date: number }
  | { op: 'merge'; a: number; b: number; date: number }
  | { op: 'annulMove'; move: number }
  | { op: 'annulMerger'; merger: number }
  | { op: 'project'; owner: number }
  | { op: 'cost'; project: number; payer: number; amountOre: number; period: number }
  | { op: 'benefit'; project: number; recipient: number; valuation: number | null; cash: boolean; plan: { period: number; quantity: number }[] }
  | { op: 'realise'; benefit: number; period: number; quantity: number }
  | { op: 'correct'; benefit: number; period: number; quantity: number }
  | { op: 'withdraw'; benefit: number; amountOre: number; period: number }
  | { op: 'settle'; from: number; to: number; amountOre: number; period: number }
  | { op: 'cancel'; benefit: number };

const idx = fc.nat({ max: 40 });
/** effective dates of moves and mergers: past, within the periods, planned ahead */
const ORG_DATES = ['2025-09-01', '2026-01-01', '2026-03-15', '2026-09-01', '2027-01-01', '2099-01-01'];
const orgDate = fc.nat({ max: ORG_DATES.length - 1 });
const period = fc.nat({ max: PERIODS.length - 1 });
const quantity = fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.double({ min: 0, max: 1_000, noNaN: true }).map((x) => Math.round(x * 100) / 100));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('unit' as const), parent: fc.integer({ min: -1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), unit: idx, parent: fc.integer({ min: -1, max: 40 }), date: orgDate }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), a: idx, b: idx, date: orgDate }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('annulMove' as const), move: idx }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('annulMerger' as const), merger: idx }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('project' as const), owner: idx }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('cost' as const), project: idx, payer: idx, amountOre: fc.integer({ min: 0, max: 5_000_000_00 }), period }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('benefit' as const),
      project: idx,
      recipient: idx,
      valuation: fc.option(fc.integer({ min: 0, max: 150_000 }), { freq: 4 }),
      cash: fc.boolean(),
      plan: fc.uniqueArray(fc.record({ period, quantity }), { maxLength: 4, selector: (e) => e.period }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('realise' as const), benefit: idx, period, quantity }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('correct' as const), benefit: idx, period, quantity }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('withdraw' as const), benefit: idx, amountOre: fc.integer({ min: 1, max: 20_000_000 }), period }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settle' as const), from: idx, to: idx, amountOre: fc.integer({ min: 1, max: 10_000_000 }), period }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), benefit: idx }) },
);

const dir = mkdtempSync(join(tmpdir(), 'gevinst-rebuild-'));
let g: RunningGevinst;
beforeAll(async () => {
  g = await startGevinst({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'g.sqlite'),
    demo: false,
    logLevel: 'silent',
    rateLimits: { writesPerMinute: 1_000_000 },
    auth: { adminToken: TEST_ADMIN_TOKEN },
  });
});
afterAll(async () => {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown): Promise<{ status: number; id?: string; overlaps?: { benefitId: string }[] }> => {
  const res = await fetch(g.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: JSON.stringify(body) });
  const json = (await res.json()) as { id?: string; error?: { overlaps?: { benefitId: string }[] } };
  expect(res.status, JSON.stringify(json)).toBeLessThan(500);
  return { status: res.status, id: res.status === 201 ? json.id : undefined, overlaps: json.error?.overlaps };
};

const pick = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

// ids made so far: later histories build on earlier ones (the store is shared)
const units: string[] = [];
const projects: string[] = [];
const moves: { unit: string; effectiveDate: string }[] = [];
const mergers: { unit: string; successorUnitId: string; effectiveDate: string }[] = [];
const benefits: string[] = [];
export const refusals = new Map<string, number>();

const drive = async (steps: Step[]) => {
  let accepted = 0;
  for (const s of steps) {
    let r: Awaited<ReturnType<typeof post>> | undefined;
    switch (s.op) {
      case 'unit':
        r = await post('/api/units', { name: `Enhet ${units.length}`, parentId: s.parent < 0 ? null : (pick(units, s.parent) ?? null) });
        if (r.id) units.push(r.id);
        break;
      case 'move': {
        const unit = pick(units, s.unit);
        const effectiveDate = ORG_DATES[s.date]!;
        if (unit) r = await post(`/api/units/${unit}/move`, { newParentId: s.parent < 0 ? null : (pick(units, s.parent) ?? null), effectiveDate });
        if (unit && r?.status === 201) moves.push({ unit, effectiveDate });
        break;
      }
      case 'merge': {
        const a = pick(units, s.a);
        const b = pick(units, s.b);
        const effectiveDate = ORG_DATES[s.date]!;
        if (a && b) r = await post('/api/units/merge', { mergedUnitIds: [a], successorUnitId: b, effectiveDate });
        if (a && b && r?.status === 201) mergers.push({ unit: a, successorUnitId: b, effectiveDate });
        break;
      }
      case 'annulMove': {
        const m = pick(moves, s.move);
        if (m) r = await post(`/api/units/${m.unit}/move/annul`, { effectiveDate: m.effectiveDate, reason: 'Feil dato' });
        break;
      }
      case 'annulMerger': {
        const m = pick(mergers, s.merger);
        if (m) r = await post(`/api/units/${m.unit}/merger/annul`, { successorUnitId: m.successorUnitId, effectiveDate: m.effectiveDate, reason: 'Ikke vedtatt' });
        break;
      }
      case 'project': {
        const owner = pick(units, s.owner);
        if (owner) r = await post('/api/projects', { name: `Prosjekt ${projects.length}`, ownerUnitId: owner, projectLeader: 'pl@test.no' });
        if (r?.id) projects.push(r.id);
        break;
      }
      case 'cost': {
        const project = pick(projects, s.project);
        const payer = pick(units, s.payer);
        if (project && payer) r = await post(`/api/projects/${project}/costs`, { payerUnitId: payer, amountOre: s.amountOre, period: PERIODS[s.period], kind: 'one-off' });
        break;
      }
      case 'benefit': {
        const project = pick(projects, s.project);
        const recipient = pick(units, s.recipient);
        const plan = (sharedWith?: { benefitId: string }[]) =>
          post(`/api/projects/${project}/benefits`, {
            ...(sharedWith ? { sharedWith: sharedWith.map((o) => ({ benefitId: o.benefitId, sharePercent: 50, otherSharePercent: 50 })) } : {}),
            title: `Gevinst ${benefits.length}`,
            recipientUnitId: recipient,
            owner: 'eier@test.no',
            indicator: 'timer',
            unitOfMeasure: 'timer',
            direction: 'increase',
            category: s.valuation === null ? 'unpriced' : s.cash ? 'budget' : 'capacity',
            cashReleasing: s.cash,
            valuationOrePerUnit: s.valuation,
            plan: s.plan.map((e) => ({ period: PERIODS[e.period], quantity: e.quantity })),
          });
        if (project && recipient) {
          r = await plan();
          // the same gain in another project (409 benefit_overlaps): planned again with the shares declared
          if (r.status === 409 && r.overlaps) r = await plan(r.overlaps);
        }
        if (r?.id) benefits.push(r.id);
        break;
      }
      case 'realise':
      case 'correct': {
        const benefit = pick(benefits, s.benefit);
        const path = s.op === 'realise' ? 'realisations' : 'corrections';
        if (benefit) r = await post(`/api/benefits/${benefit}/${path}`, { period: PERIODS[s.period], quantity: s.quantity, reason: 'korrigert' });
        break;
      }
      case 'withdraw': {
        const benefit = pick(benefits, s.benefit);
        if (benefit) r = await post(`/api/benefits/${benefit}/withdrawals`, { period: PERIODS[s.period], amountOre: s.amountOre, saksnummer: '2026/1' });
        break;
      }
      case 'settle': {
        const from = pick(units, s.from);
        const to = pick(units, s.to);
        if (from && to) r = await post('/api/settlements', { fromUnitId: from, toUnitId: to, amountOre: s.amountOre, period: PERIODS[s.period], saksnummer: '2026/2' });
        break;
      }
      case 'cancel': {
        const benefit = pick(benefits, s.benefit);
        if (benefit) r = await post(`/api/benefits/${benefit}/cancel`, { reason: 'avbrutt' });
        break;
      }
    }
    if (r?.status === 201) accepted++;
    else if (r) refusals.set(`${s.op} ${r.status}`, (refusals.get(`${s.op} ${r.status}`) ?? 0) + 1);
  }
  return accepted;
};

const queries = [{}, { from: '2025', to: '2026' }, { from: '2026-T1', to: '2026-T3' }, { from: '2025-11', to: '2026-02' }];
const levels = [undefined, 0, 1, 2];
/** after every change; as it stood in each period; as it stands at a date (valid time) */
const orgs = [undefined, { mode: 'period' as const }, { mode: 'date' as const, date: '2026-06-30' }];

const snapshot = (rm: ReadModels) => {
  const out: Record<string, unknown> = {};
  for (const q of queries)
    for (const level of levels)
      for (const org of orgs) {
        const key = `${JSON.stringify(q)}@${level}@${JSON.stringify(org)}`;
        const report = rm.ledger.report({ ...q, level, org });
        out[`ledger ${key}`] = { flows: report.flows, units: report.units, matrix: report.matrix, imbalances: report.imbalances, balances: report.balances };
      }
  out.portfolio = rm.portfolioStatus({ from: '2025-T1', to: '2026-T3', level: 1 });
  out.portfolioPerPeriod = rm.portfolioStatus({ from: '2025-T1', to: '2026-T3', level: 1, org: { mode: 'period' } });
  out.units = rm.units.list();
  out.unitsAt = ORG_DATES.map((d) => rm.units.listAt(d));
  out.projects = rm.projects.list();
  out.overlaps = declaredOverlaps(rm.portfolio, rm.units);
  out.position = rm.runner.position;
  return out;
};

describe('rebuild equals live', () => {
  it('read models rebuilt from scratch equal the live ones to the øre, on generated histories sent through the API', async () => {
    let totalAccepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 80 }), async (steps) => {
        totalAccepted += await drive(steps);
        const live = snapshot(g.readModels);
        const rebuilt = new ReadModels({ store: g.store, db: (g.store as SqliteEventStore).db });
        await rebuilt.start();
        try {
          expect(snapshot(rebuilt)).toEqual(live);
        } finally {
          await rebuilt.stop();
        }
      }),
      { numRuns: Number(process.env.REBUILD_RUNS ?? 25) },
    );
    // the histories were not all refused: there is something to compare
    expect(totalAccepted, JSON.stringify([...refusals])).toBeGreaterThan(100);
    // the same gain planned in two projects, with shares declared, was among them
    expect(declaredOverlaps(g.readModels.portfolio, g.readModels.units).length).toBeGreaterThan(0);
    const ledger = await (await fetch(`${g.url}/api/ledger?from=2025&to=2026&level=1`, { headers: AS_ADMIN })).json();
    expect(ledger.flows.length).toBeGreaterThan(0);
  });

  it('the rebuild command drops the read models and reads them again with the same answer', async () => {
    const before = await (await fetch(`${g.url}/api/ledger/balances?from=2025&to=2026`, { headers: AS_ADMIN })).json();
    const res = await fetch(`${g.url}/api/admin/rebuild`, { method: 'POST', headers: AS_ADMIN });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.eventsApplied).toBe((await g.store.readAll()).length);
    expect(await (await fetch(`${g.url}/api/ledger/balances?from=2025&to=2026`, { headers: AS_ADMIN })).json()).toEqual(before);
  });
});
