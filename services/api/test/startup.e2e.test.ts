import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectionRunner } from '@gevinst/projections';
import type { ErrorResponse, Health } from '@gevinst/domain/answers';
import { AS_ADMIN, startTestGevinst, type TestGevinst } from './helpers';

const dirs: string[] = [];
const running: TestGevinst[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const g of running.splice(0)) await g.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gevinst-startup-'));
  dirs.push(dir);
  return dir;
};
const start = async (...args: Parameters<typeof startTestGevinst>) => {
  const g = await startTestGevinst(...args);
  running.push(g);
  return g;
};

/** what people read: the tree, the ledger, the portfolio, the projects, who holds which role */
const answers = async (g: TestGevinst) => {
  const paths = ['/api/units', '/api/ledger?from=2025-T1&to=2026-T3&level=0', '/api/ledger?from=2026-T1&to=2026-T3', '/api/portfolio?from=2026-T1&to=2026-T3', '/api/projects', '/api/access/grants'];
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const res = await g.get(path);
    expect(res.status, path).toBe(200);
    out[path] = res.body;
  }
  return out;
};

describe('start-up from stored read models', () => {
  it('a restart takes the read models up from their snapshots (no event read again) and answers as a full rebuild does', async () => {
    const dir = folder();
    const first = await start({ demo: true }, dir);
    const before = await answers(first);
    const events = first.readModels.runner.position;
    expect(Object.keys((before['/api/units'] as unknown[]) ?? []).length).toBeGreaterThan(3);
    await first.close();

    const resumed = await start({ demo: true }, dir);
    expect(resumed.readModels.runner.position).toBe(events);
    expect(resumed.readModels.runner.applied).toBe(0);
    const afterResume = await answers(resumed);
    await resumed.close();

    const rebuilt = await start({ demo: true, snapshots: false }, dir);
    expect(rebuilt.readModels.runner.applied).toBe(Number(events));
    expect(afterResume).toEqual(before);
    expect(await answers(rebuilt)).toEqual(afterResume);
  });

  it('listens at once: /healthz says catching up (503, with progress) and /api waits briefly then answers 503 with Retry-After, changing nothing, until the models are current', async () => {
    const dir = folder();
    const seeded = await start({}, dir);
    await seeded.created('/api/units', { name: 'Starvik kommune' });
    await seeded.close();

    // the catch-up is held until the test lets it go
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = ProjectionRunner.prototype.start;
    vi.spyOn(ProjectionRunner.prototype, 'start').mockImplementation(async function (this: ProjectionRunner) {
      await held;
      return original.call(this);
    });

    const g = await start({ returnWhenListening: true, catchUpWaitMs: 50 }, dir);
    const health = await g.get<Health>('/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'catching up', position: null });

    const read = await g.get<ErrorResponse & { percent: number | null }>('/api/units');
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('5');
    expect(read.body.error.code).toBe('catching_up');

    const write = await g.post<ErrorResponse>('/api/units', { name: 'Ikke nå' });
    expect(write.status).toBe(503);
    expect((await g.store.readAll()).map((e) => e.data)).not.toContainEqual(expect.objectContaining({ name: 'Ikke nå' }));

    release();
    await g.ready;
    const ok = await g.get<Health>('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'ok', position: g.readModels.runner.position?.toString(), percent: 100 });
    const units = await g.get<{ name: string }[]>('/api/units');
    expect(units.status).toBe(200);
    expect(units.body.map((u) => u.name)).toEqual(['Starvik kommune']);
  });

  it('a request that arrives while the models catch up waits for them (within its wait) and is answered from current models', async () => {
    const dir = folder();
    const seeded = await start({}, dir);
    await seeded.created('/api/units', { name: 'Ventevik kommune' });
    await seeded.close();

    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const original = ProjectionRunner.prototype.start;
    vi.spyOn(ProjectionRunner.prototype, 'start').mockImplementation(async function (this: ProjectionRunner) {
      await held;
      return original.call(this);
    });
    const g = await start({ returnWhenListening: true, catchUpWaitMs: 30_000 }, dir);
    const waiting = fetch(`${g.url}/api/units`, { headers: AS_ADMIN });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }[]).map((u) => u.name)).toEqual(['Ventevik kommune']);
  });
});
