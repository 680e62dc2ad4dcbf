import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, LedgerAnswer, UnitDetail, UnitSummary } from '@gevinst/domain/answers';
import type { BalanceRow } from '@gevinst/domain/ledger';
import { AS_ADMIN, countEvents, startTestGevinst, type TestGevinst } from './helpers';

// Issue 12, "the unit tree as of any date": moves and mergers take effect on their effective date, the
// decider refuses cycles, orphans and mergers across kommuner, reports place figures by the
// organisation per period or at a date, and a merged unit's benefits pass to its successor.
let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const u: Record<string, string> = {};
const unit = async (key: string, name: string, parent?: string) => {
  u[key] = await g.created('/api/units', parent ? { name, parentId: u[parent] } : { name });
};
const capacityBenefit = (recipientUnitId: string) => ({
  title: 'Færre timer til dokumentasjon',
  recipientUnitId,
  owner: 'eier@sandvik.no',
  indicator: 'Timer',
  unitOfMeasure: 'timer',
  direction: 'decrease',
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 500_00,
  plan: [{ period: '2026-T2', quantity: 100 }],
});
const units = async (query = '') => {
  const res = await g.get<UnitSummary[]>(`/api/units${query}`);
  expect(res.status).toBe(200);
  return new Map(res.body.map((x) => [x.id, x]));
};
const received = (ledger: LedgerAnswer) => Object.fromEntries(ledger.units.filter((r) => r.gainsReceivedOre !== 0).map((r) => [r.unitId, r.gainsReceivedOre]));

