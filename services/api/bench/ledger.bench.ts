/**
 * pnpm bench:ledger — one run prints:
 *  1. ledger rebuild from 1,000,000 generated events (events/s; goal ≥ 200,000/s)
 *  2. GET /api/ledger over 3 years at kommune level, 500 units × 5,000 projects (p50/p95; goal p95 < 50 ms)
 *  2b. the same GET under 10 writes/s of measurements and of realisation corrections, each tree's server
 *     its own process (p50/p95; goal p95 < 20 ms)
 *  3. the generated store served by its own process: cold start (to listening, to current) and RSS,
 *     first start and restart; commands over HTTP (a measurement on existing benefits, 32 connections,
 *     autocannon) and RSS after them
 *  4. command throughput on a small store (a new unit under the demo's kommune; goal ≥ 3,000 commands/s)
 * Env: BENCH_EVENTS (default 100000, ~2 minutes on an idle machine; 1000000 is the large kommune of the goals),
 * BENCH_SECONDS (autocannon duration, default 10), BENCH_DISTINCT_METADATA=0 (all generated events
 * one shared metadata; by default each its own, as real commands write), BENCH_VARIANTS=1 (part 4 also
 * with an Idempotency-Key and at synchronous=NORMAL), BENCH_BASELINE (a checkout of another commit
 * with its node_modules, e.g. `git worktree add --detach ../base main && pnpm install --offline`: its
 * server is measured with the same load right after this one, for a side-by-side comparison).
 * The servers run with the shipped log settings (their standard output dropped); BENCH_REMINDERS=0
 * serves without the in-process reminder service, to see the command path alone.
 */
