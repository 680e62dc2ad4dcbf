import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, LedgerAnswer, ProjectDetail, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// A cost recorded wrong is corrected or reversed by an event with a reason (issue 12, 17): the ledger
// counts the new figures (a reversed cost as nothing), the project shows what happened and why.
let g: TestGevinst;
beforeAll(async () => {
  // the demo's people, to be refused as someone without the right
  g = await startTestGevinst({ demo: true });
});
afterAll(() => g.destroy());

const OWNER = 'byggesak@fjordvik.kommune.no';

describe('correcting and reversing a cost', () => {
  let ikt: string, byggesak: string, project: string, iktCost: string, byggesakCost: string;

  const ledgerRow = async (unitId: string) => {
    const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T3');
    expect(ledger.status).toBe(200);
    return { row: ledger.body.units.find((u) => u.unitId === unitId), flows: ledger.body.flows.filter((f) => f.toUnitId === byggesak) };
  };
  const detail = async () => {
    const res = await g.get<ProjectDetail>(`/api/projects/${project}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('sets up a project with a cost from each of two units and a realised gain', async () => {
    const kommune = await g.created('/api/units', { name: 'Testvik kommune' });
    ikt = await g.created('/api/units', { name: 'IKT', parentId: kommune });
    byggesak = await g.created('/api/units', { name: 'Byggesak', parentId: kommune });
    project = await g.created('/api/projects', { name: 'Digital byggesak', ownerUnitId: ikt, projectLeader: 'pl@testvik.no' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off', description: 'Lisens' });
    await g.created(`/api/projects/${project}/costs`, { payerUnitId: byggesak, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off' });
    const benefit = await g.created(`/api/projects/${project}/benefits`, {
      title: 'Færre timer per byggesak',
      recipientUnitId: byggesak,
      owner: 'eier@testvik.no',
      indicator: 'Timer per sak',
      unitOfMeasure: 'timer',
      direction: 'decrease',
      category: 'capacity',
      cashReleasing: false,
      valuationOrePerUnit: 600_00,
      plan: [{ period: '2026-T1', quantity: 100 }],
    });
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 80 });
    const costs = (await detail()).costs;
    iktCost = costs.find((c) => c.payerUnitId === ikt)!.costId;
    byggesakCost = costs.find((c) => c.payerUnitId === byggesak)!.costId;
    // 50/50 shares of the 48 000 kr gain
    expect((await ledgerRow(ikt)).flows).toEqual(expect.arrayContaining([{ fromUnitId: ikt, toUnitId: byggesak, ore: 24_000_00 }]));
  });

  it('a correction changes the ledger by exactly the difference, and the project shows the new amount and the reason', async () => {
    const before = (await ledgerRow(ikt)).row!;
    const res = await g.post<WriteResult>(`/api/projects/${project}/costs/${iktCost}/corrections`, {
      amountOre: 300_000_00,
      period: '2026-T1',
      kind: 'one-off',
      description: 'Lisens og drift',
      reason: 'Fakturaen var på 300 000 kr',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.id).toBe(project);

    const after = await ledgerRow(ikt);
    expect(after.row!.costsOre - before.costsOre).toBe(200_000_00);
    expect(after.row!.netOre - before.netOre).toBe(-200_000_00);
    // the cost shares follow: 300 000 against 100 000
    expect(after.flows).toEqual(expect.arrayContaining([{ fromUnitId: ikt, toUnitId: byggesak, ore: 36_000_00 }]));

    const p = await detail();
    expect(p.totalCostOre).toBe(400_000_00);
    expect(p.costs.find((c) => c.costId === iktCost)).toMatchObject({
      amountOre: 300_000_00,
      description: 'Lisens og drift',
      correctedReason: 'Fakturaen var på 300 000 kr',
      reversedReason: null,
    });
  });

  it('a reversal takes the cost out: it counts as nothing, and the project lists it as reversed with the reason', async () => {
    const before = (await ledgerRow(byggesak)).row!;
    const res = await g.post(`/api/projects/${project}/costs/${byggesakCost}/reversal`, { reason: 'Ført på feil prosjekt' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);

    const after = await ledgerRow(byggesak);
    expect(before.costsOre - after.row!.costsOre).toBe(100_000_00);
    // IKT is the only payer left: the whole gain flows from it
    expect(after.flows).toEqual([{ fromUnitId: ikt, toUnitId: byggesak, ore: 48_000_00 }]);

    const p = await detail();
    expect(p.totalCostOre).toBe(300_000_00);
    expect(p.costs.find((c) => c.costId === byggesakCost)).toMatchObject({ reversedReason: 'Ført på feil prosjekt' });
  });

  it('refuses to correct or reverse a reversed or unknown cost, and stores nothing', async () => {
    const events = await countEvents(g);
    const again = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${byggesakCost}/reversal`, { reason: 'Igjen' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('cost_reversed');
    const unknown = await g.post<ErrorResponse>(`/api/projects/${project}/costs/finnes-ikke/corrections`, {
      amountOre: 1_00,
      period: '2026-T1',
      kind: 'one-off',
      reason: 'x',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'cost_not_found', fields: [expect.objectContaining({ path: 'costId' })] });
    expect(await countEvents(g)).toBe(events);
  });

  it('answers 400 naming the field when the reason is missing, and stores nothing', async () => {
    const events = await countEvents(g);
    const correction = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${iktCost}/corrections`, { amountOre: 1_00, period: '2026-T1', kind: 'one-off', reason: '  ' });
    expect(correction.status).toBe(400);
    expect(correction.body.error.fields).toEqual([expect.objectContaining({ path: 'reason', message: 'Begrunnelse må fylles ut' })]);
    const reversal = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${iktCost}/reversal`, {});
    expect(reversal.status).toBe(400);
    expect(reversal.body.error.fields.map((f) => f.path)).toEqual(['reason']);
    expect(await countEvents(g)).toBe(events);
    expect((await detail()).costs.find((c) => c.costId === iktCost)?.amountOre).toBe(300_000_00);
  });

  it('refuses a stale If-Match (someone wrote in between)', async () => {
    const stale = await g.post<ErrorResponse>(`/api/projects/${project}/costs/${iktCost}/reversal`, { reason: 'Feil' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await detail()).costs.find((c) => c.costId === iktCost)?.reversedReason).toBeNull();
  });

  it('answers 403 to someone who may not record costs on the project, and stores nothing', async () => {
    const cookie = await loginAs(g.url, OWNER);
    const me = { authorization: '', cookie, origin: g.url };
    const events = await countEvents(g);
    const correction = await g.post<ErrorResponse>(
      `/api/projects/${project}/costs/${iktCost}/corrections`,
      { amountOre: 0, period: '2026-T1', kind: 'one-off', reason: 'Jeg vil' },
      me,
    );
    expect(correction.status).toBe(403);
    expect((await g.post(`/api/projects/${project}/costs/${iktCost}/reversal`, { reason: 'Jeg vil' }, me)).status).toBe(403);
    expect(await countEvents(g)).toBe(events);
    expect((await detail()).costs.find((c) => c.costId === iktCost)).toMatchObject({ amountOre: 300_000_00, reversedReason: null });
  });
});
