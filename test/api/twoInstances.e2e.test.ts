import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitSummary, WriteResult } from '@gevinst/domain/answers';
import { answerOf, AS_ADMIN, TEST_ADMIN_TOKEN } from '../../services/api/test/helpers';
import { loginAs } from '../../services/api/test/login';
import { freePort, startRedis, type TestRedis } from '../../services/reminders/test/support/redis';
import { startTestPostgres, type TestPostgres } from '../../packages/eventstore/test/fixtures/postgres';
import { openPostgresEventStore } from '../../packages/eventstore/src';

// Two API processes on one PostgreSQL database and one Redis, as behind a kommune's load balancer.

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', '..', 'services', 'api', 'src', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'gevinst-two-'));

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  outbox: string;
  logs: () => string;
}

let pg: TestPostgres;
let schema: string;
let redis: TestRedis;
const instances: Instance[] = [];

const startInstance = async (name: string, demo: boolean, logLevel = 'warn'): Promise<Instance> => {
  const port = await freePort();
  const outbox = join(dir, name, 'outbox');
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: pg.url,
      GEVINST_PG_SCHEMA: schema,
      // each instance keeps its read models' snapshots in a file of its own (sessions and keys are in PostgreSQL)
      GEVINST_DB: join(dir, name, 'gevinst.sqlite'),
      GEVINST_OUTBOX: outbox,
      GEVINST_DEMO: demo ? '1' : '0',
      REDIS_URL: redis.url,
      GEVINST_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      GEVINST_RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  child.stdout!.on('data', (d) => (logs += d));
  child.stderr!.on('data', (d) => (logs += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopped (${child.exitCode ?? child.signalCode}): ${logs}`);
    if (i > 1_200) throw new Error(`${name} did not become current within 120 s: ${logs}`);
    const health = await fetch(`${url}/healthz`).then(
      (r) => (r.ok ? (r.json() as Promise<{ status?: string }>) : undefined),
      () => undefined,
    );
    if (health?.status === 'ok') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const instance = { name, url, child, outbox, logs: () => logs };
  instances.push(instance);
  return instance;
};

// a process killed by a signal has no exit code, only its signal
const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

const post = async <T,>(on: Instance, path: string, body: unknown, headers: Record<string, string> = {}) =>
  answerOf<T>(await fetch(on.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN, ...headers }, body: JSON.stringify(body) }));
const get = async <T,>(on: Instance, path: string, headers: Record<string, string> = {}) => answerOf<T>(await fetch(on.url + path, { headers: { ...AS_ADMIN, ...headers } }));

let a: Instance;
let b: Instance;

beforeAll(async () => {
  pg = await startTestPostgres();
  schema = pg.freshSchema();
  redis = await startRedis();
  // the first loads the demo into the empty database; the second starts on what is there
  a = await startInstance('a', true);
  b = await startInstance('b', false);
}, 240_000);

afterAll(async () => {
  for (const i of instances) {
    i.child.kill('SIGTERM');
    await stopped(i.child);
  }
  await redis?.stop();
  await pg?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two API instances on one PostgreSQL', () => {
  it('the events are in the schema GEVINST_PG_SCHEMA names', async () => {
    const inSchema = await openPostgresEventStore({ connectionString: pg.url, schema });
    try {
      expect((await inSchema.readAll({ maxCount: 10 })).length).toBe(10);
    } finally {
      await inSchema.close();
    }
  });

  it('both hold the demo; a write on one is read back on the other with the position it answered', async () => {
    const unitsOnB = (await get<UnitSummary[]>(b, '/api/units')).body;
    expect(unitsOnB.length).toBeGreaterThan(5);
    const created = await post<WriteResult>(a, '/api/units', { name: 'Skrevet på A', parentId: unitsOnB[0]?.id });
    expect(created.status).toBe(201);
    const position = created.headers.get('x-gevinst-position');
    expect(position).toBe(created.body.position);
    const read = await get<UnitSummary[]>(b, '/api/units', { 'x-gevinst-position': position ?? '' });
    expect(read.status).toBe(200);
    expect(read.body.map((u) => u.name)).toContain('Skrevet på A');
    // a position that is no number is refused; one far ahead is answered 503 (this server has not read it)
    expect((await get(b, '/api/units', { 'x-gevinst-position': 'snart' })).status).toBe(400);
    const ahead = await get<{ error: { code: string } }>(b, '/api/units', { 'x-gevinst-position': '999999999999' });
    expect(ahead.status).toBe(503);
    expect(ahead.body.error.code).toBe('behind');
  });

  it('concurrent commands on both instances lose no update: every accepted write is there, each revision is won once', async () => {
    const parent = (await get<UnitSummary[]>(a, '/api/units')).body[0]!.id;
    const writes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post<WriteResult>(i % 2 ? a : b, '/api/units', { name: `Samtidig ${i}`, parentId: parent })),
    );
    expect(writes.map((w) => w.status)).toEqual(writes.map(() => 201));
    const last = writes.map((w) => BigInt(w.body.position!)).reduce((m, p) => (p > m ? p : m));
    for (const on of [a, b]) {
      const names = (await get<UnitSummary[]>(on, '/api/units', { 'x-gevinst-position': last.toString() })).body.map((u) => u.name);
      for (let i = 0; i < 40; i++) expect(names).toContain(`Samtidig ${i}`);
    }

    // the same unit renamed from both, each naming the revision it read: one wins, the others are refused
    const unitId = writes[0]!.body.id;
    const revision = writes[0]!.body.revision;
    const renames = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post(i % 2 ? a : b, `/api/units/${unitId}/rename`, { name: `Nytt navn ${i}` }, { 'if-match': `"${revision}"` })),
    );
    const statuses = renames.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409 || s === 412)).toHaveLength(9);
  });

  it('a command retried with its Idempotency-Key on the other instance gets the first answer and writes nothing', async () => {
    const parent = (await get<UnitSummary[]>(a, '/api/units')).body[0]!.id;
    const body = { name: 'Sendt to ganger', parentId: parent };
    const key = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await post<WriteResult>(a, '/api/units', body, key);
    expect(first.status).toBe(201);
    const retry = await post<WriteResult>(b, '/api/units', body, { ...key, 'x-gevinst-position': first.body.position ?? '' });
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const named = (await get<UnitSummary[]>(b, '/api/units')).body.filter((u) => u.name === 'Sendt to ganger');
    expect(named).toHaveLength(1);
    // the same key with another body is refused
    expect((await post(b, '/api/units', { ...body, name: 'Noe annet' }, key)).status).toBe(422);
  });

  it('a person logged in through one instance is known to the other, and a logout on either ends it on both', async () => {
    const cookie = await loginAs(a.url, 'byggesak@fjordvik.kommune.no');
    const me = async (on: Instance) => fetch(`${on.url}/api/me`, { headers: { cookie } });
    const onB = await me(b);
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { id: string; via: string }).id).toBe('byggesak@fjordvik.kommune.no');
    const logout = await fetch(`${b.url}/auth/logout`, { method: 'POST', headers: { cookie, origin: b.url }, redirect: 'manual' });
    expect(logout.status).toBe(303);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
  });

  it('one Idempotency-Key sent to both instances at once writes once: the key commits with the events, and the later one answers the first answer', async () => {
    const parent = (await get<UnitSummary[]>(a, '/api/units')).body[0]!.id;
    for (let round = 0; round < 5; round++) {
      const name = `Sendt til begge ${round}`;
      const key = { 'idempotency-key': `both-${Date.now()}-${round}` };
      const [first, second] = await Promise.all([a, b].map((i) => post<WriteResult>(i, '/api/units', { name, parentId: parent }, key)));
      expect([first!.status, second!.status]).toEqual([201, 201]);
      expect(second!.body).toEqual(first!.body);
      const after = { 'x-gevinst-position': first!.body.position ?? '' };
      const named = (await get<UnitSummary[]>(b, '/api/units', after)).body.filter((u) => u.name === name);
      expect(named).toHaveLength(1);
    }
  });

  it('a reminder is mailed once although both instances schedule it', { timeout: 120_000 }, async () => {
    // each write goes to the other instance, naming the position of the one before
    const unit = (await post<WriteResult>(a, '/api/units', { name: 'Byggesak' })).body;
    const after = (w: WriteResult) => ({ 'x-gevinst-position': w.position ?? '' });
    const project = (await post<WriteResult>(b, '/api/projects', { name: 'Digital byggesak', ownerUnitId: unit.id, projectLeader: 'leder@kommune.no' }, after(unit))).body;
    const planned = await post<WriteResult>(a, `/api/projects/${project.id}/benefits`, {
      title: 'Færre klager', recipientUnitId: unit.id, owner: 'eier@kommune.no', indicator: 'klager per måned', unitOfMeasure: 'klager',
      direction: 'decrease', category: 'unpriced', cashReleasing: false, valuationOrePerUnit: null,
      plan: [{ period: '2024-T1', quantity: 10 }, { period: '2024-T2', quantity: 10 }],
    }, after(project));
    expect(planned.status).toBe(201);
    const mails = () =>
      [a, b].flatMap((i) => (existsSync(i.outbox) ? readdirSync(i.outbox).filter((f) => f.startsWith(planned.body.id) && f.endsWith('.eml')) : []));
    for (let i = 0; i < 300 && mails().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    // both had their chance to claim it
    await new Promise((r) => setTimeout(r, 3_000));
    expect(mails()).toEqual([`${planned.body.id}.overdue-summary_gevinst.eml`]);
  });

  it('killing one instance mid-load loses no acknowledged write', { timeout: 120_000 }, async () => {
    const parent = (await get<UnitSummary[]>(b, '/api/units')).body[0]!.id;
    const acknowledged: WriteResult[] = [];
    let refused = 0;
    const writer = async (n: number) => {
      for (let i = 0; i < 40; i++) {
        const answer = await post<WriteResult>(a, '/api/units', { name: `Under last ${n}-${i}`, parentId: parent }).catch(() => undefined);
        if (answer?.status === 201) acknowledged.push(answer.body);
        else refused++;
        if (!answer) return; // the instance is gone
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, n) => writer(n)));
    for (let i = 0; acknowledged.length < 20; i++) {
      if (i > 3_000) throw new Error(`only ${acknowledged.length} writes acknowledged, ${refused} refused: ${a.logs().slice(-2_000)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    a.child.kill('SIGKILL');
    await load;
    await stopped(a.child);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(refused).toBeGreaterThan(0);
    const last = acknowledged.map((w) => BigInt(w.position!)).reduce((m, p) => (p > m ? p : m));
    const names = new Set((await get<UnitSummary[]>(b, '/api/units', { 'x-gevinst-position': last.toString() })).body.map((u) => u.id));
    for (const w of acknowledged) expect(names.has(w.id)).toBe(true);
  });

  it('a new instance with no file of its own resumes from the read models stored in PostgreSQL', { timeout: 180_000 }, async () => {
    const units = (await get<UnitSummary[]>(b, '/api/units')).body.map((u) => u.id).sort();
    // a stop stores the read models, and copies them to PostgreSQL
    b.child.kill('SIGTERM');
    await stopped(b.child);
    expect(b.child.exitCode).toBe(0);
    const c = await startInstance('c', false, 'info');
    expect(c.logs()).toContain('read models taken from PostgreSQL');
    expect(c.logs()).not.toContain('read model rebuilt from the first event');
    expect((await get<UnitSummary[]>(c, '/api/units')).body.map((u) => u.id).sort()).toEqual(units);
  });
});
