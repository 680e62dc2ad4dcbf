import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/import/readPlan';
import { FIXTURE_UNITS } from '../fixtures/units';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name));
const read = (name: string, answers?: Record<string, string>) => readPlan(fixture(name), FIXTURE_UNITS, answers);
const at = (problems: { row: number | null; column: string | null }[]) => problems.map((p) => [p.row, p.column]);

describe('bad input fixtures: every problem by sheet, row, column and reason', () => {
  it('unknown and merged-away units; units found by orgnr and by path', async () => {
    const r = await read('unknown-unit.xlsx');
    expect(at(r.problems)).toEqual([
      [3, 'Gevinstmottaker (enhet)'],
      [4, 'Gevinstmottaker (enhet)'],
    ]);
    expect(r.problems[0]!.message).toContain('Ukjent enhet «Teknisk etat»');
    expect(r.problems[1]!.message).toBe('Enheten «Gamle byggesak» er slått sammen med «Sandnes kommune / Helse og velferd»: skriv den enheten i stedet');
    expect(r.problems.every((p) => p.sheet === 'Gevinstrealiseringsplan')).toBe(true);
    const units = Object.fromEntries(r.resolved.map((x) => [x.row, x.recipientUnitId]));
    expect(units).toEqual({ 2: 'unit-oppvekst', 5: 'unit-skole-a', 6: 'unit-skole-b' });
  });

  it('an ambiguous unit name is one question listing the candidates, and an answer settles it', async () => {
    const r = await read('ambiguous-unit.xlsx');
    expect(r.problems).toEqual([]);
    expect(r.questions).toHaveLength(1);
    expect(r.questions[0]).toMatchObject({ value: 'Skole', rows: [2, 4], column: 'Gevinstmottaker (enhet)' });
    expect(r.questions[0]!.candidates.map((c) => c.path)).toEqual([
      'Sandnes kommune / Oppvekst / Skole',
      'Sandnes kommune / Helse og velferd / Skole',
    ]);
    expect(r.questions[0]!.message).toContain('974760673');
    const answered = await read('ambiguous-unit.xlsx', { Skole: 'unit-skole-b' });
    expect(answered.questions).toEqual([]);
    expect(answered.resolved.map((x) => x.recipientUnitId)).toEqual(['unit-skole-b', 'unit-oppvekst', 'unit-skole-b']);
  });

  it('numbers: decimal comma and point both read, ambiguous thousands and fractions of øre refused', async () => {
    const r = await read('bad-numbers.xlsx');
    expect(at(r.problems)).toEqual([
      [4, 'Målverdi'],
      [5, '2026 T1'],
      [6, 'Verdsetting (kr per enhet)'],
      [7, '2026 T3'],
    ]);
    expect(r.problems.map((p) => p.cell)).toEqual(['K4', 'O5', 'M6', 'Q7']);
    expect(r.problems[1]!.message).toMatch(/tvetydig/);
    expect(r.problems[2]!.message).toMatch(/to desimaler/);
    const baselines = Object.fromEntries(r.resolved.map((x) => [x.row, x.value.baseline]));
    expect(baselines).toEqual({ 2: 1.5, 3: 1.5 });
  });

  it('dates: Excel serials and dd.mm.yyyy read; impossible dates, two-digit years and words refused', async () => {
    const r = await read('bad-dates.xlsx');
    expect(at(r.problems)).toEqual([
      [4, 'Måldato'],
      [5, 'Nullpunkt dato'],
      [6, 'Måldato'],
    ]);
    expect(r.resolved.map((x) => x.value.targetDate)).toEqual(['2026-12-31', '2027-12-31']);
  });

  it('merged cells are named by their range', async () => {
    const r = await read('merged-cells.xlsx');
    expect(r.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'Gevinstmottaker (enhet)', cell: 'D3:D4', message: expect.stringMatching(/Sammenslåtte celler/) }),
    ]);
  });

  it('empty rows are skipped, and the rows keep their own numbers', async () => {
    const r = await read('empty-rows.xlsx');
    expect(r.problems).toEqual([]);
    expect(r.resolved.map((x) => x.row)).toEqual([2, 5, 9]);
  });

  it('a plan on a wrongly named sheet is refused with the sheet to rename', async () => {
    const r = await read('wrong-sheet.xlsx');
    expect(r.problems).toEqual([{ sheet: null, row: null, column: null, message: expect.stringMatching(/Fant ikke arket «Gevinstrealiseringsplan».*«Ark1» ser ut som en plan/) }]);
  });

  it('missing required columns are named at the header row', async () => {
    const r = await read('missing-columns.xlsx');
    expect(at(r.problems)).toEqual([
      [1, 'Gevinsteier'],
      [1, 'Måleenhet'],
    ]);
  });

  it('unknown labels, bad e-mail, empty required cells and formula errors', async () => {
    const r = await read('bad-labels.xlsx');
    expect(at(r.problems)).toEqual([
      [2, 'Gevinstkategori'],
      [3, 'Retning'],
      [4, 'Kontantfrigjørende'],
      [5, 'Gevinsteier'],
      [6, 'Gevinst'],
      [7, '2026 T1'],
    ]);
    expect(r.problems[5]!.message).toContain('#DIV/0!');
  });

  it('a file that is not a workbook', async () => {
    const r = await read('not-a-workbook.xlsx');
    expect(r.problems).toEqual([{ sheet: null, row: null, column: null, message: expect.stringMatching(/kan ikke leses som en Excel-fil/) }]);
  });
});
