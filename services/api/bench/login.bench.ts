/**
 * pnpm bench:login — prints (not a test):
 *  1. the login round trip over HTTP through the embedded provider (GET /auth/login → provider page →
 *     POST e-mail and password → callback → session cookie), p50/p95/mean over BENCH_LOGINS (default 50)
 *  2. GET /api/me latency with a session cookie, an access token (JWT) and GEVINST_ADMIN_TOKEN, sequential
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startGevinst } from '../src/server';
import { bearerFor, loginAs } from '../test/login';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123456789';
const dir = mkdtempSync(join(tmpdir(), 'gevinst-bench-login-'));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const line = (label: string, ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  console.log(`${label.padEnd(44)} ${pct(sorted, 50).toFixed(2).padStart(8)} ${pct(sorted, 95).toFixed(2).padStart(8)} ${mean.toFixed(2).padStart(8)}`);
};

const g = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'gevinst.sqlite'), demo: false, logger: pino({ level: 'silent' }), auth: { adminToken: ADMIN_TOKEN } });
try {
  await loginAs(g.url, 'admin@fjordvik.kommune.no'); // warm-up
  const logins: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    const started = performance.now();
    await loginAs(g.url, 'okonomisjef@fjordvik.kommune.no');
    logins.push(performance.now() - started);
  }
  const cookie = await loginAs(g.url, 'okonomisjef@fjordvik.kommune.no');
  const jwt = await bearerFor(g.url, 'okonomisjef@fjordvik.kommune.no');
  const timeMe = async (headers: Record<string, string>) => {
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const res = await fetch(`${g.url}/api/me`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /api/me answered ${res.status}`);
      ms.push(performance.now() - started);
    }
    return ms;
  };
  console.log(`${'ms'.padEnd(44)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'mean'.padStart(8)}`);
  line(`login round trip over HTTP (${LOGINS}×)`, logins);
  line(`GET /api/me, session cookie (${REQUESTS}×)`, await timeMe({ cookie }));
  line(`GET /api/me, bearer JWT (${REQUESTS}×)`, await timeMe({ authorization: `Bearer ${jwt}` }));
  line(`GET /api/me, GEVINST_ADMIN_TOKEN (${REQUESTS}×)`, await timeMe({ authorization: `Bearer ${ADMIN_TOKEN}` }));
} finally {
  await g.close();
  rmSync(dir, { recursive: true, force: true });
}
