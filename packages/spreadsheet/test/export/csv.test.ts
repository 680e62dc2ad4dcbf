import { describe, expect, it } from 'vitest';
import { oreAsCsvKroner, toCsv } from '../../src/export/csv';
import type { Table } from '../../src/export/table';

const table: Table = {
  name: 'test',
  columns: [
    { header: 'Enhet', type: 'text' },
    { header: 'Beløp (kr)', type: 'kroner' },
    { header: 'Mengde', type: 'number' },
    { header: 'Periode', type: 'period' },
    { header: 'Dato', type: 'date' },
  ],
  rows: [
    ['Plan; bygg og "geodata"', 123456, 1.5, '2026-T2', '2026-03-31'],
    ['=SUM(A1)', -5, null, '2026', null],
  ],
};

describe('CSV for Norwegian Excel', () => {
  it('starts with a UTF-8 byte order mark, separates with ; and ends lines with CRLF', async () => {
    const csv = await toCsv(table);
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Enhet;Beløp (kr);Mengde;Periode;Dato');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
  it('writes amounts as kroner with a decimal comma, dates as dd.mm.yyyy, quotes what needs it', async () => {
    const lines = (await toCsv(table)).slice(1).split('\r\n');
    expect(lines[1]).toBe('"Plan; bygg og ""geodata""";1234,56;1,5;2026 T2;31.03.2026');
    expect(lines[2]).toBe("'=SUM(A1);-0,05;;2026;");
  });
  it('never uses a float for øre', () => {
    expect(oreAsCsvKroner(10)).toBe('0,10');
    expect(oreAsCsvKroner(123456789012)).toBe('1234567890,12');
    expect(oreAsCsvKroner(0)).toBe('0,00');
  });
});
