import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_SHEET } from '../../src/plan/columns';
import { download, importFile, startSheetGevinst, type SheetGevinst } from './gevinst';

// «Mål» in the plan sheet: the export names the goals a benefit serves by title, and the import links
// the new benefit to them; a title that names no goal is a problem on its row and column.
let g: SheetGevinst;
beforeAll(async () => {
  g = await startSheetGevinst({ demo: true });
});
afterAll(async () => {
  await g?.close();
});

const GOAL = 'Raskere og mer forutsigbar byggesaksbehandling';

/** The plan sheet's rows as header → cell text. */
const rowsOf = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(PLAN_SHEET)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  return { wb, ws, headers };
};

describe('«Mål» in the plan sheet', () => {
  it('exports the goals a benefit serves, refuses an unknown goal on its row, and links the imported benefit', async () => {
    const rm = g.api.readModels;
    const source = rm.projects.list().find((p) => p.name === 'Digitalisering av byggesaksarkivet')!;
    const exported = await download(g, `/api/export/projects/${source.id}/plan.xlsx`);
    const { wb, ws, headers } = await rowsOf(exported.bytes);
    const goalCol = headers.indexOf('Mål');
    const titleCol = headers.indexOf('Gevinst');
    expect(goalCol).toBeGreaterThan(0);
    const timerRow = [2, 3].find((r) => ws.getRow(r).getCell(titleCol).text === 'Færre timer per byggesak')!;
    expect(ws.getRow(timerRow).getCell(goalCol).text).toBe(GOAL);

    // the plan moves to a new project (the source's benefits are cancelled so nothing counts twice)
    const kommune = rm.units.list().find((u) => u.parentId === null)!;
    const target = await g.send('registerProject', { name: 'Byggesaksarkivet, ny plan', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
    for (const b of rm.projects.project(source.id)!.benefits.filter((b) => !b.cancelled && !b.unplanned))
      await g.send('cancelBenefit', { reason: 'Planen er flyttet' }, b.id);

    ws.getRow(timerRow).getCell(goalCol).value = 'Et mål som ikke finnes';
    const unknown = await importFile(g, target, new Uint8Array(await wb.xlsx.writeBuffer()), '?dryRun=1');
    expect(unknown.body.ok).toBe(false);
    expect(unknown.body.problems).toContainEqual(expect.objectContaining({ row: timerRow, column: 'Mål', message: expect.stringMatching(/Fant ikke målet «Et mål som ikke finnes»/) }));

    ws.getRow(timerRow).getCell(goalCol).value = `${GOAL}; Innbyggerne møter en digital førstelinje`;
    const done = await importFile(g, target, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    const imported = rm.projects.project(target)!.benefits.find((b) => b.title === 'Færre timer per byggesak')!;
    expect(rm.goals.goalsOfBenefit(imported.id).map((goal) => goal.title).sort()).toEqual([GOAL, 'Innbyggerne møter en digital førstelinje'].sort());
  });
});
