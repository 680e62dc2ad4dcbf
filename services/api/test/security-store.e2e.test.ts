import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, UnitSummary } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';

describe('a store another process holds the write lock on', () => {
  let g: TestGevinst;
  let other: Database.Database;
  beforeAll(async () => {
    g = await startTestGevinst({ storeBusyTimeoutMs: 1_500 });
    await g.created('/api/units', { name: 'Før låsen' });
    other = new Database(g.dbPath, { timeout: 0 });
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await g.destroy();
  });

  it('reads answer while a write waits for the lock; the write answers 503 with Retry-After, then succeeds once the lock is free', async () => {
    const before = await countEvents(g);
    other.exec('BEGIN IMMEDIATE');
    let writeAnswered = false;
    const write = g.post<ErrorResponse>('/api/units', { name: 'Under låsen' }).finally(() => (writeAnswered = true));
    // the GET is sent after the write, while the write is waiting for the lock
    await new Promise((resolve) => setTimeout(resolve, 100));
    const read = await g.get<UnitSummary[]>('/api/units');
    expect(read.status).toBe(200);
    expect(read.body.map((u: { name: string }) => u.name)).toEqual(['Før låsen']);
    expect((await fetch(g.url + '/healthz')).status).toBe(200);
    expect(writeAnswered, 'the read had to wait for the write').toBe(false);

    const refused = await write;
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error).toMatchObject({ code: 'store_busy', message: 'Databasen er opptatt. Prøv igjen om litt.' });
    other.exec('ROLLBACK');
    expect(await countEvents(g)).toBe(before);

    const again = await g.post('/api/units', { name: 'Under låsen' });
    expect(again.status).toBe(201);
    expect((await g.get<UnitSummary[]>('/api/units')).body.map((u: { name: string }) => u.name)).toContain('Under låsen');
  });

  it('a write that gets the lock within the bound waits for it and succeeds', async () => {
    other.exec('BEGIN IMMEDIATE');
    const write = g.post('/api/units', { name: 'Ventet litt' });
    setTimeout(() => other.exec('ROLLBACK'), 300);
    const res = await write;
    expect(res.status).toBe(201);
  });
});

describe('an unwritable store stops start-up with one line', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const main = join(root, 'services', 'api', 'src', 'main.ts');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gevinst-unwritable-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (dbPath: string) =>
    new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', main], {
        cwd: root,
        env: { ...process.env, GEVINST_DB: dbPath, GEVINST_DEMO: '0', GEVINST_REMINDERS: '0', PORT: '0', HOST: '127.0.0.1' },
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, stdout });
      });
    });

  // tests run as root, for whom file modes do not stop writes: a path below a regular file and a folder fail for anyone
  it.each([
    ['a path below a regular file', () => '/etc/hostname/gevinst.sqlite'],
    ['a folder where the file should be', () => dir],
  ])('%s', async (_what, path) => {
    const dbPath = path();
    const { code, stderr } = await start(dbPath);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    const lines = stderr.trim().split('\n');
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(dbPath);
    expect(lines[0]).toContain('GEVINST_DB');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 90_000);
});
