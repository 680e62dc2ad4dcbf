/**
 * pnpm bench:tertial — the tertial report for the demo kommune: time and memory to make its model (JSON),
 * HTML, PDF and DOCX over HTTP, each made twice (cold, then with the folded models cached), and the
 * files written to BENCH_OUT (default /work/notes/report-pages) for a look (`pdftoppm -png`).
 * Env: BENCH_TERTIAL (default 2026-T2), BENCH_UNIT (a unit's name; default the kommune), BENCH_EVENTS
 * (instead of the demo, a generated kommune of that many events — 1000000 for the largest — as bench:commands makes it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { openSqliteEventStore } from '@gevinst/eventstore';
import { startGevinst } from '../src/server';
import { generateMunicipality } from './generate';

const TERTIAL = process.env.BENCH_TERTIAL ?? '2026-T2';
const OUT = process.env.BENCH_OUT ?? '/work/notes/report-pages';
const TOKEN = 'bench-admin-token-0123456789abcdef0123456789';
const dir = mkdtempSync(join(tmpdir(), 'gevinst-tertial-'));
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const EVENTS = process.env.BENCH_EVENTS ? Number(process.env.BENCH_EVENTS) : undefined;
if (EVENTS) {
  const started = performance.now();
  const store = openSqliteEventStore({ path: join(dir, 'g.sqlite'), synchronous: 'NORMAL' });
  const streams = generateMunicipality({ units: 500, projects: Math.max(50, Math.min(5_000, Math.round(EVENTS / 200))), totalEvents: EVENTS });
  for (let i = 0; i < streams.length; i += 256)
    await Promise.all(streams.slice(i, i + 256).map((s) => store.appendToStream(s.streamName, s.events, { expectedRevision: 'no_stream' })));
  await store.close();
  console.log(`generated ${EVENTS.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const g = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'g.sqlite'), demo: !EVENTS, reminders: !EVENTS, logger: pino({ level: 'silent' }), auth: { adminToken: TOKEN } });
try {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const units = (await (await fetch(`${g.url}/api/units`, { headers })).json()) as { id: string; name: string; depth: number }[];
  const unit = units.find((u) => (process.env.BENCH_UNIT ? u.name === process.env.BENCH_UNIT : u.depth === 0));
  if (!unit) throw new Error('no such unit');
  const asOf = new Date().toISOString();
  mkdirSync(OUT, { recursive: true });
  console.log(`tertialrapport ${TERTIAL} for ${unit.name}, asOf ${asOf}; RSS before ${mb(process.memoryUsage().rss)}`);
  for (const ext of ['', '.html', '.pdf', '.docx']) {
    for (const round of ['cold', 'warm']) {
      const started = performance.now();
      const res = await fetch(`${g.url}/api/reports/tertial${ext}?tertial=${TERTIAL}&unit=${encodeURIComponent(unit.id)}&asOf=${asOf}`, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      const ms = performance.now() - started;
      if (res.status !== 200) {
        // a large kommune's PDF may not print within its limit: say so and go on to the DOCX
        console.log(`${(ext || '.json').padEnd(6)} ${round}: ${ms.toFixed(0).padStart(6)} ms, answered ${res.status} ${body.toString().slice(0, 200)}`);
        break;
      }
      console.log(`${(ext || '.json').padEnd(6)} ${round}: ${ms.toFixed(0).padStart(6)} ms, ${String(body.length).padStart(8)} bytes, RSS ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
      if (round === 'warm') writeFileSync(join(OUT, `tertialrapport-${TERTIAL}${ext || '.json'}`), body);
      if (ext === '.pdf' && round === 'cold') (globalThis as { gc?: () => void }).gc?.();
    }
  }
} finally {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
}
