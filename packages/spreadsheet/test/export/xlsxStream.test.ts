import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/export/table';
import { writeXlsx } from '../../src/export/xlsx';

const ROWS = 40_000;
/** A long table whose rows are made as the writer asks; `made` counts them. */
function longTable(): Table & { made: () => number } {
  let made = 0;
  return {
    name: 'Strømmer',
    columns: [
      { header: 'Betaler (enhet)', type: 'text' },
      { header: 'Periode', type: 'period' },
      { header: 'Gevinst (kr)', type: 'kroner' },
    ],
    rows: (function* () {
      for (; made < ROWS; made++) yield [`Enhet ${(made * 7919) % 1000}`, `2026-T${(made % 3) + 1}`, (made * 104729) % 10_000_000];
    })(),
    made: () => made,
  };
}

/** An output that holds every write until `release()` (a client that stopped reading). */
function stalledOutput() {
  const chunks: Buffer[] = [];
  const held: (() => void)[] = [];
  let stalled = true;
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      if (stalled) held.push(() => done());
      else done();
    },
  });
  return {
    out,
    bytes: () => Buffer.concat(chunks),
    release() {
      stalled = false;
      for (const done of held.splice(0)) done();
    },
  };
}

/** Lets the writer run until it stops asking for rows. */
async function untilIdle(made: () => number): Promise<void> {
  for (let quiet = 0; quiet < 50; ) {
    const before = made();
    await new Promise((resolve) => setImmediate(resolve));
    quiet = made() === before ? quiet + 1 : 0;
  }
}

describe('the streaming XLSX writer', () => {
  it('sends bytes before the last row is made', async () => {
    const table = longTable();
    let sent = 0;
    let sentWhenMade = -1;
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        sent += chunk.length;
        done();
      },
    });
    const rows = table.rows as Iterable<(string | number | null)[]>;
    table.rows = (function* () {
      yield* rows;
      sentWhenMade = sent;
    })();
    await writeXlsx([table], out);
    expect(table.made()).toBe(ROWS);
    expect(sentWhenMade).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(sentWhenMade);
  });

  it('asks for no more rows while the output does not take them, then finishes a file that reads back whole', async () => {
    const table = longTable();
    const output = stalledOutput();
    const writing = writeXlsx([table], output.out);
    await untilIdle(table.made);
    expect(table.made()).toBeLessThan(ROWS / 2);

    output.release();
    expect(await writing).toBe(ROWS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(output.bytes() as never);
    const ws = wb.getWorksheet('Strømmer')!;
    expect(ws.rowCount).toBe(ROWS + 1);
    const last = ROWS - 1;
    expect(ws.getRow(ROWS + 1).values).toEqual([undefined, `Enhet ${(last * 7919) % 1000}`, '2026 T1', ((last * 104729) % 10_000_000) / 100]);
  });

  it('stops when the output closes before the workbook is written (the client left)', async () => {
    const table = longTable();
    const output = stalledOutput();
    const writing = writeXlsx([table], output.out);
    await untilIdle(table.made);
    output.out.destroy();
    await expect(writing).rejects.toThrow(/closed/);
    expect(table.made()).toBeLessThan(ROWS);
  });
});
