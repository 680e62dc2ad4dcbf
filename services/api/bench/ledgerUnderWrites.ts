import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ADMIN_TOKEN, startServerProcess } from './serverProcess';

/** Which writes arrive while the ledger is read: measurements (no figure changes) or realisation corrections (a benefit's figures change). */
export type WriteKind = 'none' | 'measurements' | 'realisations';

export interface LedgerUnderWritesOptions {
  /** a closed SQLite store, copied for each tree so each server starts from the same events */
  dbPath: string;
  dir: string;
  trees: { label: string; root: string }[];
  benefitIds: string[];
  seconds: number;
  writesPerSecond: number;
  /** e.g. `/api/ledger?from=2024-T1&to=2026-T3&level=0` */
  path: string;
}

const headers = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'x-user-id': 'bench@gevinst.no' };
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * GET `path` on each tree's server (its own process) while a steady stream of writes arrives: one
 * reader asking every 20 ms, and `writesPerSecond` commands (measurements, or corrections of a
 * realisation) on benefits in turn; first with no writes, for reference. p50/p95/p99 of the reads,
 * per tree and kind of write.
 */
export async function ledgerUnderWrites(o: LedgerUnderWritesOptions): Promise<[string, string, string][]> {
  const rows: [string, string, string][] = [];
  for (const tree of o.trees) {
    const db = join(o.dir, `writes-${tree.label ? 'baseline' : 'this'}.sqlite`);
    copyFileSync(o.dbPath, db);
    for (const suffix of ['-wal', '-shm']) if (existsSync(o.dbPath + suffix)) copyFileSync(o.dbPath + suffix, db + suffix);
    // no demo load and no reminder scheduler: the start then takes seconds on a busy machine, and neither is on the measured path
    const { base, stop } = await startServerProcess(tree.root, { GEVINST_DB: db, GEVINST_OUTBOX: join(o.dir, 'outbox-writes'), GEVINST_DEMO: '0', GEVINST_REMINDERS: '0' });
    try {
      // a server may listen before its read models are current: wait for a ledger answer
      for (let i = 0; i < 600 && !(await fetch(base + o.path, { headers })).ok; i++) await sleep(200);
      for (let i = 0; i < 10; i++) await (await fetch(base + o.path, { headers })).json();
      let n = 0;
      for (const kind of ['none', 'measurements', 'realisations'] as const) {
        const write = async (): Promise<boolean> => {
          const i = n++;
          const id = o.benefitIds[(i * 7919) % o.benefitIds.length] ?? '';
          const [route, body] =
            kind === 'measurements'
              ? ['measurements', { value: 40 + (i % 50), measuredOn: '2026-10-01', period: '2026-T3' }]
              : ['corrections', { period: '2025-T2', quantity: 40 + (i % 200), reason: 'Korrigert i benk' }];
          const res = await fetch(`${base}/api/benefits/${id}/${route}`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          await res.arrayBuffer();
          return res.ok;
        };
        const latencies: number[] = [];
        const writes: Promise<boolean>[] = [];
        const timer = kind === 'none' ? undefined : setInterval(() => writes.push(write()), 1000 / o.writesPerSecond);
        const end = performance.now() + o.seconds * 1000;
        while (performance.now() < end) {
          const s = performance.now();
          const res = await fetch(base + o.path, { headers });
          await res.json();
          latencies.push(performance.now() - s);
          await sleep(20);
        }
        clearInterval(timer);
        const done = await Promise.all(writes);
        const ok = done.filter(Boolean).length;
        latencies.sort((a, b) => a - b);
        rows.push([
          `GET ${o.path} ${kind === 'none' ? 'with no writes' : `under ${o.writesPerSecond} writes/s of ${kind}`} (${o.seconds} s, one reader every 20 ms)${tree.label}`,
          `p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms (${latencies.length} reads; writes ${ok} ok, ${done.length - ok} refused)`,
          kind === 'none' ? '' : 'p95 < 20 ms',
        ]);
      }
    } finally {
      await stop();
    }
  }
  return rows;
}
