import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceRow, ErrorResponse, LedgerAnswer, TraceEntry, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';

// Issue 12, «Guarded money»: a gevinstuttak needs a saksnummer and a realised cash-releasing gain in
// its period or earlier, and never exceeds what is realised by then and not yet withdrawn; only a
// budget benefit can be cash-releasing; a settlement is capped at what the ledger says is owed
// unless it carries an override with a reason, which the ledger's lists then show.
let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const kr = (n: number) => `kr\u00a0${n.toLocaleString('nb-NO').replace(/\s/g, '\u00a0')},00`;

/** A refusal: the status, the code, the field it names, and nothing written. */
const refused = async (path: string, body: unknown, status: number, code: string, field: string) => {
  const before = await countEvents(g);
  const res = await g.post<ErrorResponse>(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(res.body.error.fields.map((f) => f.path)).toContain(field);
  expect(await countEvents(g)).toBe(before);
  return res.body.error;
};

describe('guarded money', () => {
  let ikt: string, byggesak: string, project: string, benefit: string;
  const benefitBody = (over: Record<string, unknown> = {}) => ({
    title: 'Færre innleide konsulenttimer',
    recipientUnitId: byggesak,
    owner: 'eier@testvik.no',
    indicator: 'Innleide timer per tertial',
    unitOfMeasure: 'timer',
    direction: 'decrease',
    category: 'budget',
    cashReleasing: true,
    valuationOrePerUnit: 500_00,
    plan: [{ period: '2026-T2', quantity: 100 }],
    ...over,
  });

  it('sets up a project paid half by IKT and half by Byggesak, with a budget gain of kr 50 000 realised in 2026 T2', async () => {
    const kommune = await g.created('/api/units', { name: 'Testvik kommune' });
    ikt = await g.created('/api/units', { name: 'IKT', parentId: kommune });
    byggesak = await g.created('/api/units', { name: 'Byggesak', parentId: kommune });
    project = await g.created('/api/projects', { name: 'Digital byggesak', ownerUnitId: ikt, projectLeader: 'pl@testvik.no' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: byggesak, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off' });
    benefit = await g.created(`/api/projects/${project}/benefits`, benefitBody());
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T2', quantity: 100 });
    const ledger = await g.get<LedgerAnswer>('/api/ledger');
    expect(ledger.body.flows).toEqual(expect.arrayContaining([{ fromUnitId: ikt, toUnitId: byggesak, ore: 25_000_00 }]));
  });

  describe('a gevinstuttak (budget withdrawal)', () => {
    const path = () => `/api/benefits/${benefit}/withdrawals`;

    it('without saksnummer is bad input: 400 naming the field', async () => {
      const error = await refused(path(), { period: '2026-T2', amountOre: 10_000_00 }, 400, 'saksnummer_required', 'saksnummer');
      expect(error.message).toMatch(/Saksnummer må fylles ut/);
      await refused(path(), { period: '2026-T2', amountOre: 10_000_00, saksnummer: '   ' }, 400, 'saksnummer_required', 'saksnummer');
    });

    it('dated before the gain it withdraws is refused, naming when the gain was realised', async () => {
      const error = await refused(path(), { period: '2026-T1', amountOre: 10_000_00, saksnummer: '26/100' }, 422, 'withdrawal_before_realisation', 'period');
      expect(error.message).toContain('2026 T2');
    });

    it('above what is realised is refused with the figures in kroner', async () => {
      const error = await refused(path(), { period: '2026-T2', amountOre: 50_000_01, saksnummer: '26/100' }, 422, 'withdrawal_exceeds_realised', 'amountOre');
      expect(error.message).toContain(kr(50_000));
    });

    it('within it is recorded, and then the rest is all that is left', async () => {
      await g.created(path(), { period: '2026-T2', amountOre: 30_000_00, saksnummer: '26/100' });
      const error = await refused(path(), { period: '2026-T3', amountOre: 20_000_01, saksnummer: '26/101' }, 422, 'withdrawal_exceeds_realised', 'amountOre');
      expect(error.message).toContain(kr(20_000));
      expect(error.message).toContain(kr(30_000));
      await g.created(path(), { period: '2026-T3', amountOre: 20_000_00, saksnummer: '26/101' });
    });
  });

  it('a capacity benefit cannot be flagged cash-releasing: refused with the reason', async () => {
    const error = await refused(`/api/projects/${project}/benefits`, benefitBody({ category: 'capacity' }), 422, 'cash_releasing_not_budget', 'cashReleasing');
    expect(error.message).toMatch(/budsjett/);
    await g.created(`/api/projects/${project}/benefits`, benefitBody({ category: 'capacity', cashReleasing: false, title: 'Kortere saksbehandlingstid' }));
  });

  describe('a settlement (avregning)', () => {
    const settlement = (over: Record<string, unknown> = {}) => ({
      fromUnitId: byggesak,
      toUnitId: ikt,
      amountOre: 999_999_999_999,
      period: '2026',
      saksnummer: '26/200',
      ...over,
    });
    const balance = async (unitId: string) => (await g.get<BalanceRow[]>('/api/ledger/balances')).body.find((b) => b.unitId === unitId)!;

    it('of 999 999 999 999 øre is refused, naming what Byggesak owes IKT', async () => {
      const error = await refused('/api/settlements', settlement(), 422, 'settlement_exceeds_owed', 'amountOre');
      expect(error.message).toContain(kr(25_000));
      expect((await balance(byggesak)).owedByUnitOre).toBe(25_000_00);
    });

    it('in the other direction, where nothing is owed, is refused too', async () => {
      await refused('/api/settlements', settlement({ fromUnitId: ikt, toUnitId: byggesak, amountOre: 1 }), 422, 'settlement_exceeds_owed', 'amountOre');
    });

    it('of what is owed is recorded; then nothing more is owed', async () => {
      await g.created('/api/settlements', settlement({ amountOre: 25_000_00 }));
      expect((await balance(byggesak)).owedByUnitOre).toBe(0);
      await refused('/api/settlements', settlement({ amountOre: 1, saksnummer: '26/201' }), 422, 'settlement_exceeds_owed', 'amountOre');
    });

    it('an override needs its reason', async () => {
      await refused('/api/settlements', settlement({ override: true }), 400, 'override_reason_required', 'overrideReason');
      await refused('/api/settlements', settlement({ override: true, overrideReason: '  ' }), 400, 'override_reason_required', 'overrideReason');
    });

    it('with override and reason it is recorded (201) and the ledger lists it as overridden, with the reason', async () => {
      const res = await g.post<WriteResult>('/api/settlements', settlement({ saksnummer: '26/202', override: true, overrideReason: 'Bystyret vedtok full kompensasjon' }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const trace = await g.get<TraceEntry[]>(`/api/ledger/trace?fromUnitId=${ikt}&toUnitId=${byggesak}`);
      expect(trace.status).toBe(200);
      const settlements = trace.body.filter((e) => e.role === 'settlement');
      expect(settlements.map((e) => ({ saksnummer: e.saksnummer, ore: e.ore, overrideReason: e.overrideReason }))).toEqual([
        { saksnummer: '26/200', ore: 25_000_00, overrideReason: null },
        { saksnummer: '26/202', ore: 999_999_999_999, overrideReason: 'Bystyret vedtok full kompensasjon' },
      ]);
    });
  });

  describe('events stored before the rules keep their meaning', () => {
    it('a capacity benefit stored as cash-releasing still counts as stored, and takes no new withdrawal', async () => {
      const before = (await g.get<BalanceRow[]>('/api/ledger/balances')).body.find((b) => b.unitId === byggesak)!;
      const data = { benefitId: 'lagret-kapasitet', projectId: project, ...benefitBody({ category: 'capacity', title: 'Lagret før regelen' }), baseline: null, target: null, targetDate: null, measurementSchedule: 'tertial', disbenefit: false, change: null, comment: null };
      const planned = await g.store.appendToStream('benefit-lagret-kapasitet', [
        { type: 'BenefitPlanned', data, metadata: { schemaVersion: 3, userId: 'x' } },
        { type: 'BenefitRealised', data: { benefitId: 'lagret-kapasitet', period: '2026-T2', quantity: 10, valuationOrePerUnit: 500_00, valueOre: 5_000_00, comment: null, evidenceUrl: null }, metadata: { schemaVersion: 1, userId: 'x' } },
      ]);
      await g.readModels.waitFor(planned.globalPosition);
      const after = (await g.get<BalanceRow[]>('/api/ledger/balances')).body.find((b) => b.unitId === byggesak)!;
      expect(after.cashReleasingOre - before.cashReleasingOre).toBe(5_000_00);
      await refused('/api/benefits/lagret-kapasitet/withdrawals', { period: '2026-T2', amountOre: 1_000_00, saksnummer: '26/300' }, 422, 'cash_releasing_not_budget', 'cashReleasing');
    });

    it('a settlement stored at v1 reads as no override', async () => {
      const v1 = { settlementId: 'lagret-v1', fromUnitId: byggesak, toUnitId: ikt, amountOre: 1_00, period: '2026-T3', saksnummer: '25/900', projectId: null, comment: null };
      const appended = await g.store.appendToStream('settlement-lagret-v1', [{ type: 'SettlementRecorded', data: v1, metadata: { schemaVersion: 1, userId: 'x' } }]);
      await g.readModels.waitFor(appended.globalPosition);
      const trace = await g.get<TraceEntry[]>(`/api/ledger/trace?fromUnitId=${ikt}&toUnitId=${byggesak}`);
      expect(trace.body.find((e) => e.saksnummer === '25/900')).toMatchObject({ role: 'settlement', ore: 1_00, overrideReason: null });
    });
  });
});
