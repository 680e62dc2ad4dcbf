/**
 * npx tsx services/api/bench/asof.bench.ts — what `asOf` costs: GET /api/ledger as it stood on a past
 * date reads the event log and folds the events recorded by then (packages/projections/src/asOf/pastReports.ts).
 * Prints: cold (read + upcast + fold + compute), warm (cached facts, compute only), for a cutoff in
 * the middle of the history and one after its end. Env: BENCH_EVENTS (default 300000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { parseAsOf } from '@gevinst/domain/ledger';
import { PastReports } from '@gevinst/projections';
import { generateMunicipality } from './generate';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'gevinst-asof-bench-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

try {
  const streams = generateMunicipality({ units: 500, projects: Math.max(50, Math.round(TOTAL / 200)), totalEvents: TOTAL });
  const total = streams.reduce((n, s) => n + s.events.length, 0);
  // spread the recording times over three years, in store order
  const start = Date.parse('2024-01-01T08:00:00Z');
  const step = (Date.parse('2026-11-01T08:00:00Z') - start) / total;
  let i = 0;
  for (const s of streams) for (const e of s.events) e.metadata = { ...e.metadata, recordedAt: new Date(start + step * i++).toISOString() };
  const store = openSqliteEventStore({ path: join(dir, 'asof.sqlite'), synchronous: 'NORMAL' } as never);
  for (let k = 0; k < streams.length; k += 256)
    await Promise.all(streams.slice(k, k + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
  console.log(`stored ${fmt(total)} events`);

  const q = { from: '2024-T1', to: '2026-T3', level: 1 };
  const rows: [string, string][] = [];
  for (const [label, cutoff] of [['mid-history (2025-06-01)', '2025-06-01'], ['after the end (2026-12-31)', '2026-12-31']] as const) {
    const reports = new PastReports(store, () => 'bench');
    const asOf = parseAsOf(cutoff);
    let t = performance.now();
    await reports.ledger(asOf, q);
    const cold = performance.now() - t;
    const warm: number[] = [];
    for (let r = 0; r < 5; r++) {
      t = performance.now();
      await reports.ledger(asOf, q);
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    rows.push([`asOf ${label}: cold (read ${fmt(total)} events + fold + compute)`, `${fmt(cold)} ms`]);
    rows.push([`asOf ${label}: warm (same cutoff, no new event; compute only), median of 5`, `${warm[2]!.toFixed(1)} ms`]);
  }
  await store.close();
  console.log('');
  for (const [what, figure] of rows) console.log(`${what.padEnd(90)} ${figure}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
