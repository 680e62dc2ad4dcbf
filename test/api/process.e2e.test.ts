import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startGevinst } from '@gevinst/api/server';
import type { DueItem, LedgerAnswer, UnitSummary } from '@gevinst/domain/answers';
import { answerOf, AS_ADMIN, TEST_ADMIN_TOKEN } from '../../services/api/test/helpers';

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', '..', 'services', 'api', 'src', 'main.ts');
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gevinst-proc-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const waitForHealth = async (url: string, child: ChildProcess) => {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
};

describe('services/api/src/main.ts as a process', () => {
  it('starts from env with the demo, serves the ledger, and on SIGTERM finishes in-flight requests, stores checkpoints and exits 0', async () => {
    const dir = tempDir();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const dbPath = join(dir, 'data', 'gevinst.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', GEVINST_DB: dbPath, GEVINST_OUTBOX: join(dir, 'outbox'), LOG_LEVEL: 'info', GEVINST_ADMIN_TOKEN: TEST_ADMIN_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout!.on('data', (d) => (logs += d));
    child.stderr!.on('data', (d) => (logs += d));
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, child);

    // nobody logged in: nothing to read, nothing to write
    expect((await fetch(`${url}/api/ledger`)).status).toBe(401);
    const anonymous = await fetch(`${url}/api/units`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Anonym"}' });
    expect(anonymous.status).toBe(401);

    const { body: ledger } = await answerOf<LedgerAnswer>(await fetch(`${url}/api/ledger?from=2025-T1&to=2026-T3&level=1`, { headers: AS_ADMIN }));
    expect(ledger.flows.filter((f) => f.fromUnitId !== f.toUnitId).length).toBeGreaterThan(0);

    // the reminder service runs in the API process and answers the benefit owner's due list
    const { body: due } = await answerOf<DueItem[]>(await fetch(`${url}/api/due?owner=byggesak@fjordvik.kommune.no`, { headers: AS_ADMIN }));
    expect(due.some((d) => d.state === 'overdue')).toBe(true);

    // a request in flight when SIGTERM arrives still gets its answer
    const { body: units } = await answerOf<UnitSummary[]>(await fetch(`${url}/api/units`, { headers: AS_ADMIN }));
    const inFlight = fetch(`${url}/api/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS_ADMIN },
      body: JSON.stringify({ name: 'Siste enhet', parentId: units[0]?.id }),
    });
    await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(201);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(logs).toContain('gevinst api stopped');
    // structured logs: one JSON object per line, with the request id
    const line = logs.split('\n').find((l) => l.includes('"url":"/api/ledger'));
    expect(JSON.parse(line!)).toMatchObject({ level: 30, req: expect.objectContaining({ id: expect.any(String) }) });

    const db = new Database(dbPath, { readonly: true });
    const last = db.prepare('SELECT max(global_position) AS p FROM events').get() as { p: number };
    const checkpoint = db.prepare("SELECT position FROM projection_checkpoints WHERE name = 'ledger'").get() as { position: string };
    db.close();
    expect(BigInt(checkpoint.position)).toBe(BigInt(last.p));
  });
});

describe('the web UI', () => {
  it('is served from its built files at /, with the SPA fallback for non-API paths', async () => {
    const web = tempDir();
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Gevinst</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const g = await startGevinst({ port: 0, host: '127.0.0.1', dbPath: join(tempDir(), 'g.sqlite'), demo: false, logLevel: 'silent', webDist: web, auth: { adminToken: TEST_ADMIN_TOKEN } });
    try {
      const root = await fetch(`${g.url}/`);
      expect(root.status).toBe(200);
      expect(await root.text()).toContain('<title>Gevinst</title>');
      expect(await (await fetch(`${g.url}/assets/app.js`)).text()).toBe('console.log(1)');
      const deep = await fetch(`${g.url}/prosjekter/123`);
      expect(deep.status).toBe(200);
      expect(deep.headers.get('content-type')).toContain('text/html');
      expect((await fetch(`${g.url}/api/finnes-ikke`)).status).toBe(401);
      const api = await fetch(`${g.url}/api/finnes-ikke`, { headers: AS_ADMIN });
      expect(api.status).toBe(404);
      expect((await api.json()).error.code).toBe('not_found');
    } finally {
      await g.close();
    }
  });
});