describe('the organisation in time', () => {
  let project: string;

  it('sets up two kommuner, a project paid by IT and a gain realised at a school in 2026-T2', async () => {
    await unit('K', 'Sandvik kommune');
    await unit('HO', 'Helse og omsorg', 'K');
    await unit('HJ', 'Hjemmetjenesten', 'HO');
    await unit('OPP', 'Oppvekst', 'K');
    await unit('SKOLE', 'Sandvik skole', 'OPP');
    await unit('IT', 'IT', 'K');
    await unit('BIB', 'Biblioteket', 'K');
    await unit('KUL', 'Kultur', 'K');
    await unit('REN', 'Renhold', 'K');
    await unit('EIE', 'Eiendom', 'K');
    await unit('NABO', 'Nabovik kommune');
    await unit('NS', 'Nabovik skole', 'NABO');
    project = await g.created('/api/projects', { name: 'Digital dokumentasjon', ownerUnitId: u.IT, projectLeader: 'pl@sandvik.no' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: u.IT, amountOre: 100_000_00, period: '2026', kind: 'one-off' });
    const benefit = await g.created(`/api/projects/${project}/benefits`, capacityBenefit(u.SKOLE!));
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T2', quantity: 80 });
  });

  it('refuses merging Helse og omsorg into its own child Hjemmetjenesten, and stores nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>('/api/units/merge', { mergedUnitIds: [u.HO], successorUnitId: u.HJ, effectiveDate: '2026-05-01' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'merge_into_descendant', fields: [{ path: 'successorUnitId' }] });
    expect(await countEvents(g)).toBe(before);
    const tree = await units();
    expect(tree.get(u.HJ!)).toMatchObject({ parentId: u.HO, active: true });
    expect(tree.get(u.HO!)).toMatchObject({ parentId: u.K, active: true });
    // the kommune's gains at level 0 stay whole
    const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2026&to=2026&level=0');
    expect(received(ledger.body)).toEqual({ [u.K!]: 40_000_00 });
  });

  it('refuses a merger across two kommuner, and a move into a unit’s own descendant', async () => {
    const across = await g.post<ErrorResponse>('/api/units/merge', { mergedUnitIds: [u.NS], successorUnitId: u.SKOLE, effectiveDate: '2026-08-01' });
    expect(across.status).toBe(422);
    expect(across.body.error.code).toBe('merge_across_kommuner');
    const loop = await g.post<ErrorResponse>(`/api/units/${u.HO}/move`, { newParentId: u.HJ, effectiveDate: '2027-01-01' });
    expect(loop.status).toBe(422);
    expect(loop.body.error.code).toBe('move_into_descendant');
  });

  it('a move dated 2027-01-01 is planned: 2026 reports per period and today keep the school under Oppvekst', async () => {
    expect((await g.post(`/api/units/${u.SKOLE}/move`, { newParentId: u.HO, effectiveDate: '2027-01-01' })).status).toBe(201);
    const tree = await units();
    expect(tree.get(u.SKOLE!)).toMatchObject({ parentId: u.OPP, planned: [{ kind: 'move', effectiveDate: '2027-01-01', newParentId: u.HO, successorUnitId: null }] });
    expect((await units('?at=2027-02-01')).get(u.SKOLE!)).toMatchObject({ parentId: u.HO, planned: [] });

    const perPeriod = await g.get<LedgerAnswer>('/api/ledger?from=2026&to=2026&level=1&org=period');
    expect(perPeriod.status).toBe(200);
    expect(perPeriod.body.org).toEqual({ mode: 'period', date: null, default: false });
    expect(perPeriod.headers.get('x-org')).toBe('period');
    expect(received(perPeriod.body)).toEqual({ [u.OPP!]: 40_000_00 });

    const byDefault = await g.get<LedgerAnswer>('/api/ledger?from=2026&to=2026&level=1');
    expect(byDefault.body.org).toMatchObject({ mode: 'date', default: true });
    expect(byDefault.headers.get('x-org-default')).toBe('true');
    expect(received(byDefault.body)).toEqual({ [u.OPP!]: 40_000_00 });

    // as the organisation will stand in 2027: the same 2026 gain under Helse og omsorg
    const later = await g.get<LedgerAnswer>('/api/ledger?from=2026&to=2026&level=1&org=2027-06-01');
    expect(received(later.body)).toEqual({ [u.HO!]: 40_000_00 });
    // valid time and transaction time combine: as known at a date before anything was recorded
    const asKnown = await g.get<LedgerAnswer>('/api/ledger?from=2026&to=2026&level=1&org=period&asOf=2020-01-01');
    expect(asKnown.status).toBe(200);
    expect(asKnown.body.flows).toEqual([]);
    expect((await g.get<ErrorResponse>('/api/ledger?org=someday')).status).toBe(400);
    expect((await g.get<BalanceRow[]>('/api/ledger/balances?org=period&level=1')).status).toBe(200);
    expect((await g.get('/api/portfolio?org=period')).status).toBe(200);
    // the exports place figures alike, and say so in the file name
    const csv = await fetch(`${g.url}/api/export/ledger.csv?from=2026&to=2026&level=1&org=period&view=units`, { headers: AS_ADMIN });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/_orgperiode/);
    expect((await fetch(`${g.url}/api/export/ledger.csv?org=someday`, { headers: AS_ADMIN })).status).toBe(400);
  });

  it('a correction of a planned move is an annulment with a reason and a new move', async () => {
    expect((await g.post(`/api/units/${u.SKOLE}/move/annul`, { effectiveDate: '2027-01-01', reason: 'Vedtaket ble endret' })).status).toBe(201);
    expect((await g.post(`/api/units/${u.SKOLE}/move`, { newParentId: u.HO, effectiveDate: '2027-08-01' })).status).toBe(201);
    expect((await units('?at=2027-02-01')).get(u.SKOLE!)).toMatchObject({ parentId: u.OPP });
    expect((await units('?at=2027-08-01')).get(u.SKOLE!)).toMatchObject({ parentId: u.HO });
    const none = await g.post<ErrorResponse>(`/api/units/${u.SKOLE}/move/annul`, { effectiveDate: '2027-01-01', reason: 'Igjen' });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('move_not_found');
    const noReason = await g.post<ErrorResponse>(`/api/units/${u.SKOLE}/move/annul`, { effectiveDate: '2027-08-01', reason: '' });
    expect(noReason.status).toBe(400);
  });

  it('a merger dated 2099 leaves the unit active now, and its 2026-T2 cost is accepted', async () => {
    expect((await g.post('/api/units/merge', { mergedUnitIds: [u.BIB], successorUnitId: u.KUL, effectiveDate: '2099-01-01' })).status).toBe(201);
    const bib = await g.get<UnitDetail>(`/api/units/${u.BIB}`);
    expect(bib.body).toMatchObject({ active: true, mergedInto: null, planned: [{ kind: 'merger', effectiveDate: '2099-01-01', successorUnitId: u.KUL }] });
    expect((await g.post(`/api/projects/${project}/costs`, { payerUnitId: u.BIB, amountOre: 5_000_00, period: '2026-T2', kind: 'one-off' })).status).toBe(201);
    // a period from the merger on is the successor's
    const after = await g.post<ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: u.BIB, amountOre: 5_000_00, period: '2099-T1', kind: 'one-off' });
    expect(after.status).toBe(422);
    expect(after.body.error).toMatchObject({ code: 'unit_inactive', fields: [{ path: 'payerUnitId' }] });
  });

  let cash: string;
  it('a withdrawal on a merged unit’s benefit works and is booked to the successor', async () => {
    cash = await g.created(`/api/projects/${project}/benefits`, {
      ...capacityBenefit(u.REN!),
      title: 'Lavere vaskekostnader',
      category: 'budget',
      cashReleasing: true,
      valuationOrePerUnit: 1_000_00,
      plan: [{ period: '2026-T1', quantity: 10 }],
    });
    await g.created(`/api/benefits/${cash}/realisations`, { period: '2026-T1', quantity: 10 });
    expect((await g.post('/api/units/merge', { mergedUnitIds: [u.REN], successorUnitId: u.EIE, effectiveDate: '2026-06-01' })).status).toBe(201);
    expect((await units()).get(u.REN!)).toMatchObject({ active: false, mergedInto: u.EIE });

    const res = await g.post(`/api/benefits/${cash}/withdrawals`, { period: '2026-T2', amountOre: 4_000_00, saksnummer: '2026/4711' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = (await g.store.readAll()).filter((e) => e.type === 'BudgetWithdrawalRecorded');
    expect(stored.at(-1)?.data).toMatchObject({ benefitId: cash, unitId: u.EIE, amountOre: 4_000_00 });

    // today the renhold's balance lies with Eiendom; per period, the T1 gain stays with Renhold
    const today = await g.get<BalanceRow[]>('/api/ledger/balances?from=2026&to=2026');
    expect(today.body.find((b) => b.unitId === u.EIE)).toMatchObject({ cashReleasingOre: 10_000_00, withdrawnOre: 4_000_00, openOre: 6_000_00 });
    expect(today.body.find((b) => b.unitId === u.REN)).toBeUndefined();
    const perPeriod = await g.get<BalanceRow[]>('/api/ledger/balances?from=2026-T1&to=2026-T1&org=period');
    expect(perPeriod.body.find((b) => b.unitId === u.REN)).toMatchObject({ cashReleasingOre: 10_000_00 });
  });

  it('annuls the merger with a reason: Renhold is active again and carries its own balance', async () => {
    const res = await g.post(`/api/units/${u.REN}/merger/annul`, { successorUnitId: u.EIE, effectiveDate: '2026-06-01', reason: 'Sammenslåingen ble ikke vedtatt' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await units()).get(u.REN!)).toMatchObject({ active: true, mergedInto: null });
    const balances = await g.get<BalanceRow[]>('/api/ledger/balances?from=2026&to=2026');
    expect(balances.body.find((b) => b.unitId === u.REN)).toMatchObject({ cashReleasingOre: 10_000_00, withdrawnOre: 4_000_00, openOre: 6_000_00 });
    const again = await g.post<ErrorResponse>(`/api/units/${u.REN}/merger/annul`, { successorUnitId: u.EIE, effectiveDate: '2026-06-01', reason: 'Igjen' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('merger_not_found');
    // and it takes new facts again
    expect((await g.post(`/api/units/${u.REN}/rename`, { name: 'Renhold og vaktmester' })).status).toBe(201);
  });
});
