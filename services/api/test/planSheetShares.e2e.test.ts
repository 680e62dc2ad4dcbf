import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitView, DeclaredOverlaps, History, ProjectDetail } from '@gevinst/domain/answers';
import { AS_ADMIN, startTestGevinst, type TestGevinst } from './helpers';

/**
 * A benefit planned with a declared share of a gain another project's benefit claims keeps that share
 * through plan export and import (the «Delt med» column): the imported copy declares the same shares
 * with the same benefit, listed in GET /api/portfolio/overlaps and on both benefits' views.
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

const project = (name: string, ownerUnitId: string) => g.created('/api/projects', { name, ownerUnitId, projectLeader: 'leder@fjordvik.kommune.no' });

const benefit = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  recipientUnitId: building,
  owner: 'eier@fjordvik.kommune.no',
  indicator: 'Timer per byggesak',
  unitOfMeasure: 'timer',
  direction: 'decrease',
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 500_00,
  plan: [{ period: '2026-T2', quantity: 20 }],
  ...extra,
});

const importPlan = async (projectId: string, bytes: Uint8Array<ArrayBuffer>, dryRun = false) => {
  const res = await fetch(`${g.url}/api/projects/${projectId}/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, ...AS_ADMIN },
    body: new Blob([bytes]),
  });
  return { status: res.status, report: (await res.json()) as { ok: boolean; problems: { row: number | null; column: string | null; cell: string | null; message: string }[]; benefitIds: string[] } };
};

describe('declared shares through plan export and import', () => {
  let claimed: string;
  let source: string;

  it('carries a benefit\'s declared share into the project the plan is imported into', async () => {
    const first = await project('Saksbehandlingssystem', it_);
    claimed = await g.created(`/api/projects/${first}/benefits`, benefit('Raskere saksbehandling'));
    source = await project('Digital byggesøknad', finance);
    const sharing = await g.created(
      `/api/projects/${source}/benefits`,
      benefit('Færre timer per søknad', { sharedWith: [{ benefitId: claimed, sharePercent: 40, otherSharePercent: 60 }] }),
    );
    const view = await g.get<BenefitView>(`/api/benefits/${sharing}`);
    expect(view.body.sharedWith).toEqual([
      { benefitId: claimed, title: 'Raskere saksbehandling', projectId: first, projectName: 'Saksbehandlingssystem', sharePercent: 40, otherSharePercent: 60, declaredHere: true, otherCancelled: false },
    ]);

    const exported = await fetch(`${g.url}/api/export/projects/${source}/plan.xlsx`, { headers: AS_ADMIN });
    expect(exported.status).toBe(200);
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Gevinstrealiseringsplan')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    expect(sheet.getRow(2).getCell(headers.indexOf('Delt med')).value).toBe(`${claimed} 40/60`);

    // the plan moves to another project: the source gives its claim up first
    await g.created(`/api/benefits/${sharing}/cancel`, { reason: 'Planen er flyttet' });
    const target = await project('Digital byggesøknad – kopi', finance);
    const { status, report } = await importPlan(target, bytes);
    expect(status, JSON.stringify(report)).toBe(201);
    expect(report.benefitIds).toHaveLength(1);
    const copy = report.benefitIds[0]!;

    const overlaps = await g.get<DeclaredOverlaps>('/api/portfolio/overlaps');
    expect(overlaps.status).toBe(200);
    const ofCopy = overlaps.body.filter((o) => o.benefit.benefitId === copy);
    expect(ofCopy.map((o) => [o.benefit.projectId, o.benefit.sharePercent, o.other.benefitId, o.other.sharePercent])).toEqual([[target, 40, claimed, 60]]);
    // the claimed benefit sees both declarations, the cancelled one marked
    const claimedView = await g.get<BenefitView>(`/api/benefits/${claimed}`);
    expect(claimedView.body.sharedWith.map((s) => [s.benefitId, s.sharePercent, s.otherSharePercent, s.declaredHere, s.otherCancelled])).toEqual([
      [sharing, 60, 40, false, true],
      [copy, 60, 40, false, false],
    ]);
    // the copy's history says with whom and how it was shared, and who declared it
    const history = await g.get<History>(`/api/benefits/${copy}/history`);
    expect(history.body.entries.filter((e) => e.kind === 'overlapDeclared')).toMatchObject([
      { benefitId: copy, otherBenefitId: claimed, otherBenefitTitle: 'Raskere saksbehandling', otherProjectId: first, sharePercent: 40, otherSharePercent: 60, declaredHere: true, by: 'admin' },
    ]);
    expect((await g.get<ProjectDetail>(`/api/projects/${target}`)).body.benefits[0]!.sharedWith).toMatchObject([{ benefitId: claimed, sharePercent: 40, otherSharePercent: 60, declaredHere: true }]);
  });

  it('puts a malformed Delt med cell, and a share the domain refuses, on the row and column, writing nothing', async () => {
    const exported = await fetch(`${g.url}/api/export/projects/${source}/plan.xlsx`, { headers: AS_ADMIN });
    // the cancelled benefit is not in the export: write two rows of our own in its sheet
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exported.arrayBuffer());
    const sheet = wb.getWorksheet('Gevinstrealiseringsplan')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const row = (values: Record<string, string | number>) => {
      const r = sheet.addRow([]);
      for (const [header, value] of Object.entries(values)) r.getCell(headers.indexOf(header)).value = value;
    };
    const common = { Gevinstkategori: 'alternativ anvendelse', 'Gevinstmottaker (enhet)': 'Byggesak', Gevinsteier: 'eier@fjordvik.kommune.no', Måleindikator: 'Timer per byggesak', Måleenhet: 'timer', Retning: 'reduksjon' };
    row({ ...common, Gevinst: 'Skrevet feil', 'Delt med': `${claimed} førti/seksti` });
    row({ ...common, Gevinst: 'For mye', 'Delt med': `${claimed} 70/40` });
    const target = await project('Feil i arket', finance);
    const { status, report } = await importPlan(target, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(status).toBe(422);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Delt med'],
      [3, 'Delt med'],
    ]);
    expect(report.problems[0]!.message).toContain('er ikke en andel');
    expect((await g.get<ProjectDetail>(`/api/projects/${target}`)).body.benefits).toEqual([]);
  });
});
