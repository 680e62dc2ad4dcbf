/**
 * Spreadsheet benchmark: `pnpm bench:spreadsheet`. Prints figures; asserts nothing.
 *  1. a 5,000-row gevinstrealiseringsplan: read (parse + units), commit over HTTP, the same file again
 *     (every row unchanged), and the project's plan exported as XLSX over HTTP
 *  2. the demo ledger exported as XLSX (all views) and CSV over HTTP
 *  3. the streaming XLSX/CSV writers on a long synthetic table: time and peak RSS growth (memory
 *     stays flat), each tree in a process of its own so one measurement does not colour the next
 * Env: ROWS (plan rows, default 5000), LONG (synthetic rows, default 200000), BENCH_DRY_RUN=1 (also
 * the import's dry run), BENCH_BASELINE (a checkout of another commit with its node_modules, e.g.
 * `git worktree add --detach ../base main && pnpm install --frozen-lockfile --offline` there): the same
 * measurements of that tree's code, printed beside this one's.
 *
 * This file imports only Node's own modules at run time (the rest for types): the code measured is
 * imported from the tree's root, so the baseline runs its own code with its own dependencies.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// types only (erased): what runs is imported from the tree measured
import type * as CsvModule from '../src/export/csv';
import type { Table } from '../src/export/table';
import type * as XlsxModule from '../src/export/xlsx';
import type * as ReadPlanModule from '../src/import/readPlan';
import type { PlanRow } from '../src/plan/planRow';
import type * as TemplateModule from '../src/template/buildPlanTemplate';
import type * as ApiModule from '../test/api/gevinst';

const here = fileURLToPath(import.meta.url);
const ROWS = Number(process.env.ROWS ?? 5000);
const LONG = Number(process.env.LONG ?? 200_000);

type Figures = Record<string, string>;

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}
const fmt = (n: number) => Math.round(n).toLocaleString('nb-NO');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${seconds(ms)} (${fmt((rows / ms) * 1000)} rader/s)`;

/** Imports a module of the tree at `root` (its own dependencies). */
const load = <T>(root: string, path: string): Promise<T> => import(pathToFileURL(join(root, path)).href) as Promise<T>;