import autocannon from 'autocannon';
import { BENCH_ADMIN_TOKEN, recordMeasurementsLoad, registerUnitsLoad, rssMiB, startServerProcess } from './serverProcess';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { ReadModels, LedgerProjection, PortfolioModel, UnitsRegistry } from '@gevinst/projections';
import { upcastRecorded } from '@gevinst/projections';
import { startGevinst } from '../src/server';
import { generateMunicipality } from './generate';
import { ledgerUnderWrites } from './ledgerUnderWrites';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-'));
const rows: [string, string, string][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

try {
  // 1. generate and store
  let t = performance.now();
  // 5,000 projects (15,000 benefits) at 1M events; fewer on a smaller store, so measurements still fill most of it
  const projects = Math.max(50, Math.min(5_000, Math.round(TOTAL / 200)));
  let streams: ReturnType<typeof generateMunicipality> | null = generateMunicipality({ units: 500, projects, totalEvents: TOTAL });
  const total = streams!.reduce((n, s) => n + s.events.length, 0);
  const generatedBenefits = streams!.flatMap((s) => (s.streamName.startsWith('benefit-') ? [s.streamName.slice('benefit-'.length)] : []));
  console.log(`generated ${fmt(total)} events in ${fmt(performance.now() - t)} ms`);
  const dbPath = join(dir, 'big.sqlite');
  const store = openSqliteEventStore({ path: dbPath, synchronous: 'NORMAL' } as never);
  t = performance.now();
  // in chunks sent together (not one await per stream), so the store commits them in groups
  for (let i = 0; i < streams.length; i += 256)
    await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
  streams = null;
  const writeMs = performance.now() - t;
  console.log(`stored them in SQLite in ${fmt(writeMs)} ms (${fmt(total / (writeMs / 1000))} events/s)`);
  // the store as generated, before anything here adds read models or checkpoints to it: each served tree gets a copy
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const pristine = join(dir, 'pristine.sqlite');
  copyFileSync(dbPath, pristine);

  // 1a. the projections alone, over events already in memory
  // typed once at the edge, as the runner does (current-version events pass as they are)
  const recorded = (await store.readAll()).flatMap((e) => upcastRecorded(e) ?? []);
  const applyMs = (() => {
    const units = new UnitsRegistry();
    const portfolio = new PortfolioModel();
    const ledger = new LedgerProjection();
    const started = performance.now();
    for (const e of recorded) {
      units.apply(e);
      portfolio.apply(e);
      ledger.apply(e);
    }
    return performance.now() - started;
  })();
  rows.push(['rebuild: fold 1M events into units + portfolio + ledger (in memory)', `${fmt(recorded.length / (applyMs / 1000))} events/s`, '≥ 200,000/s']);
  recorded.length = 0;

  // 1b. reading alone (the event store's share of a rebuild)
  t = performance.now();
  let read = 0;
  for (let after: bigint | undefined; ; ) {
    const batch = await store.readAll({ after, maxCount: 1_000 });
    if (batch.length === 0) break;
    read += batch.length;
    after = batch.at(-1)?.globalPosition;
  }
  const readMs = performance.now() - t;
  rows.push(['rebuild: of which reading $all from SQLite (store.readAll, pages of 1,000 as the runner reads)', `${fmt(read / (readMs / 1000))} events/s`, '']);

  // 1c. the whole rebuild as at start: read from SQLite, parse, fold, store checkpoints
  // the runner's own page size (1,000), as the server rebuilds at start
  let rm: ReadModels | null = new ReadModels({ store, db: store.db });
  t = performance.now();
  await rm.start();
  const rebuildMs = performance.now() - t;
  await rm.stop();
  rm = null;
  rows.push(['rebuild: read from SQLite + fold + checkpoints (ReadModels.start)', `${fmt(total / (rebuildMs / 1000))} events/s (${fmt(rebuildMs)} ms)`, '≥ 200,000/s']);
  await store.close();

  // 2. GET /api/ledger over 3 years at kommune level
  const g = await startGevinst({ port: 0, host: '127.0.0.1', dbPath, demo: false, logLevel: 'warn' });
  const url = `${g.url}/api/ledger?from=2024-T1&to=2026-T3&level=0`;
  const benefitIds = [...g.readModels.portfolio.benefits.keys()];
  const get = async () => {
    const s = performance.now();
    const res = await fetch(url);
    await res.json();
    return performance.now() - s;
  };
  const first = await get();
  // after a write: a real command (a measurement on some benefit) between reads, so the report is computed again
  const afterWrite: number[] = [];
  for (let i = 0; i < 60; i++) {
    await g.handle({
      command: 'recordMeasurement',
      targetId: benefitIds[(i * 7919) % benefitIds.length],
      input: { value: 50 + i, measuredOn: '2026-10-01' },
      userId: 'bench@gevinst.no',
    });
    afterWrite.push(await get());
  }
  const warm: number[] = [];
  for (let i = 0; i < 200; i++) warm.push(await get());
  afterWrite.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  rows.push(['GET /api/ledger 2024-T1..2026-T3 level=0, first after start (all aggregates built)', `${first.toFixed(1)} ms`, '']);
  rows.push(['GET /api/ledger same, right after a command (report computed again)', `p50 ${pct(afterWrite, 50).toFixed(1)} ms, p95 ${pct(afterWrite, 95).toFixed(1)} ms`, 'p95 < 50 ms']);
  rows.push(['GET /api/ledger same, between writes (cached report)', `p50 ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms`, 'p95 < 50 ms']);
  await g.close();

  // 2b. the same GET while writes arrive (measurements, realisation corrections), each tree's server its own process
  const writeTrees = [{ label: '', root: join(here, '..', '..', '..') }];
  if (process.env.BENCH_BASELINE) writeTrees.push({ label: ` [baseline ${process.env.BENCH_BASELINE}]`, root: process.env.BENCH_BASELINE });
  const seconds = Number(process.env.BENCH_WRITES_SECONDS ?? 10);
  rows.push(...(await ledgerUnderWrites({ dbPath, dir, trees: writeTrees, benefitIds, seconds, writesPerSecond: 10, path: '/api/ledger?from=2024-T1&to=2026-T3&level=0' })));

  // 3. the generated store served by its own process, per tree: start, restart, commands on existing benefits
  const trees = [{ label: '', root: join(here, '..', '..', '..') }];
  if (process.env.BENCH_BASELINE) trees.push({ label: ` [baseline ${process.env.BENCH_BASELINE}]`, root: process.env.BENCH_BASELINE });
  // BENCH_REMINDERS=0: the served processes without the in-process reminder service (the command path alone)
  const shipped = { LOG_LEVEL: 'info', ...(process.env.BENCH_REMINDERS === '0' ? { GEVINST_REMINDERS: '0' } : {}) };
  const mib = (n: number) => `${fmt(n)} MiB`;
  for (const tree of trees) {
    const served = join(dir, `served-${tree.label ? 'baseline' : 'this'}.sqlite`);
    copyFileSync(pristine, served);
    const env = { ...shipped, GEVINST_DB: served, GEVINST_OUTBOX: join(dir, 'outbox'), GEVINST_DEMO: '0' };
    for (const start of ['first start', 'restart'] as const) {
      const server = await startServerProcess(tree.root, env, { quiet: true });
      rows.push([
        `cold start on the ${fmt(total)}-event store, ${start} (to listening / to current; RSS when current)${tree.label}`,
        `${fmt(server.listeningMs)} ms / ${fmt(server.currentMs)} ms; RSS ${mib(rssMiB(server.pid))}`,
        '< 1 s / < 3 s; < 400 MiB',
      ]);
      if (start === 'first start') {
        await server.stop();
        continue;
      }
      const result = await recordMeasurementsLoad({
        base: server.base,
        benefitIds: generatedBenefits,
        seconds: SECONDS,
        connections: 32,
        headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'x-user-id': 'load@gevinst.no' },
      });
      const rssAfter = rssMiB(server.pid);
      await server.stop();
      const conflicts = result.statusCodeStats?.['409']?.count ?? 0;
      rows.push([
        `commands on the ${fmt(total)}-event store: record a measurement on existing benefits (${fmt(generatedBenefits.length)}), 32 connections, ${SECONDS} s, synchronous=FULL${tree.label}`,
        `${fmt(result['2xx'] / SECONDS)} commands/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, 409 ${conflicts}, other non-2xx ${result.non2xx - conflicts}, errors ${result.errors}); RSS after ${mib(rssAfter)}`,
        '≥ 5,000/s; RSS < 500 MiB',
      ]);
    }
  }

  // 4. command throughput on a small store: a separate server process (demo loaded), autocannon from this one
  const variants = [
    { sync: 'FULL', key: false },
    ...(process.env.BENCH_VARIANTS === '1'
      ? ([
          { sync: 'FULL', key: true },
          { sync: 'NORMAL', key: false },
        ] as const)
      : []),
  ] as const;
  for (const { sync, key } of variants)
    for (const tree of trees) {
      const server = await startServerProcess(
        tree.root,
        {
          ...shipped,
          GEVINST_DB: join(dir, `load-${sync}-${key}-${tree.label ? 'baseline' : 'this'}.sqlite`),
          GEVINST_OUTBOX: join(dir, 'outbox'),
          GEVINST_SQLITE_SYNCHRONOUS: sync,
        },
        { quiet: true },
      );
      const { base, stop } = server;
      const unitsList = (await (await fetch(`${base}/api/units`, { headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } })).json()) as { id: string; name: string }[];
      const parentId = unitsList.find((u) => u.name === 'Fjordvik kommune')!.id;
      // the baseline tree (before login) ignores the token and reads X-User-Id
      const result = await registerUnitsLoad({
        base,
        parentId,
        seconds: SECONDS,
        connections: 32,
        headers: (i) => ({
          authorization: `Bearer ${BENCH_ADMIN_TOKEN}`,
          'x-user-id': 'load@gevinst.no',
          ...(key ? { 'idempotency-key': `load-${i}` } : {}),
        }),
      });
      const health = await autocannon({ url: `${base}/healthz`, connections: 32, duration: 3 });
      const rssAfter = rssMiB(server.pid);
      await stop();
      const ok = result['2xx'];
      rows.push([
        `commands over HTTP on the demo store, SQLite synchronous=${sync}${key ? ', with Idempotency-Key' : ''} (POST /api/units, 32 connections, ${SECONDS} s, autocannon)${tree.label}`,
        `${fmt(ok / SECONDS)} commands/s (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}); GET /healthz on the same server: ${fmt(health.requests.average)} req/s; RSS after ${mib(rssAfter)}`,
        '≥ 3,000/s',
      ]);
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n| measure | result | goal |\n|---|---|---|');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
