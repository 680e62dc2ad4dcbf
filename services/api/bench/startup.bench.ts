/**
 * pnpm bench:startup — the API's start on a generated store, side by side with a baseline tree:
 * time from spawning `main.ts` to listening (the first answer of /healthz, whatever it says) and to
 * current (/healthz 200), and the RSS then; for a first start (no stored read models) and a restart
 * of the same file after a clean stop with `BENCH_NEW_EVENTS` events appended in between.
 * Env: BENCH_EVENTS (default 200000), BENCH_REMINDERS (default 1: the reminder service runs, as main.ts
 * ships; 0 leaves it out), BENCH_BASELINE (a checkout with its node_modules) or BENCH_BASELINE_REF
 * (a commit, e.g. `main`: its tree is unpacked with `git archive` next to the store and given this
 * tree's installed packages), BENCH_NEW_EVENTS (default 1000).
 *
 *   BENCH_BASELINE_REF=main pnpm bench:startup
 */
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { BENCH_ADMIN_TOKEN } from './serverProcess';
import { generateMunicipality } from './generate';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 200_000);
const NEW_EVENTS = Number(process.env.BENCH_NEW_EVENTS ?? 1_000);
const REMINDERS = process.env.BENCH_REMINDERS ?? '1';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'gevinst-startup-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** `ref`'s tree, unpacked, with this tree's node_modules (third-party packages linked, workspace links relative to the copy) */
const baselineTree = (ref: string): string => {
  const out = join(dir, `tree-${ref.replace(/[^\w.-]/g, '_')}`);
  mkdirSync(out);
  execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" | tar -x -C "${out}"`]);
  const rootModules = join(root, 'node_modules');
  mkdirSync(join(out, 'node_modules'));
  for (const entry of readdirSync(rootModules)) {
    if (entry === '.pnpm') symlinkSync(join(rootModules, '.pnpm'), join(out, 'node_modules', '.pnpm'));
    else if (entry !== '.vite') cpSync(join(rootModules, entry), join(out, 'node_modules', entry), { recursive: true, verbatimSymlinks: true });
  }
  for (const group of ['packages', 'services', 'test'])
    for (const pkg of existsSync(join(root, group)) ? readdirSync(join(root, group)) : ['']) {
      const modules = join(root, group, pkg, 'node_modules');
      if (existsSync(modules) && existsSync(join(out, group, pkg))) cpSync(modules, join(out, group, pkg, 'node_modules'), { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes('.vite') });
    }
  return out;
};

const rssMiB = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
};

interface Start {
  listeningMs: number;
  currentMs: number;
  rss: number;
}

/** spawns main.ts of `tree` on `dbPath`, polls /healthz every 25 ms, and stops it cleanly once current */
const measureStart = async (tree: string, dbPath: string): Promise<Start> => {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(tree, 'services', 'api', 'src', 'main.ts')], {
    cwd: tree,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      GEVINST_DB: dbPath,
      GEVINST_DEMO: '0',
      GEVINST_REMINDERS: REMINDERS,
      GEVINST_OUTBOX: join(dir, 'outbox'),
      GEVINST_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let listeningMs = NaN;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${tree}: the server exited with ${child.exitCode}`);
      if (performance.now() - started > 300_000) throw new Error(`${tree}: not current after 5 minutes`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        await res.arrayBuffer();
        if (Number.isNaN(listeningMs)) listeningMs = performance.now() - started;
        if (res.ok) return { listeningMs, currentMs: performance.now() - started, rss: rssMiB(child.pid!) };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
};

try {
  let t = performance.now();
  const projects = Math.max(50, Math.round(TOTAL / 200));
  const streams = generateMunicipality({ units: Math.max(50, Math.round(projects / 10)), projects, totalEvents: TOTAL });
  const source = join(dir, 'source.sqlite');
  const store = openSqliteEventStore({ path: source, synchronous: 'NORMAL' });
  for (let i = 0; i < streams.length; i += 256)
    await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
  const total = streams.reduce((n, s) => n + s.events.length, 0);
  await store.close();
  console.log(`generated and stored ${fmt(total)} events in ${fmt(performance.now() - t)} ms; reminders ${REMINDERS === '0' ? 'off' : 'on'}`);

  const trees = [{ label: 'this tree', root }];
  const baseline = process.env.BENCH_BASELINE ?? (process.env.BENCH_BASELINE_REF ? baselineTree(process.env.BENCH_BASELINE_REF) : undefined);
  if (baseline) trees.unshift({ label: `baseline ${process.env.BENCH_BASELINE_REF ?? baseline}`, root: baseline });

  const results: { label: string; first: Start; restart: Start }[] = [];
  for (const tree of trees) {
    const dbPath = join(dir, `${results.length}.sqlite`);
    copyFileSync(source, dbPath);
    t = performance.now();
    const first = await measureStart(tree.root, dbPath);
    // activity between the two starts: new units, as commands would append them
    const more = openSqliteEventStore({ path: dbPath, synchronous: 'NORMAL' });
    for (let i = 0; i < NEW_EVENTS; i++) {
      const unitId = `bench-new-${i}`;
      await more.appendToStream(`unit-${unitId}`, [{ type: 'UnitRegistered', data: { unitId, name: `Ny ${i}`, parentId: null, orgNumber: null, leader: null }, metadata: { userId: 'bench@gevinst.no', recordedAt: new Date().toISOString(), schemaVersion: 1 } }]);
    }
    await more.close();
    const restart = await measureStart(tree.root, dbPath);
    results.push({ label: tree.label, first, restart });
    console.log(`${tree.label}: measured in ${fmt(performance.now() - t)} ms`);
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rows: [string, (r: (typeof results)[number]) => string][] = [
    ['first start (no stored models): to listening', (r) => s(r.first.listeningMs)],
    ['first start: to current (/healthz 200)', (r) => s(r.first.currentMs)],
    ['first start: RSS when current', (r) => `${fmt(r.first.rss)} MiB`],
    [`restart (+${fmt(NEW_EVENTS)} events): to listening`, (r) => s(r.restart.listeningMs)],
    ['restart: to current (/healthz 200)', (r) => s(r.restart.currentMs)],
    ['restart: RSS when current', (r) => `${fmt(r.restart.rss)} MiB`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nstart-up on ${fmt(total)} events (${process.execPath.includes('node') ? `node ${process.version}` : ''})`);
  console.log(`${''.padEnd(width)}  ${results.map((r) => r.label.padStart(24)).join('  ')}`);
  for (const [name, cell] of rows) console.log(`${name.padEnd(width)}  ${results.map((r) => cell(r).padStart(24)).join('  ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
