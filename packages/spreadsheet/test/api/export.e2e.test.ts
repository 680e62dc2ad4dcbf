import { AS_ADMIN } from '../../../../services/api/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_COLUMNS } from '../../src/plan/columns';
import { download, startSheetGevinst, type Refusal, type SheetGevinst } from './gevinst';

let g: SheetGevinst;
beforeAll(async () => {
  g = await startSheetGevinst({ demo: true });
});
afterAll(async () => {
  await g?.close();
});

const workbookOf = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
};

/** `1234,56` → 123456 øre, exactly. */
const csvOre = (text: string) => {
  const m = /^(-?)(\d+),(\d{2})$/.exec(text)!;
  expect(m, text).not.toBeNull();
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

const q = { from: '2025-T1', to: '2027-T3', level: 1 };
const qs = `from=${q.from}&to=${q.to}&level=${q.level}`;

describe('ledger export', () => {
  it('XLSX: a sheet per view, frozen header, amounts as kroner numbers with a #,##0.00 format, equal to the ledger', async () => {
    const res = await download(g, `/api/export/ledger.xlsx?${qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="gevinst-hovedbok-2025-T1_2027-T3_niva1\.xlsx"/);
    const wb = await workbookOf(res.bytes);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Strømmer', 'Matrise', 'Enheter', 'Åpne saldoer']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    const ledger = g.api.readModels.ledger.ledger(q);
    expect(ledger.flows.length).toBeGreaterThan(0);
    const flows = wb.getWorksheet('Strømmer')!;
    expect(flows.rowCount).toBe(ledger.flows.length + 1);
    const amounts = [];
    for (let r = 2; r <= flows.rowCount; r++) {
      const cell = flows.getRow(r).getCell(3);
      expect(cell.numFmt).toBe('#,##0.00');
      expect(typeof cell.value).toBe('number');
      amounts.push(Math.round((cell.value as number) * 100));
    }
    expect(amounts).toEqual(ledger.flows.map((f) => f.ore));

    const unitsSheet = wb.getWorksheet('Enheter')!;
    const net = [];
    for (let r = 2; r <= unitsSheet.rowCount; r++) net.push(Math.round((unitsSheet.getRow(r).getCell(6).value as number) * 100));
    expect(net).toEqual(ledger.units.map((u) => u.netOre));

    const balances = g.api.readModels.ledger.balances(q);
    const open = wb.getWorksheet('Åpne saldoer')!;
    expect(open.rowCount).toBe(balances.length + 1);
    expect(Math.round((open.getRow(2).getCell(8).value as number) * 100)).toBe(balances[0]!.openOre);
    // what a settlement changes, under the names the page uses
    expect([open.getRow(1).getCell(9).value, open.getRow(1).getCell(10).value]).toEqual(['Åpent til gode (kr)', 'Åpent å betale (kr)']);
    expect(Math.round((open.getRow(2).getCell(9).value as number) * 100)).toBe(balances[0]!.owedToUnitOre);
    expect(Math.round((open.getRow(2).getCell(10).value as number) * 100)).toBe(balances[0]!.owedByUnitOre);
  });

  it('CSV the way Norwegian Excel opens it: BOM, semicolons, decimal comma, CRLF — one view at a time', async () => {
    const res = await download(g, `/api/export/ledger.csv?${qs}&view=flows`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('Betaler (enhet);Mottaker (enhet);Gevinst (kr)');
    const ledger = g.api.readModels.ledger.ledger(q);
    expect(lines.slice(1).map((l) => csvOre(l.split(';')[2]!))).toEqual(ledger.flows.map((f) => f.ore));

    const matrix = await download(g, `/api/export/ledger.csv?${qs}&view=matrix`);
    const header = matrix.bytes.toString('utf8').slice(1).split('\r\n')[0]!.split(';');
    expect(header[0]).toBe('Betaler \\ mottaker');
    expect(header.at(-1)).toBe('Egen gevinst (diagonal, kr)');
  });

  it('refuses bad span parameters the way /api/ledger does', async () => {
    const bad = await fetch(`${g.url}/api/export/ledger.xlsx?from=2026-T4`, { headers: AS_ADMIN });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Refusal).error.fields).toEqual([{ path: 'from', message: expect.stringMatching(/Ugyldig periode/) }]);
    const backwards = await fetch(`${g.url}/api/export/ledger.csv?from=2027&to=2026`, { headers: AS_ADMIN });
    expect(backwards.status).toBe(400);
    const view = await fetch(`${g.url}/api/export/ledger.csv?view=kontoplan`, { headers: AS_ADMIN });
    expect(view.status).toBe(400);
    expect(((await view.json()) as Refusal).error.fields[0]!.path).toBe('view');
  });
});

describe('portfolio and plan exports', () => {
  it('portfolio status per unit and period, with statuses in bokmål', async () => {
    const res = await download(g, `/api/export/portfolio.csv?from=2026-T1&to=2026-T3&level=1`);
    expect(res.status).toBe(200);
    const lines = res.bytes.toString('utf8').slice(1).split('\r\n').slice(0, -1);
    const portfolio = g.api.readModels.portfolioStatus({ from: '2026-T1', to: '2026-T3', level: 1 });
    expect(lines.length - 1).toBe(portfolio.rows.reduce((n, r) => n + r.cells.length, 0));
    for (const line of lines.slice(1)) expect(line.split(';')[2]).toMatch(/^(ønsket|akseptabelt|uakseptabelt|ikke vurdert|ikke forfalt)$/);
    const xlsx = await download(g, `/api/export/portfolio.xlsx?from=2026-T1&to=2026-T3&level=1`);
    expect((await workbookOf(xlsx.bytes)).worksheets.map((w) => w.name)).toEqual(['Porteføljestatus']);
  });

  it('a project plan: the re-importable plan sheet, the instructions and plan against realisation', async () => {
    const project = g.api.readModels.projects.list().find((p) => p.benefitCount > 1)!;
    const res = await download(g, `/api/export/projects/${project.id}/plan.xlsx`);
    const wb = await workbookOf(res.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Gevinstrealiseringsplan', 'Tiltak', 'Risiko', 'Veiledning', 'Enheter', 'Plan mot realisering']);
    const csv = await download(g, `/api/export/projects/${project.id}/plan.csv`);
    expect(csv.bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
      'Gevinst;Gevinstmottaker (enhet);Gevinstkategori;Kontantfrigjørende;Periode;Måleenhet;Planlagt mengde;Realisert mengde;Planlagt (kr);Realisert (kr);Status',
    );
    expect((await fetch(`${g.url}/api/export/projects/finnes-ikke/plan.xlsx`, { headers: AS_ADMIN })).status).toBe(404);
  });
});

describe('the template', () => {
  it('has the plan sheet with every column, drop-down lists, the instructions in bokmål and the units', async () => {
    const res = await download(g, '/api/templates/gevinstrealiseringsplan.xlsx?fromYear=2026&years=2');
    expect(res.status).toBe(200);
    const wb = await workbookOf(res.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Gevinstrealiseringsplan', 'Tiltak', 'Risiko', 'Veiledning', 'Enheter']);
    const plan = wb.getWorksheet('Gevinstrealiseringsplan')!;
    const headers = (plan.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      ...PLAN_COLUMNS.filter((c) => c.key !== 'comment').map((c) => c.header),
      '2026 T1', '2026 T2', '2026 T3', '2027 T1', '2027 T2', '2027 T3',
      'Kommentar',
    ]);
    expect(plan.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"budsjettmessig,alternativ anvendelse,øvrig offentlig sektor,ikke-prissatt"'] });
    expect(plan.getCell('H10').dataValidation).toMatchObject({ type: 'list', formulae: ['"økning,reduksjon"'] });
    expect(plan.getCell('N10').dataValidation).toMatchObject({ type: 'list', formulae: ['"ja,nei"'] });
    // Ulempe and Målefrekvens
    expect(plan.getCell('O10').dataValidation).toMatchObject({ type: 'list', formulae: ['"ja,nei"'] });
    expect(plan.getCell('P10').dataValidation).toMatchObject({ type: 'list', formulae: ['"tertial,år,måned"'] });
    expect(plan.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Enheter'!\$A\$2:\$A\$\d+$/)] });
    const help = wb.getWorksheet('Veiledning')!;
    const text = help.getSheetValues().flat().join(' ');
    expect(text).toMatch(/desimalkomma og desimalpunktum/);
    expect(text).toMatch(/dd\.mm\.åååå/);
    // Delt med: how a person writes a declared share
    expect(text).toMatch(/Delt med .*«<gevinst-id> 40\/60»/);
    const units = wb.getWorksheet('Enheter')!;
    const active = g.api.readModels.units.list().filter((u) => u.active);
    expect(units.rowCount - 1).toBe(active.length);
  });
});
