import { describe, expect, it } from 'vitest';
import { PLAN_SHEET } from '../../src/plan/columns';
import { parsePlanWorkbook } from '../../src/read/parsePlanWorkbook';
import { planWorkbook } from '../../src/template/buildPlanTemplate';
import { goodRow } from '../fixtures/make-fixtures';
import { FIXTURE_UNITS } from '../fixtures/units';

const PERIODS = ['2026-T1', '2026-T2'];

describe('Ulempe and Målefrekvens', () => {
  it('reads ja/nei and tertial/år/måned (and their usual other words), and names a cell it cannot read', async () => {
    const wb = planWorkbook({ periods: PERIODS, units: FIXTURE_UNITS, rows: [1, 2, 3, 4].map((i) => goodRow(i)) });
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    const set = (row: number, key: string, value: string) => (ws.getRow(row).getCell(ws.getColumn(key).number).value = value);
    set(2, 'disbenefit', 'Ja');
    set(2, 'measurementSchedule', 'månedlig');
    set(3, 'disbenefit', 'nei');
    set(3, 'measurementSchedule', 'år');
    set(4, 'disbenefit', 'kanskje');
    set(5, 'measurementSchedule', 'ukentlig');
    const parsed = await parsePlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows.map((r) => [r.row, r.value.disbenefit, r.value.measurementSchedule])).toEqual([
      [2, true, 'month'],
      [3, false, 'year'],
    ]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.cell, p.message])).toEqual([
      [4, 'Ulempe', 'O4', '«kanskje»: skriv ja eller nei'],
      [5, 'Målefrekvens', 'P5', 'Ukjent målefrekvens «ukentlig»: velg tertial, år eller måned'],
    ]);
  });
});
