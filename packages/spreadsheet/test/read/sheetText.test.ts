import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetText } from '../../src/plan/sheetText';
import { periodFromHeader, periodHeader } from '../../src/read/periodHeader';

/** Writes each text into a cell the way the plan sheet does and reads the workbook back with exceljs. */
async function throughWorkbook(texts: string[]): Promise<{ value: ExcelJS.CellValue; type: ExcelJS.ValueType }[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark');
  texts.forEach((t, i) => (ws.getCell(i + 1, 1).value = sheetText(t)));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
  return texts.map((_, i) => {
    const cell = back.getWorksheet('Ark')!.getCell(i + 1, 1);
    return { value: cell.value, type: cell.type };
  });
}

describe('text in a cell', () => {
  it('comes back as written: CR and CRLF, blanks at the ends, the _xHHHH_ escape, and formula-like text stays text', async () => {
    const texts = [
      'a\r\nb', 'a\rb', '\r', ' to mellomrom  ', '_x0041_', '_x000D_', '_x005F_x0041_', '_x00e6_', '_x0041_\r', 'x_x0041\r',
      '=SUM(A1:A3)', '+47 22 33 44 55', '-5', '@alle', '00123', '1,5', 'Ærlig øl på Å 😀',
    ];
    const back = await throughWorkbook(texts);
    expect(back.map((c) => c.value)).toEqual(texts);
    expect(back.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it('without the escape exceljs would turn _x0041_ into A and CR into LF (what the escape is for)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark');
    ws.getCell('A1').value = '_x0041_ a\r\nb';
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as never);
    expect(back.getWorksheet('Ark')!.getCell('A1').value).toBe('A a\nb');
  });
});

describe('month columns', () => {
  it('reads the month header Gevinst writes, and the usual other ways of naming a month', () => {
    expect(periodHeader('2026-03')).toBe('mars 2026');
    expect(periodFromHeader('mars 2026')).toBe('2026-03');
    expect(periodFromHeader('Desember  2027')).toBe('2027-12');
    expect(periodFromHeader('okt. 2026')).toBe('2026-10');
    expect(periodFromHeader('2026-05')).toBe('2026-05');
    expect(periodFromHeader('2026-13')).toBeNull();
    expect(periodFromHeader('Gevinst 2026')).toBeNull();
    expect(periodFromHeader('2026 T2')).toBe('2026-T2');
  });
});
