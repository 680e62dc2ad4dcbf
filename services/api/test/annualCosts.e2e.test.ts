import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, LedgerAnswer, ProjectDetail, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Annual costs run from a start year to an end year or until stopped, and land in each budget year;
// a cost booked for a later year never moves how an earlier period's gains were split (issue 12).
let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst({ demo: true });
});
afterAll(() => g.destroy());

const OWNER = 'byggesak@fjordvik.kommune.no';

describe('annual costs and stopping them', () => {
  let it_: string, helse: string, hjemme: string, project: string, annual: string, oneOff: string;

  const ledger = async (from: string, to: string) => {
    const res = await g.get<LedgerAnswer>(`/api/ledger?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const costOf = async (unitId: string, from: string, to: string) => (await ledger(from, to)).units.find((u) => u.unitId === unitId)?.costsOre ?? 0;
  const flowsTo = async (unitId: string, from: string, to: string) =>
    (await ledger(from, to)).flows.filter((f) => f.toUnitId === unitId).map((f) => ({ from: f.fromUnitId, ore: f.ore }));
  const detail = async () => {
    const res = await g.get<ProjectDetail>(`/api/projects/${project}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('records an annual cost from 2026 until stopped; it counts once in each budget year', async () => {
    const kommune = await g.created('/api/units', { name: 'Årvik kommune' });
    it_ = await g.created('/api/units', { name: 'IT', parentId: kommune });
    helse = await g.created('/api/units', { name: 'Helse og omsorg', parentId: kommune });
    hjemme = await g.created('/api/units', { name: 'Hjemmetjenesten', parentId: helse });
    project = await g.created('/api/projects', { name: 'Velferdsteknologi', ownerUnitId: helse, projectLeader: 'pl@arvik.no' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: it_, amountOre: 300_000_00, period: '2026', kind: 'one-off' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: helse, amountOre: 100_000_00, period: '2026', kind: 'annual', startYear: 2026, description: 'Lisens' });
    const benefit = await g.created(`/api/projects/${project}/benefits`, {
      title: 'Færre nattbesøk',
      recipientUnitId: hjemme,
      owner: 'eier@arvik.no',
      indicator: 'Besøk per natt',
      unitOfMeasure: 'timer',
      direction: 'decrease',
      category: 'capacity',
      cashReleasing: false,
      valuationOrePerUnit: 500_00,
      plan: [{ period: '2026-T1', quantity: 100 }],
    });
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 80 });

    const costs = (await detail()).costs;
    annual = costs.find((c) => c.payerUnitId === helse)!.costId;
    oneOff = costs.find((c) => c.payerUnitId === it_)!.costId;
    expect(costs.find((c) => c.costId === annual)).toMatchObject({ kind: 'annual', period: '2026', startYear: 2026, endYear: null, stoppedReason: null });
    expect(costs.find((c) => c.costId === oneOff)).toMatchObject({ kind: 'one-off', startYear: null, endYear: null });
    expect(await costOf(helse, '2026', '2026')).toBe(100_000_00);
    expect(await costOf(helse, '2027', '2027')).toBe(100_000_00);
    expect(await costOf(helse, '2026', '2029')).toBe(4 * 100_000_00);
    // 40 000 kr in 2026-T1, split by the costs known then: IT 300 000, Helse 100 000 (one year) → 75/25
    expect(await flowsTo(hjemme, '2026-T1', '2026-T1')).toEqual(
      expect.arrayContaining([
        { from: it_, ore: 30_000_00 },
        { from: helse, ore: 10_000_00 },
      ]),
    );
  });

  it('a cost booked for 2030 does not move how 2026-T1 was split', async () => {
    const before = await flowsTo(hjemme, '2026-T1', '2026-T3');
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: helse, amountOre: 900_000_00, period: '2030', kind: 'one-off' });
    expect(await flowsTo(hjemme, '2026-T1', '2026-T3')).toEqual(before);
    expect(await costOf(helse, '2030', '2030')).toBe(900_000_00 + 100_000_00);
  });

  it('stops the annual cost after 2027 with a reason: it counts in 2026 and 2027 and no longer', async () => {
    const res = await g.post<WriteResult>(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 2027, reason: 'Lisensen er sagt opp' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await costOf(helse, '2027', '2027')).toBe(100_000_00);
    expect(await costOf(helse, '2028', '2028')).toBe(0);
    expect(await costOf(helse, '2026', '2029')).toBe(2 * 100_000_00);
    expect((await detail()).costs.find((c) => c.costId === annual)).toMatchObject({ endYear: 2027, stoppedReason: 'Lisensen er sagt opp' });
  });

  it('refuses a stop that is not a shortening, of a one-off cost, or before the start (422), and stores nothing', async () => {
    const events = await countEvents(g);
    const later = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 2028, reason: 'Forleng' });
    expect(later.status).toBe(422);
    expect(later.body.error).toMatchObject({ code: 'cost_already_ends', fields: [expect.objectContaining({ path: 'lastYear' })] });
    const before = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 2025, reason: 'Feil' });
    expect(before.status).toBe(422);
    expect(before.body.error.code).toBe('invalid_cost_years');
    const notAnnual = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${oneOff}/stop`, { lastYear: 2027, reason: 'Feil' });
    expect(notAnnual.status).toBe(422);
    expect(notAnnual.body.error.code).toBe('cost_not_annual');
    expect(await countEvents(g)).toBe(events);
  });

  it('answers 400 naming the field for an end before the start, years on a one-off cost, or a stop without reason or year', async () => {
    const events = await countEvents(g);
    const backwards = await g.post<ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: helse, amountOre: 1_00, period: '2027', kind: 'annual', startYear: 2027, endYear: 2026 });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([expect.objectContaining({ path: 'endYear', message: 'Sluttåret kan ikke være før startåret' })]);
    const yearsOnOneOff = await g.post<ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: helse, amountOre: 1_00, period: '2027', kind: 'one-off', startYear: 2027 });
    expect(yearsOnOneOff.status).toBe(400);
    expect(yearsOnOneOff.body.error.fields.map((f) => f.path)).toEqual(['startYear']);
    const noReason = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 2026 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f) => f.path)).toEqual(['reason']);
    const noYear = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 'neste år', reason: 'x' });
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.fields.map((f) => f.path)).toEqual(['lastYear']);
    expect(await countEvents(g)).toBe(events);
  });

  it('answers 403 to someone who may not record costs on the project, and stores nothing', async () => {
    const cookie = await loginAs(g.url, OWNER);
    const events = await countEvents(g);
    const res = await g.post(`/api/projects/${project}/costs/${annual}/stop`, { lastYear: 2026, reason: 'Jeg vil' }, { authorization: '', cookie, origin: g.url });
    expect(res.status).toBe(403);
    expect(await countEvents(g)).toBe(events);
  });
});
