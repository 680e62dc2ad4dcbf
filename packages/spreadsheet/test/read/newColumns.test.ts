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

describe('Delt med', () => {
  it('reads the declared shares as typed (colon, %, decimal comma, several by ;) and names a cell it cannot read', async () => {
    const wb = planWorkbook({ periods: PERIODS, units: FIXTURE_UNITS, rows: [1, 2, 3, 4, 5].map((i) => goodRow(i)) });
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    const set = (row: number, key: string, value: string) => (ws.getRow(row).getCell(ws.getColumn(key).number).value = value);
    set(2, 'sharedWith', 'b-41 40/60');
    set(3, 'sharedWith', ' b-41: 12,5 % / 50 % ;  9f1c-77 30/30; ');
    set(4, 'sharedWith', 'b-41 40 prosent');
    set(5, 'sharedWith', 'b-41 40/60; b-41 10/10');
    const parsed = await parsePlanWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows.map((r) => [r.row, r.value.sharedWith])).toEqual([
      [2, [{ benefitId: 'b-41', sharePercent: 40, otherSharePercent: 60 }]],
      [
        3,
        [
          { benefitId: 'b-41', sharePercent: 12.5, otherSharePercent: 50 },
          { benefitId: '9f1c-77', sharePercent: 30, otherSharePercent: 30 },
        ],
      ],
      [6, []],
    ]);
    expect(parsed.problems.map((p) => [p.row, p.column, p.cell, p.message])).toEqual([
      [
        4,
        'Delt med',
        'Q4',
        '«b-41 40 prosent» er ikke en andel: skriv den andre gevinstens id, denne gevinstens andel og den andres andel i prosent, f.eks. «<gevinst-id> 40/60»; skill flere med semikolon',
      ],
      [5, 'Delt med', 'Q5', 'Gevinsten b-41 står to ganger i «Delt med»'],
    ]);
  });
});