/** 1 and 2: the plan through the running API, then the demo ledger's exports. */
async function planPart(root: string): Promise<Figures> {
  const { readPlan } = await load<typeof ReadPlanModule>(root, 'packages/spreadsheet/src/import/readPlan.ts');
  const { planWorkbook } = await load<typeof TemplateModule>(root, 'packages/spreadsheet/src/template/buildPlanTemplate.ts');
  const { download, importFile, startSheetGevinst } = await load<typeof ApiModule>(root, 'packages/spreadsheet/test/api/gevinst.ts');
  const out: Figures = {};
  const g = await startSheetGevinst({ demo: true });
  try {
    const all = g.api.readModels.units.list();
    const units = all.filter((u) => u.active && u.depth >= 1);
    const kommune = all.find((u) => u.parentId === null)!;
    const periods = ['2026-T1', '2026-T2', '2026-T3', '2027-T1', '2027-T2', '2027-T3'];
    const rows = Array.from({ length: ROWS }, (_, i): PlanRow => ({
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
    out['plan (xlsx)'] = `${fmt(ROWS)} rader, ${(bytes.length / 1e6).toFixed(2)} MB`;

    const [read, readMs] = await time(() => readPlan(bytes, all));
    if (read.problems.length || read.questions.length) throw new Error(`unexpected problems: ${JSON.stringify(read.problems.slice(0, 3))}`);
    out['import: les arket (parse + enheter)'] = rate(ROWS, readMs);

    const projectId = await g.send('registerProject', { name: 'Benchmark', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
    if (process.env.BENCH_DRY_RUN === '1') {
      const [dry, dryMs] = await time(() => importFile(g, projectId, bytes, '?dryRun=1'));
      if (!dry.body.ok) throw new Error(`dry run refused: ${JSON.stringify(dry.body.problems.slice(0, 3))}`);
      out['import: prøvekjøring over HTTP (API-regler)'] = rate(ROWS, dryMs);
    }
    const [done, commitMs] = await time(() => importFile(g, projectId, bytes));
    if (done.status !== 201) throw new Error(`commit failed: ${done.status}`);
    out['import: lagring over HTTP (alle rader)'] = rate(done.body.benefitIds.length, commitMs);
    const events = (await g.api.store.readAll()).length;
    const [again, againMs] = await time(() => importFile(g, projectId, bytes));
    const written = (await g.api.store.readAll()).length - events;
    out['import: samme fil igjen (ingenting endres)'] = `${seconds(againMs)}, ${fmt(again.body.unchanged)} uendret, ${written} hendelser`;

    const [plan, planMs] = await time(() => download(g, `/api/export/projects/${projectId}/plan.xlsx`));
    out[`eksport: planen (${fmt(ROWS)} gevinster), XLSX over HTTP`] = `${seconds(planMs)}, ${(plan.bytes.length / 1e6).toFixed(2)} MB`;

    const [xlsx, xlsxMs] = await time(() => download(g, '/api/export/ledger.xlsx'));
    out['eksport: demo-hovedboken, XLSX (4 ark)'] = `${seconds(xlsxMs)}, ${(xlsx.bytes.length / 1e3).toFixed(0)} kB`;
    const [, csvMs] = await time(async () => {
      for (const view of ['flows', 'matrix', 'units', 'balances']) await download(g, `/api/export/ledger.csv?view=${view}`);
    });
    out['eksport: demo-hovedboken, CSV (4 visninger)'] = seconds(csvMs);
  } finally {
    await g.close();
  }
  return out;
}

/** 3: the writers alone on a long table made row by row, into an output that takes bytes at once. */
async function longPart(root: string): Promise<Figures> {
  const { writeXlsx } = await load<typeof XlsxModule>(root, 'packages/spreadsheet/src/export/xlsx.ts');
  const { csvChunks } = await load<typeof CsvModule>(root, 'packages/spreadsheet/src/export/csv.ts');
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
  const out: Figures = {};
  let sunk = 0;
  const sink = () =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        sunk += chunk.length;
        done();
      },
    });
  // one row first, so the libraries a tree loads at its first use (exceljs) are loaded before the measurement in every tree
  await writeXlsx([{ ...long(), rows: [['Enhet 0', 'Enhet 1', '2026-T1', 0]] }], sink());
  sunk = 0;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const [, xlsxMs] = await time(() => writeXlsx([long()], sink()));
  clearInterval(sampler);
  out[`XLSX-skriver, ${fmt(LONG)} rader: tid`] = `${rate(LONG, xlsxMs)}, ${(sunk / 1e6).toFixed(1)} MB`;
  out[`XLSX-skriver, ${fmt(LONG)} rader: RSS-vekst (topp)`] = `+${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB`;
  sunk = 0;
  const [, csvMs] = await time(async () => {
    for await (const chunk of csvChunks(long())) sunk += chunk.length;
  });
  out[`CSV-skriver, ${fmt(LONG)} rader: tid`] = `${rate(LONG, csvMs)}, ${(sunk / 1e6).toFixed(1)} MB`;
  return out;
}

const RESULT = 'BENCH-RESULT ';

/** Runs one part for one tree in a fresh process (its memory untouched by the other parts). */
function runPart(root: string, part: 'plan' | 'long'): Figures {
  const child = spawnSync(process.execPath, ['--import', 'tsx', here], {
    cwd: root,
    env: { ...process.env, BENCH_PART: part, BENCH_ROOT: root },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT));
  if (child.status !== 0 || !line) throw new Error(`${part} in ${root} failed (exit ${child.status}):\n${child.stdout}`);
  return JSON.parse(line.slice(RESULT.length)) as Figures;
}

if (process.env.BENCH_PART) {
  const root = process.env.BENCH_ROOT!;
  const figures = process.env.BENCH_PART === 'plan' ? await planPart(root) : await longPart(root);
  console.log(RESULT + JSON.stringify(figures));
  process.exit(0);
} else {
  const trees = [{ label: 'denne', root: resolve(dirname(here), '..', '..', '..') }];
  if (process.env.BENCH_BASELINE) trees.push({ label: 'baseline', root: resolve(process.env.BENCH_BASELINE) });
  const results = trees.map(() => ({}) as Figures);
  for (const part of ['long', 'plan'] as const)
    trees.forEach((tree, i) => {
      const t = performance.now();
      Object.assign(results[i]!, runPart(tree.root, part));
      console.error(`  (${part}, ${tree.label}: ${seconds(performance.now() - t)})`);
    });
  const names = [...new Set(results.flatMap((r) => Object.keys(r)))];
  const width = Math.max(...names.map((n) => n.length));
  const columns = trees.map((t, i) => Math.max(t.label.length, ...names.map((n) => (results[i]![n] ?? '–').length)));
  console.log(`\n${''.padEnd(width)}  ${trees.map((t, i) => t.label.padEnd(columns[i]!)).join('  ')}`);
  for (const name of names) console.log(`${name.padEnd(width)}  ${results.map((r, i) => (r[name] ?? '–').padEnd(columns[i]!)).join('  ')}`);
  if (process.env.BENCH_BASELINE) console.log(`\nbaseline: ${process.env.BENCH_BASELINE}`);
}
