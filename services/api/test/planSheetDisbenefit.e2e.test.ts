import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerAnswer, ProjectDetail } from '@gevinst/domain/answers';
import { AS_ADMIN, startTestGevinst, type TestGevinst } from './helpers';

/**
 * A plan with a disbenefit (ulempe) exported to XLSX over HTTP and imported into another project
 * stays a disbenefit: the same signed plan figures, and the same (negative) ledger flow once the same
 * realisations are recorded in both projects.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let g: TestGevinst;
let it_: string;
let finance: string;
let building: string;

beforeAll(async () => {
  g = await startTestGevinst({ clock: () => '2026-06-01T10:00:00.000Z' });
  const kommune = await g.created('/api/units', { name: 'Fjordvik kommune' });
  it_ = await g.created('/api/units', { name: 'IT', parentId: kommune });
  finance = await g.created('/api/units', { name: 'Økonomi', parentId: kommune });
  building = await g.created('/api/units', { name: 'Byggesak', parentId: kommune });
});
afterAll(async () => {
  await g?.destroy();
});

const project = async (name: string, payer: string) => {
  const id = await g.created('/api/projects', { name, ownerUnitId: payer, projectLeader: 'leder@fjordvik.kommune.no' });
  // one payer per project: every krone of its gains is that payer's in the ledger
  await g.created(`/api/projects/${id}/costs`, { payerUnitId: payer, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off' });
  return id;
};

const common = {
  owner: 'Eier@Fjordvik.kommune.no',
  indicator: 'Timer per byggesak',
  unitOfMeasure: 'timer',
  target: null,
  targetDate: null,
};

/** The planned fields of a project's benefits, and what each period's plan is worth (signed), by title. */
const planned = async (projectId: string) => {
  const res = await g.get<ProjectDetail>(`/api/projects/${projectId}`);
  expect(res.status).toBe(200);
  return res.body.benefits
    .map((b) => ({
      title: b.title,
      recipientUnitId: b.recipientUnitId,
      owner: b.owner,
      indicator: b.indicator,
      unitOfMeasure: b.unitOfMeasure,
      direction: b.direction,
      category: b.category,
      cashReleasing: b.cashReleasing,
      valuationOrePerUnit: b.valuationOrePerUnit,
      baseline: b.baseline,
      baselineMeasuredOn: b.baselineMeasuredOn,
      target: b.target,
      targetDate: b.targetDate,
      measurementSchedule: b.measurementSchedule,
      disbenefit: b.disbenefit,
      change: b.change,
      comment: b.comment,
      plan: b.plan,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
};

const flow = async (from: string) => {
  const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T3&level=1');
  expect(ledger.status).toBe(200);
  return ledger.body.flows.filter((f) => f.fromUnitId === from && f.toUnitId === building).reduce((sum, f) => sum + f.ore, 0);
};

const realise = async (projectId: string) => {
  const benefits = (await g.get<ProjectDetail>(`/api/projects/${projectId}`)).body.benefits;
  const byTitle = (title: string) => benefits.find((b) => b.title === title)!.id;
  await g.created(`/api/benefits/${byTitle('Frigjort saksbehandlertid')}/realisations`, { period: '2026-T1', quantity: 10 });
  await g.created(`/api/benefits/${byTitle('Mer tid til opplæring')}/realisations`, { period: '2026-T1', quantity: 30 });
};

describe('a disbenefit through plan export and import', () => {
  it('keeps the disbenefit flag, the signed plan figures and the ledger sign', async () => {
    const source = await project('Digital byggesøknad', it_);
    const gain = await g.created(`/api/projects/${source}/benefits`, {
      ...common,
      title: 'Frigjort saksbehandlertid',
      recipientUnitId: building,
      direction: 'decrease',
      category: 'budget',
      cashReleasing: true,
      valuationOrePerUnit: 500_00,
      baseline: 12,
      plan: [{ period: '2026-T1', quantity: 10 }, { period: '2026-T2', quantity: 20 }],
      change: 'Digital byggesøknad',
      comment: null,
    });
    const disbenefit = await g.created(`/api/projects/${source}/benefits`, {
      ...common,
      title: 'Mer tid til opplæring',
      recipientUnitId: building,
      direction: 'increase',
      category: 'capacity',
      cashReleasing: false,
      valuationOrePerUnit: 650_00,
      baseline: null,
      plan: [{ period: '2026-01', quantity: 5 }, { period: '2026-T1', quantity: 30 }, { period: '2026-T3', quantity: 15 }],
      measurementSchedule: 'month',
      disbenefit: true,
      change: ' Ny rutine\r\nfor opplæring ',
      comment: '=SUM(A1:A3) _x0041_ @alle +47 😀',
    });
    await g.created(`/api/benefits/${disbenefit}/baseline`, { value: 4, measuredOn: '2026-01-15' });
    const original = await planned(source);
    const ulempe = original.find((b) => b.title === 'Mer tid til opplæring')!;
    expect(ulempe).toMatchObject({ disbenefit: true, measurementSchedule: 'month', baseline: 4, baselineMeasuredOn: '2026-01-15' });
    expect(ulempe.plan.find((p) => p.period === '2026-T1')!.plannedOre).toBe(-30 * 650_00);

    const exported = await fetch(`${g.url}/api/export/projects/${source}/plan.xlsx`, { headers: AS_ADMIN });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await exported.arrayBuffer());

    // the plan moves to another project: the source gives its claims up first (one gain, one claim)
    for (const id of [gain, disbenefit]) await g.created(`/api/benefits/${id}/cancel`, { reason: 'Planen er flyttet til kopien' });
    const target = await project('Digital byggesøknad – kopi', finance);
    const imported = await fetch(`${g.url}/api/projects/${target}/import`, {
      method: 'POST',
      headers: { 'content-type': XLSX, ...AS_ADMIN },
      body: new Blob([bytes]),
    });
    const report = (await imported.json()) as { ok: boolean; problems: unknown[]; benefitIds: string[]; warnings: string[] };
    expect(imported.status, JSON.stringify(report)).toBe(201);
    expect(report).toMatchObject({ ok: true, problems: [], warnings: [] });
    expect(report.benefitIds).toHaveLength(2);

    // the same plan, field by field: the disbenefit is still a disbenefit, its plan still counts against
    expect(await planned(target)).toEqual(original);

    // the imported copy's flow to Byggesak is negative (10 × 500 kr gained, 30 × 650 kr disbenefit);
    // with the flag lost it would be +24 500 kr
    await realise(target);
    expect(await flow(finance)).toBe(10 * 500_00 - 30 * 650_00);
  });

  it('imports a sheet made before the Ulempe and Målefrekvens columns as benefits measured by tertial', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Gevinstrealiseringsplan');
    ws.addRow(['Gevinst', 'Gevinstkategori', 'Gevinstmottaker (enhet)', 'Gevinsteier', 'Måleindikator', 'Måleenhet', 'Retning', 'Verdsetting (kr per enhet)', '2026 T1', '2026 T2']);
    ws.addRow(['Færre klager', 'alternativ anvendelse', 'Byggesak', 'eier@fjordvik.kommune.no', 'Klager per måned', 'klager', 'reduksjon', 200, 4, 6]);
    const target = await project('Gammelt ark', finance);
    const res = await fetch(`${g.url}/api/projects/${target}/import`, {
      method: 'POST',
      headers: { 'content-type': XLSX, ...AS_ADMIN },
      body: new Blob([new Uint8Array(await wb.xlsx.writeBuffer())]),
    });
    expect(res.status).toBe(201);
    const [benefit] = (await g.get<ProjectDetail>(`/api/projects/${target}`)).body.benefits;
    expect(benefit).toMatchObject({ title: 'Færre klager', disbenefit: false, measurementSchedule: 'tertial', change: null, comment: null });
    expect(benefit!.plan.map((p) => p.plannedOre)).toEqual([4 * 200_00, 6 * 200_00]);
  });
});
