/**
 * Spreadsheet benchmark: `pnpm bench:spreadsheet`. Prints rows/s; asserts nothing.
 *  1. a 5,000-row gevinstrealiseringsplan: read (parse + units), dry run (the API's own checks), commit
 *  2. the full demo ledger exported as XLSX (all views) and CSV over HTTP
 *  3. the streaming XLSX/CSV writers on a long synthetic table (memory stays flat)
 */
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { readPlan } from '../src/import/readPlan';
import { planWorkbook } from '../src/template/buildPlanTemplate';
import { writeXlsx } from '../src/export/xlsx';
import { csvChunks } from '../src/export/csv';
import type { PlanRow } from '../src/plan/planRow';
import type { Table } from '../src/export/table';
import { download, importFile, startSheetGevinst } from '../test/api/gevinst';

const ROWS = Number(process.env.ROWS ?? 5000);
const fmt = (n: number) => Math.round(n).toLocaleString('nb-NO');
const line = (what: string, rows: number, ms: number, extra = '') =>
  console.log(`${what.padEnd(46)} ${fmt(rows).padStart(8)} rader  ${(ms / 1000).toFixed(2).padStart(7)} s  ${fmt((rows / ms) * 1000).padStart(9)} rader/s${extra}`);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

const g = await startSheetGevinst({ demo: true });
try {
  const units = g.api.readModels.units.list().filter((u) => u.active && u.depth >= 1);
  const kommune = g.api.readModels.units.list().find((u) => u.parentId === null)!;
  const periods = ['2026-T1', '2026-T2', '2026-T3', '2027-T1', '2027-T2', '2027-T3'];
  const rows: PlanRow[] = Array.from({ length: ROWS }, (_, i) => ({
    change: `Tiltak ${i % 50}`,
    title: `Gevinst ${i}`,
    category: (['budget', 'capacity', 'otherPublic', 'unpriced'] as const)[i % 4]!,
    recipient: units[i % units.length]!.name,
    owner: `eier${i % 40}@fjordvik.kommune.no`,
    indicator: 'Timer per sak',
    unitOfMeasure: 'timer',
    direction: 'decrease',
    disbenefit: i % 25 === 0,
    baseline: 10 + (i % 7),
    baselineDate: null,
    target: 5 + (i % 5) / 2,
    targetDate: '2027-12-31',
    valuationOrePerUnit: i % 4 === 3 ? null : 65000 + i,
    cashReleasing: i % 4 === 0,
    measurementSchedule: 'tertial',
    sharedWith: [],
    goals: [],
    plan: periods.map((period, k) => ({ period, quantity: ((i + k) % 20) * 1.5 })),
    comment: i % 10 === 0 ? 'Merknad' : null,
  }));
  const bytes = Buffer.from(await planWorkbook({ periods, rows }).xlsx.writeBuffer());
  console.log(`Plan: ${fmt(ROWS)} rader, ${(bytes.length / 1e6).toFixed(2)} MB xlsx, ${units.length} enheter\n`);

  const [read, readMs] = await time(() => readPlan(bytes, g.api.readModels.units.list()));
  if (read.problems.length || read.questions.length) throw new Error(`unexpected problems: ${JSON.stringify(read.problems.slice(0, 3))}`);
  line('import: les arket (parse + enheter)', ROWS, readMs);

  const projectId = await g.send('registerProject', { name: 'Benchmark', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
  const [dry, dryMs] = await time(() => importFile(g, projectId, bytes, '?dryRun=1'));
  if (!dry.body.ok) throw new Error(`dry run refused: ${JSON.stringify(dry.body.problems.slice(0, 3))}`);
  line('import: prøvekjøring over HTTP (API-regler)', ROWS, dryMs);

  const [done, commitMs] = await time(() => importFile(g, projectId, bytes));
  if (done.status !== 201) throw new Error(`commit failed: ${done.status}`);
  line('import: lagring over HTTP (alle rader)', done.body.benefitIds.length, commitMs);
  const [again, againMs] = await time(() => importFile(g, projectId, bytes));
  line('import: samme fil igjen (ingenting endres)', again.body.unchanged, againMs);

  console.log('');
  const ledger = g.api.readModels.ledger.ledger({});
  const matrix = g.api.readModels.ledger.matrix({});
  const balances = g.api.readModels.ledger.balances({});
  const ledgerRows = ledger.flows.length + ledger.units.length + matrix.unitIds.length + balances.length;
  const [xlsx, xlsxMs] = await time(() => download(g, '/api/export/ledger.xlsx'));
  line('eksport: hele demo-hovedboken, XLSX (4 ark)', ledgerRows, xlsxMs, `  ${(xlsx.bytes.length / 1e3).toFixed(0)} kB`);
  let csvRows = 0;
  const [, csvMs] = await time(async () => {
    for (const view of ['flows', 'matrix', 'units', 'balances']) {
      const res = await download(g, `/api/export/ledger.csv?view=${view}`);
      csvRows += res.bytes.toString('utf8').split('\r\n').length - 2;
    }
  });
  line('eksport: hele demo-hovedboken, CSV (4 visninger)', csvRows, csvMs);
  const [, planMs] = await time(() => download(g, `/api/export/projects/${projectId}/plan.xlsx`));
  line('eksport: planen over (5 000 gevinster), XLSX', ROWS, planMs);

  console.log('');
  const LONG = Number(process.env.LONG ?? 200_000);
  const long = (): Table => ({
    name: 'Strømmer',
    columns: [
      { header: 'Betaler (enhet)', type: 'text' },
      { header: 'Mottaker (enhet)', type: 'text' },
      { header: 'Periode', type: 'period' },
      { header: 'Gevinst (kr)', type: 'kroner' },
    ],
    rows: (function* () {
      for (let i = 0; i < LONG; i++) yield [`Enhet ${i % 300}`, `Enhet ${(i * 7) % 300}`, `2026-T${(i % 3) + 1}`, i * 137];
    })(),
  });
  let sunk = 0;
  const sink = () => new Writable({ write(chunk, _enc, cb) { sunk += chunk.length; cb(); } });
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const [, longXlsxMs] = await time(() => writeXlsx([long()], sink()));
  clearInterval(sampler);
  line('strømmende XLSX-skriver (syntetisk tabell)', LONG, longXlsxMs, `  ${(sunk / 1e6).toFixed(1)} MB ut, RSS-topp +${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB`);
  sunk = 0;
  const [, longCsvMs] = await time(async () => {
    for await (const chunk of csvChunks(long())) sunk += chunk.length;
  });
  line('strømmende CSV-skriver (syntetisk tabell)', LONG, longCsvMs, `  ${(sunk / 1e6).toFixed(1)} MB`);
} finally {
  await g.close();
}
