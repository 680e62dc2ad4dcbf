import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidOrgNumber } from '@gevinst/domain/validation';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';
import type { DueItem, HourlyRate, LedgerAnswer, LedgerMatrix, ImbalanceRow, BalanceRow, TraceEntry, ProjectSummary, ProjectDetail, BenefitView, Portfolio, UnitSummary, UnitDetail } from '@gevinst/domain/answers';

const dir = mkdtempSync(join(tmpdir(), 'gevinst-demo-'));
let g: TestGevinst;
let units: UnitSummary[];
const byName = (name: string): UnitSummary => {
  const unit = units.find((u) => u.name === name);
  if (!unit) throw new Error(`the demo has no unit named ${name}`);
  return unit;
};

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
  units = (await g.get<UnitSummary[]>('/api/units')).body;
});
afterAll(async () => {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo municipality, read by each role', () => {
  it('has a kommune with a valid organisasjonsnummer, sectors, a reorganisation and a merger', () => {
    const kommune = byName('Fjordvik kommune');
    expect(kommune).toMatchObject({ parentId: null, depth: 0, active: true });
    expect(isValidOrgNumber(kommune.orgNumber ?? '')).toBe(true);
    for (const name of ['Oppvekst', 'Helse og velferd', 'Samfunnsutvikling', 'Organisasjon, økonomi og IKT'])
      expect(byName(name)).toMatchObject({ parentId: kommune.id, depth: 1 });
    const successor = byName('Fjordvik oppvekstsenter');
    expect(byName('Fjordvik skole')).toMatchObject({ active: false, mergedInto: successor.id });
    expect(byName('Nordbygda skole')).toMatchObject({ active: false, mergedInto: successor.id });
    expect(byName('Servicetorget og dokumentsenter').parentId).toBe(byName('Samfunnsutvikling').id);
  });

  it('shows a unit with its history and hourly rates', async () => {
    const res = await g.get<UnitDetail>(`/api/units/${byName('Fjordvik kommune').id}`);
    expect(res.status).toBe(200);
    expect(res.body.history[0]).toMatchObject({ type: 'UnitRegistered', userId: 'demo@fjordvik.kommune.no' });
    expect(res.body.hourlyRates.map((r: HourlyRate) => r.year)).toEqual([2025, 2026]);
  });

  it('the ledger shows flows between different units at sector level, which add up per unit', async () => {
    const res = await g.get<LedgerAnswer>('/api/ledger?from=2025-T1&to=2026-T3&level=1');
    expect(res.status).toBe(200);
    const cross = res.body.flows.filter((f) => f.fromUnitId !== f.toUnitId);
    expect(cross.length).toBeGreaterThan(2);
    const okit = byName('Organisasjon, økonomi og IKT').id;
    const helse = byName('Helse og velferd').id;
    expect(cross.some((f) => f.fromUnitId === okit && f.toUnitId === helse && f.ore > 0)).toBe(true);
    for (const u of res.body.units) {
      const outToOthers = res.body.flows.filter((f) => f.fromUnitId === u.unitId && f.toUnitId !== u.unitId).reduce((s, f) => s + f.ore, 0);
      expect(u.gainsProducedForOthersOre).toBe(outToOthers);
      expect(u.netOre).toBe(u.gainsReceivedOre - u.costsOre);
    }
  });

  it('finance views: matrix, imbalances, open balances with a withdrawal and a settlement, and the trace of a flow', async () => {
    const q = 'from=2025-T1&to=2026-T3&level=2';
    const matrix = (await g.get<LedgerMatrix>(`/api/ledger/matrix?${q}`)).body;
    expect(matrix.cells.length).toBeGreaterThan(0);
    expect(matrix.cells.every((c) => c.investorUnitId !== c.recipientUnitId)).toBe(true);
    const imbalances = (await g.get<ImbalanceRow[]>(`/api/ledger/imbalances?${q}`)).body;
    expect(imbalances.length).toBeGreaterThan(0);
    expect(imbalances.every((i) => i.costsOre > i.gainsReceivedOre)).toBe(true);
    const balances = (await g.get<BalanceRow[]>(`/api/ledger/balances?${q}`)).body;
    expect(balances.find((b) => b.unitId === byName('Hjemmetjenesten').id)?.withdrawnOre).toBe(300_000_00);
    expect(balances.find((b) => b.unitId === byName('IKT').id)?.settledInOre).toBe(250_000_00);
    const ikt = byName('IKT').id;
    const byggesak = byName('Byggesak').id;
    const trace = (await g.get<TraceEntry[]>(`/api/ledger/trace?${q}&fromUnitId=${ikt}&toUnitId=${byggesak}`)).body;
    const types = new Set(trace.map((t) => t.type));
    expect(types.has('CostRecorded')).toBe(true);
    expect(types.has('BenefitRealised')).toBe(true);
    expect(trace.find((t) => t.type === 'SettlementRecorded')).toMatchObject({ saksnummer: '2026/1187', userId: 'demo@fjordvik.kommune.no' });
  });

  it('project leader: projects and a project with its plan vs realisation', async () => {
    const list = (await g.get<ProjectSummary[]>('/api/projects')).body;
    expect(list.length).toBe(10);
    const velferd = list.find((p) => p.name === 'Velferdsteknologi og responssenter');
    expect(velferd).toMatchObject({ phase: 'realisation', closed: false, totalCostOre: 3_000_000_00, benefitCount: 2 });
    const detail = (await g.get<ProjectDetail>(`/api/projects/${velferd?.id}`)).body;
    expect(detail.costs).toHaveLength(2);
    const tilsyn = detail.benefits.find((b) => b.title === 'Færre fysiske tilsynsbesøk');
    expect(tilsyn?.statusByPeriod.map((s) => s.status)).toContain('red');
    expect(tilsyn?.achievementPct).not.toBeNull();
    const one = await g.get<BenefitView>(`/api/benefits/${tilsyn?.id}`);
    expect(one.body).toMatchObject({ id: tilsyn?.id, withdrawals: [expect.objectContaining({ amountOre: 300_000_00, saksnummer: '2025/4411' })] });
  });

  it('benefit owner: due and overdue realisations', async () => {
    const due = (await g.get<DueItem[]>('/api/due?owner=byggesak@fjordvik.kommune.no&at=2026-11-24')).body;
    expect(due.some((d) => d.state === 'overdue' && d.period === '2026-T2')).toBe(true);
    expect(due.every((d) => ['upcoming', 'due', 'overdue'].includes(d.state))).toBe(true);
    // the logged-in owner's own list (no owner parameter)
    const cookie = await loginAs(g.url, 'sykehjemmet@fjordvik.kommune.no');
    const mine = (await g.get<DueItem[]>('/api/due?at=2026-11-24', { authorization: '', cookie })).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => g.readModels.portfolio.benefits.get(d.benefitId)?.owner === 'sykehjemmet@fjordvik.kommune.no')).toBe(true);
  });

  it('management: portfolio status per unit and tertial', async () => {
    const res = (await g.get<Portfolio>('/api/portfolio?from=2025-T1&to=2026-T3&level=1')).body;
    expect(res.periods).toEqual(['2025-T1', '2025-T2', '2025-T3', '2026-T1', '2026-T2', '2026-T3']);
    const helse = res.rows.find((r) => r.unitId === byName('Helse og velferd').id);
    expect(helse?.cells.some((c) => c.status !== null && c.realisedOre > 0)).toBe(true);
  });

  it('a restart on the same file loads nothing twice and rebuilds the same ledger', async () => {
    const before = await countEvents(g);
    const ledger = (await g.get('/api/ledger?from=2025-T1&to=2026-T3&level=2')).body;
    await g.close();
    g = await startTestGevinst({ demo: true }, dir);
    expect(await countEvents(g)).toBe(before);
    expect((await g.get('/api/ledger?from=2025-T1&to=2026-T3&level=2')).body).toEqual(ledger);
  });
});
