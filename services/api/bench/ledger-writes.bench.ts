/**
 * pnpm bench:ledger:writes — GET /api/ledger while writes arrive (the ledger-under-writes rows of
 * `pnpm bench:ledger`, alone, on a smaller store so that it runs in about a minute).
 * Env: BENCH_EVENTS (default 150000), BENCH_WRITES_SECONDS (per kind of write, default 10),
 * BENCH_WRITES_PER_SECOND (default 10), BENCH_BASELINE (a checkout of another commit with its
 * node_modules: its server is measured the same way right after this one, side by side).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { generateMunicipality } from './generate';
import { ledgerUnderWrites } from './ledgerUnderWrites';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 150_000);
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-writes-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

try {
  // about 36 events per project (3 benefits with a plan, a baseline and 9 realisations each), then measurements and corrections
  const projects = Math.min(5_000, Math.floor(TOTAL / 40));
  const streams = generateMunicipality({ units: 500, projects, totalEvents: TOTAL });
  const total = streams.reduce((n, s) => n + s.events.length, 0);
  const benefitIds = streams.filter((s) => s.streamName.startsWith('benefit-')).map((s) => s.streamName.slice('benefit-'.length));
  const dbPath = join(dir, 'store.sqlite');
  const store = openSqliteEventStore({ path: dbPath, synchronous: 'NORMAL' } as never);
  for (let i = 0; i < streams.length; i += 256)
    await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
  await store.close();
  console.log(`stored ${fmt(total)} events (${fmt(projects)} projects, ${fmt(benefitIds.length)} benefits)`);
  const trees = [{ label: '', root: join(here, '..', '..', '..') }];
  if (process.env.BENCH_BASELINE) trees.push({ label: ` [baseline ${process.env.BENCH_BASELINE}]`, root: process.env.BENCH_BASELINE });
  const rows = await ledgerUnderWrites({
    dbPath,
    dir,
    trees,
    benefitIds,
    seconds: Number(process.env.BENCH_WRITES_SECONDS ?? 10),
    writesPerSecond: Number(process.env.BENCH_WRITES_PER_SECOND ?? 10),
    path: '/api/ledger?from=2024-T1&to=2026-T3&level=0',
  });
  console.log(`\n| measure (${fmt(total)} events, ${fmt(benefitIds.length)} benefits) | result | goal |\n|---|---|---|`);
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
