/**
 * pnpm bench:instances — commands/s of one API instance against two on the same PostgreSQL database
 * (prints a table; not a test). Each row starts fresh instances of this tree as processes on a new
 * schema of a throw-away database (the test helper's: 127.0.0.1:5432, else its own cluster), the first
 * with the demo, and loads them with autocannon on loopback for BENCH_SECONDS: new units registered under
 * one parent (each its own stream, so the instances never conflict), BENCH_CONNECTIONS in all, split
 * evenly over the instances. The embedded SQLite store is measured the same way beside them.
 * Env: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32), BENCH_BASELINE (a checkout of another
 * commit with its node_modules: its rows are measured right after this tree's, in the same run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestPostgres } from '../../../packages/eventstore/test/fixtures/postgres';
import { BENCH_ADMIN_TOKEN, registerUnitsLoad, rssMiB, startServerProcess, type ServerProcess } from './serverProcess';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-instances-'));
const admin = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
const trees = [{ label: '', root }];
if (process.env.BENCH_BASELINE) trees.push({ label: ' [baseline]', root: process.env.BENCH_BASELINE });

interface Row {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  rss: string;
}

const run = async (name: string, tree: string, count: number, env: (i: number) => Record<string, string>): Promise<Row> => {
  const servers: ServerProcess[] = [];
  try {
    // one after the other: the first loads the demo into the empty store
    for (let i = 0; i < count; i++)
      servers.push(
        await startServerProcess(tree, { GEVINST_DEMO: i === 0 ? '1' : '0', GEVINST_REMINDERS: '0', GEVINST_OUTBOX: join(dir, `outbox-${name}-${i}`), ...env(i) }, { quiet: true }),
      );
    const units = (await (await fetch(`${servers[0]!.base}/api/units`, { headers: admin })).json()) as { id: string }[];
    const parentId = units[0]!.id;
    const results = await Promise.all(
      servers.map((s) =>
        registerUnitsLoad({ base: s.base, parentId, seconds: SECONDS, connections: Math.max(1, Math.round(CONNECTIONS / count)), headers: () => ({ origin: s.base, ...admin }) }),
      ),
    );
    const ok = results.reduce((n, r) => n + r['2xx'], 0);
    return {
      name,
      perSecond: ok / SECONDS,
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      errors: results.reduce((n, r) => n + r.errors, 0),
      rss: servers.map((s) => `${Math.round(rssMiB(s.pid))}`).join(' + '),
    };
  } finally {
    for (const s of servers) await s.stop();
  }
};

const rows: Row[] = [];
let source = '';
try {
  for (const tree of trees) {
    rows.push(await run(`SQLite, one instance (the embedded default)${tree.label}`, tree.root, 1, () => ({ GEVINST_DB: join(dir, `sqlite${tree.label ? '-baseline' : ''}.sqlite`) })));
    // a database of its own for each row: the server keeps its events in the schema \`public\`
    for (const count of [1, 2]) {
      const pg = await startTestPostgres();
      source = pg.source;
      try {
        const onPostgres = (i: number) => ({ DATABASE_URL: pg.url, GEVINST_DB: join(dir, `pg-${count}-${i}${tree.label ? '-baseline' : ''}.sqlite`) });
        rows.push(await run(`PostgreSQL, ${count === 1 ? 'one instance' : 'two instances'}${tree.label}`, tree.root, count, onPostgres));
      } finally {
        await pg.close();
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nregister a unit (POST /api/units), ${CONNECTIONS} connections in all, ${SECONDS} s, PostgreSQL from ${source}`);
console.log('| store and instances | commands/s | × one PostgreSQL instance | p50 ms | p99 ms | non-2xx | errors | RSS MiB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
// each tree's rows against its own PostgreSQL instance
rows.forEach((r, i) => {
  const one = rows[i - (i % 3) + 1]?.perSecond ?? Number.NaN;
  console.log(`| ${r.name} | ${Math.round(r.perSecond).toLocaleString('en')} | ${(r.perSecond / one).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.rss} |`);
});
