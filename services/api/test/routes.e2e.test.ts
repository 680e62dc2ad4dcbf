import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceRow, BenefitView, LedgerAnswer, ProjectDetail, ProjectSummary, UnitDetail, UnitSummary, WriteResult } from '@gevinst/domain/answers';
import { startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const created = async (path: string, body: unknown) => {
  const res = await g.post<WriteResult>(path, body);
  expect(res.status, `${path} → ${JSON.stringify(res.body)}`).toBe(201);
  expect(res.body).toMatchObject({ id: expect.any(String), revision: expect.stringMatching(/^\d+$/) });
  expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
  return res.body.id;
};

describe('every command route, happy path, with its effect on the read models', () => {
  it('units: register, rename, move, leader, hourly rate, merge', async () => {
    const kommune = await created('/api/units', { name: 'Rutevik kommune', orgNumber: '939 174 605' });
    const a = await created('/api/units', { name: 'Skole A', parentId: kommune });
    const b = await created('/api/units', { name: 'Skole B', parentId: kommune });
    const sektor = await created('/api/units', { name: 'Oppvekst', parentId: kommune, leader: 'sjef@rutevik.no' });
    await created(`/api/units/${sektor}/rename`, { name: 'Oppvekst og kultur' });
    await created(`/api/units/${a}/move`, { newParentId: sektor, effectiveDate: '2026-01-01' });
    await created(`/api/units/${b}/move`, { newParentId: sektor });
    await created(`/api/units/${a}/leader`, { leader: 'rektor@rutevik.no' });
    await created(`/api/units/${kommune}/hourly-rates`, { year: 2026, rateOre: 65_000, source: { wageOre: 44_000, employerContributionOre: 6_200, socialCostsOre: 14_800 } });
    const merged = await g.post<WriteResult>('/api/units/merge', { mergedUnitIds: [a, b], successorName: 'Rutevik skole', parentId: sektor, effectiveDate: '2026-08-01' });
    expect(merged.status).toBe(201);
    const successor = merged.body.id;

    const units = (await g.get<UnitSummary[]>('/api/units')).body;
    const byId = (id: string) => units.find((u) => u.id === id);
    expect(byId(kommune)).toMatchObject({ orgNumber: '939174605', depth: 0 });
    expect(byId(sektor)).toMatchObject({ name: 'Oppvekst og kultur', leader: 'sjef@rutevik.no', depth: 1 });
    expect(byId(a)).toMatchObject({ parentId: sektor, depth: 2, active: false, mergedInto: successor, leader: 'rektor@rutevik.no' });
    expect(byId(successor)).toMatchObject({ name: 'Rutevik skole', parentId: sektor, active: true });
    const detail = (await g.get<UnitDetail>(`/api/units/${kommune}`)).body;
    expect(detail.hourlyRates).toEqual([expect.objectContaining({ year: 2026, rateOre: 65_000 })]);
    expect(detail.history.map((h) => h.type)).toEqual(['UnitRegistered', 'HourlyRateSet']);
  });

  it('projects and benefits: costs, phase, benefit, baseline, measurement, realisation, correction, forecast, owner, withdrawal, settlement, unplanned, cancel, close', async () => {
    const kommune = await created('/api/units', { name: 'Nyvik kommune' });
    const ikt = await created('/api/units', { name: 'IKT', parentId: kommune });
    const hjemme = await created('/api/units', { name: 'Hjemmetjenesten', parentId: kommune });
    const project = await created('/api/projects', { name: 'Velferdsteknologi', ownerUnitId: ikt, projectLeader: 'pl@nyvik.no', thresholds: { greenPct: 95, yellowPct: 75 } });
    await created(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 600_000_00, period: '2025', kind: 'one-off', description: 'Innkjøp' });
    // an annual cost for 2025 only (without endYear it would run until stopped and count again in 2026)
    await created(`/api/projects/${project}/costs`, { payerUnitId: hjemme, amountOre: 200_000_00, period: '2025', kind: 'annual', endYear: 2025 });
    await created(`/api/projects/${project}/phase`, { phase: 'execution' });
    const benefit = await created(`/api/projects/${project}/benefits`, {
      title: 'Færre tilsynsbesøk',
      recipientUnitId: hjemme,
      owner: 'eier@nyvik.no',
      indicator: 'Besøk per uke',
      unitOfMeasure: 'besøk',
      direction: 'decrease',
      category: 'budget',
      cashReleasing: true,
      valuationOrePerUnit: 400_00,
      baseline: 1000,
      target: 700,
      targetDate: '2026-12-31',
      plan: [{ period: '2026-T1', quantity: 500 }, { period: '2026-T2', quantity: 500 }],
    });
    await created(`/api/benefits/${benefit}/baseline`, { value: 1000, measuredOn: '2025-12-31' });
    await created(`/api/benefits/${benefit}/measurements`, { value: 850, measuredOn: '2026-04-30', comment: 'T1', evidenceUrl: 'https://nyvik.no/rapport' });
    await created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 400, comment: 'Rapport T1' });
    await created(`/api/benefits/${benefit}/corrections`, { period: '2026-T1', quantity: 450, reason: 'Tall fra fagsystemet' });
    await created(`/api/benefits/${benefit}/forecast`, { plan: [{ period: '2026-T1', quantity: 500 }, { period: '2026-T2', quantity: 450 }], reason: 'Ny prognose' });
    await created(`/api/benefits/${benefit}/owner`, { owner: 'ny.eier@nyvik.no' });
    await created(`/api/benefits/${benefit}/withdrawals`, { period: '2026-T1', amountOre: 100_000_00, saksnummer: '2026/77' });
    await created('/api/settlements', { fromUnitId: hjemme, toUnitId: ikt, amountOre: 50_000_00, period: '2026-T1', saksnummer: '2026/78', projectId: project });
    const unplanned = await created('/api/unplanned-benefits', {
      projectId: project,
      title: 'Færre fall',
      recipientUnitId: hjemme,
      category: 'otherPublic',
      period: '2026-T1',
      quantity: 3,
      unitOfMeasure: 'fall',
      valueOre: 30_000_00,
      description: 'Sensorer varslet tidlig',
    });

    const view = (await g.get<BenefitView>(`/api/benefits/${benefit}`)).body;
    expect(view).toMatchObject({
      owner: 'ny.eier@nyvik.no',
      baseline: 1000,
      realisations: [expect.objectContaining({ period: '2026-T1', quantity: 450, valueOre: 180_000_00, corrected: true })],
      plan: [{ period: '2026-T1', quantity: 500, plannedOre: 200_000_00 }, { period: '2026-T2', quantity: 450, plannedOre: 180_000_00 }],
      withdrawals: [{ period: '2026-T1', amountOre: 100_000_00, saksnummer: '2026/77' }],
      achievementPct: 50,
    });
    expect(view.statusByPeriod.find((s) => s.period === '2026-T1')).toMatchObject({ status: 'yellow', plannedOre: 200_000_00, realisedOre: 180_000_00 });

    const balances = (await g.get<BalanceRow[]>('/api/ledger/balances?from=2026-T1&to=2026-T1')).body;
    expect(balances.find((b) => b.unitId === hjemme)).toMatchObject({ cashReleasingOre: 180_000_00, withdrawnOre: 100_000_00, settledOutOre: 50_000_00, openOre: 80_000_00 });
    expect(balances.find((b) => b.unitId === ikt)).toMatchObject({ settledInOre: 50_000_00 });
    const ledger = (await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T1')).body;
    // 180 000 kr realised + 30 000 kr unplanned, split 3:1 between IKT and Hjemmetjenesten by their costs
    expect(ledger.flows).toContainEqual({ fromUnitId: ikt, toUnitId: hjemme, ore: 157_500_00 });

    expect(unplanned).toEqual(expect.any(String));
    await created(`/api/benefits/${benefit}/cancel`, { reason: "Erstattet av nytt tiltak" });
    expect((await g.get<BenefitView>(`/api/benefits/${benefit}`)).body.cancelled).toBe(true);
    await created(`/api/projects/${project}/close`, { reason: 'Ferdig' });
    const p = (await g.get<ProjectDetail>(`/api/projects/${project}`)).body;
    expect(p).toMatchObject({ closed: true, phase: 'execution', thresholds: { greenPct: 95, yellowPct: 75 }, totalCostOre: 800_000_00 });
    expect(p.costs).toHaveLength(2);
    const closedAgain = await g.post(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 1, period: '2026', kind: 'one-off' });
    expect(closedAgain.status).toBe(422);
    expect((await g.get<ProjectSummary[]>('/api/projects')).body.find((x) => x.id === project)).toMatchObject({ closed: true, benefitCount: 2 });
  });
});
