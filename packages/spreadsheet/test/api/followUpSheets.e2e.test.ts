import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanTemplate } from '../../src/template/buildPlanTemplate';
import { PLAN_SHEET } from '../../src/plan/columns';
import { download, importFile, startSheetGevinst, type SheetGevinst } from './gevinst';

// «Tiltak» and «Risiko»: the export lists each live benefit's realisation actions and open risks by the
// benefit's title; the import adds them to the benefit the row names, all or nothing, and only once.
let g: SheetGevinst;
beforeAll(async () => {
  g = await startSheetGevinst({ demo: true });
});
afterAll(async () => {
  await g?.close();
});

const BENEFIT = 'Færre timer per byggesak';

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};
const values = (ws: ExcelJS.Worksheet) =>
  ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null)))] : []));
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

describe('«Tiltak» and «Risiko» sheets', () => {
  it('the template has both sheets, empty with header rows, right after the plan sheet', async () => {
    const wb = await load(await buildPlanTemplate({ periods: ['2026-T1'] }));
    expect(wb.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual([PLAN_SHEET, 'Tiltak', 'Risiko']);
    expect(values(wb.getWorksheet('Tiltak')!)).toEqual([['Gevinst', 'Tiltak', 'Ansvarlig (e-post)', 'Frist', 'Status', 'Kommentar']]);
    expect(values(wb.getWorksheet('Risiko')!)).toEqual([['Gevinst', 'Trussel', 'Sannsynlighet (1–5)', 'Konsekvens (1–5)', 'Tiltak for å redusere risiko']]);
  });

  it('exports the actions and open risks, refuses bad rows writing nothing, imports them onto the new benefit once', async () => {
    const rm = g.api.readModels;
    const source = rm.projects.list().find((p) => p.name === 'Digitalisering av byggesaksarkivet')!;
    const benefit = rm.projects.project(source.id)!.benefits.find((b) => b.title === BENEFIT)!;
    await g.send('addBenefitAction', { title: 'Opplæring i nytt arkiv', owner: 'arkiv@kommune.no', deadline: '2026-09-01', comment: 'Alle saksbehandlere' }, benefit.id);
    await g.send('assessBenefitRisk', { threat: 'Skanningen blir forsinket', probability: 4, consequence: 3, mitigation: 'Innleid kapasitet' }, benefit.id);
    await g.send('assessBenefitRisk', { threat: 'Lukket risiko', probability: 2, consequence: 2 }, benefit.id);
    const open = rm.followUp.risksOf(benefit.id).find((r) => r.assessments[0]?.threat === 'Lukket risiko')!;
    await g.send('closeBenefitRisk', { riskId: open.riskId, reason: 'Ikke lenger aktuell' }, benefit.id);

    const exported = await download(g, `/api/export/projects/${source.id}/plan.xlsx`);
    const wb = await load(exported.bytes);
    expect(wb.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual([PLAN_SHEET, 'Tiltak', 'Risiko']);
    expect(values(wb.getWorksheet('Tiltak')!)).toContainEqual([BENEFIT, 'Opplæring i nytt arkiv', 'arkiv@kommune.no', '2026-09-01', 'Planlagt', 'Alle saksbehandlere']);
    const risks = values(wb.getWorksheet('Risiko')!);
    expect(risks).toContainEqual([BENEFIT, 'Skanningen blir forsinket', 4, 3, 'Innleid kapasitet']);
    expect(risks.flat()).not.toContain('Lukket risiko');

    // the plan moves to a new project (the source's benefits are cancelled so nothing counts twice)
    const kommune = rm.units.list().find((u) => u.parentId === null)!;
    const target = await g.send('registerProject', { name: 'Byggesaksarkivet, tiltak og risiko', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
    for (const b of rm.projects.project(source.id)!.benefits.filter((b) => !b.cancelled && !b.unplanned)) await g.send('cancelBenefit', { reason: 'Planen er flyttet' }, b.id);
    const benefitsOfTarget = () => rm.projects.project(target)!.benefits;

    // bad rows: each a problem at its sheet, row and column; nothing written
    const actions = wb.getWorksheet('Tiltak')!;
    const risksWs = wb.getWorksheet('Risiko')!;
    const actionRow = values(actions).findIndex((r) => r[1] === 'Opplæring i nytt arkiv') + 1;
    const riskRow = values(risksWs).findIndex((r) => r[1] === 'Skanningen blir forsinket') + 1;
    actions.addRow(['Ingen slik gevinst', 'Noe', 'a@kommune.no', new Date('2026-10-01'), 'Planlagt', null]);
    actions.addRow([BENEFIT, 'Feil e-post', 'ikke-en-epost', 'i morgen', null, null]);
    risksWs.getRow(riskRow).getCell(3).value = 6;
    risksWs.getRow(riskRow).getCell(4).value = 2.5;
    const bad = await importFile(g, target, await bytesOf(wb));
    expect(bad.body.ok).toBe(false);
    expect(bad.body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Tiltak', row: actionRow + 1, column: 'Gevinst', message: expect.stringMatching(/Fant ikke gevinsten «Ingen slik gevinst»/) }),
        expect.objectContaining({ sheet: 'Tiltak', row: actionRow + 2, column: 'Ansvarlig (e-post)' }),
        expect.objectContaining({ sheet: 'Tiltak', row: actionRow + 2, column: 'Frist' }),
        expect.objectContaining({ sheet: 'Risiko', row: riskRow, column: 'Sannsynlighet (1–5)', message: 'Må være et helt tall fra 1 til 5' }),
        expect.objectContaining({ sheet: 'Risiko', row: riskRow, column: 'Konsekvens (1–5)', message: 'Må være et helt tall fra 1 til 5' }),
      ]),
    );
    expect(benefitsOfTarget()).toEqual([]);

    // the exported file as it was: benefits, then their action and risk
    const good = await load(exported.bytes);
    const done = await importFile(g, target, await bytesOf(good));
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const moved = benefitsOfTarget().find((b) => b.title === BENEFIT)!;
    const actionsNow = () => rm.followUp.actionsOf(moved.id).map((a) => [a.title, a.owner, a.deadline, a.comment]);
    const risksNow = () => rm.followUp.risksOf(moved.id).map((r) => r.assessments.map((a) => [a.threat, a.probability, a.consequence, a.mitigation]));
    expect(actionsNow()).toEqual([['Opplæring i nytt arkiv', 'arkiv@kommune.no', '2026-09-01', 'Alle saksbehandlere']]);
    expect(risksNow()).toEqual([[['Skanningen blir forsinket', 4, 3, 'Innleid kapasitet']]]);

    // again, the same file and the project's own export: nothing more
    await importFile(g, target, await bytesOf(good));
    const again = await download(g, `/api/export/projects/${target}/plan.xlsx`);
    const second = await importFile(g, target, again.bytes);
    expect(second.body.ok, JSON.stringify(second.body)).toBe(true);
    expect(second.body.warnings.join(' ')).toMatch(/2 tiltak og risikoer finnes allerede/);
    expect(actionsNow()).toHaveLength(1);
    expect(risksNow()).toHaveLength(1);
  });
});
