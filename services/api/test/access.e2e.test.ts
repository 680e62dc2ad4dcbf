import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_ADMIN, countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';
import type { AuditTrail, DueItem, ErrorResponse, LedgerAnswer, Me, Portfolio, WriteResult } from '@gevinst/domain/answers';

// The demo municipality with its people logged in through the embedded provider, each in their role:
// the policy decides every command and read, a refusal changes nothing, and every event names its author.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-access-'));
let g: TestGevinst;
const cookies = new Map<string, string>();

const as = async (email: string): Promise<Record<string, string>> => {
  if (!cookies.has(email)) cookies.set(email, await loginAs(g.url, email));
  // a cookie write must come from Gevinst's own pages (Origin)
  return { authorization: '', cookie: cookies.get(email)!, origin: g.url };
};
const OWNER = 'byggesak@fjordvik.kommune.no';
const FINANCE = 'okonomisjef@fjordvik.kommune.no';
const HEALTH_MANAGEMENT = 'helsesjef@fjordvik.kommune.no';
const TECH_LEADER = 'prosjektleder.byggesak@fjordvik.kommune.no';

const unitNamed = (name: string) => g.readModels.units.list().find((u) => u.name === name)!.id;
const benefitsOf = (owner: string) => [...g.readModels.portfolio.benefits.values()].filter((b) => b.owner === owner && !b.cancelled && !b.unplanned);
const someoneElsesBenefit = () => [...g.readModels.portfolio.benefits.values()].find((b) => b.owner && b.owner !== OWNER && !b.unplanned)!;

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
});
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('who may do what', () => {
  it('answers anonymous reads and writes with 401 in bokmål and writes nothing', async () => {
    const before = await countEvents(g);
    for (const path of ['/api/projects', '/api/ledger', '/api/units', '/api/due', '/api/export/ledger.csv', '/api/templates/gevinstrealiseringsplan.xlsx']) {
      const res = await g.get<ErrorResponse>(path, { authorization: '' });
      expect(res.status, path).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthenticated', message: 'Du må logge inn' });
    }
    const write = await g.post('/api/units', { name: 'Anonym enhet' }, { authorization: '' });
    expect(write.status).toBe(401);
    const forged = await g.post('/api/units', { name: 'Anonym enhet' }, { authorization: '', 'x-user-id': 'admin' });
    expect(forged.status).toBe(401);
    expect(await countEvents(g)).toBe(before);
  });

  it('lets a benefit owner record a measurement on their own benefit, and names them and their role in the event', async () => {
    const mine = benefitsOf(OWNER)[0]!;
    const res = await g.post(`/api/benefits/${mine.id}/measurements`, { value: 7, measuredOn: '2026-05-02' }, { ...(await as(OWNER)), 'x-user-id': 'admin' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const last = (await g.store.readStream(`benefit-${mine.id}`)).at(-1)!;
    expect(last.metadata).toMatchObject({ userId: OWNER, userName: 'Bjørn Moe', actingRole: 'benefit-owner' });
  });

  it('refuses the owner what only the leader or management may do, with the reason in bokmål, writing nothing', async () => {
    const mine = benefitsOf(OWNER)[0]!;
    const before = await countEvents(g);
    const cancel = await g.post<ErrorResponse>(`/api/benefits/${mine.id}/cancel`, { reason: 'Vil ikke' }, await as(OWNER));
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.code).toBe('forbidden');
    expect(cancel.body.error.message).toMatch(/^Du har ikke lov til å kansellere gevinsten\. Det kan: Administrator, eller prosjektlederen/);
    const other = someoneElsesBenefit();
    const measure = await g.post(`/api/benefits/${other.id}/measurements`, { value: 1, measuredOn: '2026-05-02' }, await as(OWNER));
    expect(measure.status).toBe(403);
    const withdraw = await g.post(`/api/benefits/${mine.id}/withdrawals`, { period: '2026-T1', amountOre: 100, saksnummer: '26/1' }, await as(OWNER));
    expect(withdraw.status).toBe(403);
    expect(await countEvents(g)).toBe(before);
  });

  it('shows a benefit owner their own benefits and projects and their own due list, not another sector’s', async () => {
    const me = await as(OWNER);
    const projects = (await g.get('/api/projects', me)).body as { id: string }[];
    const expected = new Set(benefitsOf(OWNER).map((b) => b.projectId));
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((p) => expected.has(p.id))).toBe(true);
    expect((await g.get(`/api/benefits/${benefitsOf(OWNER)[0]!.id}`, me)).status).toBe(200);
    const other = someoneElsesBenefit();
    if (!expected.has(other.projectId)) expect((await g.get(`/api/projects/${other.projectId}`, me)).status).toBe(403);
    expect((await g.get(`/api/benefits/${other.id}`, me)).status).toBe(403);
    expect((await g.get('/api/due?owner=sykehjemmet@fjordvik.kommune.no', me)).status).toBe(403);
    const own = await g.get<DueItem[]>('/api/due?at=2026-11-24', me);
    expect(own.status).toBe(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect((await g.get('/api/ledger', me)).status).toBe(403);
    expect((await g.get('/api/portfolio', me)).status).toBe(403);
    expect((await g.get('/api/export/ledger.csv', me)).status).toBe(403);
  });

  it('lets finance for the whole kommune read the ledger and settle, but not reorganise', async () => {
    const finance = await as(FINANCE);
    const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2025-T1&to=2026-T3&level=1', finance);
    expect(ledger.status).toBe(200);
    expect(ledger.body.units.length).toBeGreaterThan(3);
    // within what Byggesak still owes IKT (a settlement is capped at it)
    const owed = g.readModels.ledger.owed({ recipientUnitId: unitNamed('Byggesak'), investorUnitId: unitNamed('IKT'), upTo: '2026-T2' }).owedOre;
    expect(owed).toBeGreaterThan(0);
    const settle = await g.post(
      '/api/settlements',
      { fromUnitId: unitNamed('Byggesak'), toUnitId: unitNamed('IKT'), amountOre: Math.min(10_000_00, owed), period: '2026-T2', saksnummer: '26/999' },
      finance,
    );
    expect(settle.status, JSON.stringify(settle.body)).toBe(201);
    const rename = await g.post(`/api/units/${unitNamed('IKT')}/rename`, { name: 'Digitalisering' }, finance);
    expect(rename.status).toBe(403);
    expect((await g.post('/api/admin/rebuild', {}, finance)).status).toBe(403);
  });

  it('cuts the ledger and the portfolio to the unit a scoped role reaches, and keeps writes inside it', async () => {
    const health = await as(HEALTH_MANAGEMENT);
    const helse = unitNamed('Helse og velferd');
    const inHelse = (id: string) => g.readModels.units.isWithin(id, helse);
    const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2025-T1&to=2026-T3&level=2', health);
    expect(ledger.status).toBe(200);
    expect(ledger.body.units.length).toBeGreaterThan(0);
    expect(ledger.body.units.every((u: { unitId: string }) => inHelse(u.unitId))).toBe(true);
    expect(ledger.body.flows.every((f: { fromUnitId: string; toUnitId: string }) => inHelse(f.fromUnitId) || inHelse(f.toUnitId))).toBe(true);
    const all = await g.get<LedgerAnswer>('/api/ledger?from=2025-T1&to=2026-T3&level=2');
    expect(all.body.units.length).toBeGreaterThan(ledger.body.units.length);
    const portfolio = await g.get<Portfolio>('/api/portfolio?from=2026-T1&to=2026-T3&level=1', health);
    expect(portfolio.body.rows.map((r: { unitId: string }) => r.unitId)).toEqual([helse]);

    expect((await g.post(`/api/units/${unitNamed('Hjemmetjenesten')}/rename`, { name: 'Hjemmetjenesten og rehabilitering' }, health)).status).toBe(201);
    expect((await g.post(`/api/units/${unitNamed('Byggesak')}/rename`, { name: 'Byggesak og oppmåling' }, health)).status).toBe(403);
  });

  it('lets a project leader register projects in their scope and work on the projects they lead', async () => {
    const leader = await as(TECH_LEADER);
    const teknisk = unitNamed('Samfunnsutvikling'); // Teknisk, renamed by the demo's reorganisation
    const created = await g.post<WriteResult>('/api/projects', { name: 'Digital oppmåling', ownerUnitId: unitNamed('Byggesak'), projectLeader: TECH_LEADER }, leader);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const cost = await g.post(`/api/projects/${created.body.id}/costs`, { payerUnitId: teknisk, amountOre: 50_000_00, period: '2026-T3', kind: 'one-off' }, leader);
    expect(cost.status, JSON.stringify(cost.body)).toBe(201);
    const elsewhere = await g.post('/api/projects', { name: 'Velferdsteknologi 2', ownerUnitId: unitNamed('Helse og velferd'), projectLeader: TECH_LEADER }, leader);
    expect(elsewhere.status).toBe(403);
    const othersProject = [...g.readModels.portfolio.projects.values()].find((p) => p.projectLeader !== TECH_LEADER)!;
    expect((await g.post(`/api/projects/${othersProject.id}/phase`, { phase: 'realisation' }, leader)).status).toBe(403);
  });

  it('grants and revokes roles as events, only by an administrator, and /api/me shows them', async () => {
    const person = 'helse.okonomi@fjordvik.kommune.no';
    const grant = { personId: person, role: 'finance', unitId: unitNamed('Helse og velferd'), reason: 'Ny controller' };
    expect((await g.post('/api/access/grants', grant, await as(FINANCE))).status).toBe(403);
    const granted = await g.post<WriteResult>('/api/access/grants', grant);
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    const grants = (await g.get('/api/access/grants')).body as { grantId: string; personId: string; unitName: string; grantedBy: string }[];
    expect(grants.find((x) => x.grantId === granted.body.id)).toMatchObject({ personId: person, unitName: 'Helse og velferd', grantedBy: 'admin' });
    expect(g.readModels.access.rolesOf(person)).toEqual([{ role: 'finance', unitId: grant.unitId, source: 'grant' }]);

    const me = await g.get<Me>('/api/me', await as(FINANCE));
    expect(me.body.roles).toEqual([{ role: 'finance', unitId: unitNamed('Fjordvik kommune'), unitName: 'Fjordvik kommune', source: 'grant' }]);

    const revoked = await g.post(`/api/access/grants/${granted.body.id}/revoke`, { reason: 'Sluttet' });
    expect(revoked.status).toBe(201);
    expect(g.readModels.access.rolesOf(person)).toEqual([]);
    expect((await g.post(`/api/access/grants/${granted.body.id}/revoke`, {})).status).toBe(422);
  });

  it('shows who did what, when, in which role, per benefit, project and unit', async () => {
    const mine = benefitsOf(OWNER)[0]!;
    const audit = await g.get<AuditTrail>(`/api/audit/benefits/${mine.id}`, await as(OWNER));
    expect(audit.status).toBe(200);
    const [newest] = audit.body.entries;
    expect(newest).toMatchObject({ type: 'MeasurementRecorded', userId: OWNER, userName: 'Bjørn Moe', role: 'benefit-owner' });
    const positions = audit.body.entries.map((e: { position: string }) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a: bigint, b: bigint) => (a > b ? -1 : 1)));
    const project = await g.get<AuditTrail>(`/api/audit/projects/${mine.projectId}`, AS_ADMIN);
    expect(project.body.entries.some((e: { type: string }) => e.type === 'ProjectRegistered')).toBe(true);
    expect(project.body.entries.some((e: { streamName: string }) => e.streamName === `benefit-${mine.id}`)).toBe(true);
    expect((await g.get(`/api/audit/benefits/${someoneElsesBenefit().id}`, await as(OWNER))).status).toBe(403);
    const unit = await g.get<AuditTrail>(`/api/audit/units/${unitNamed('Hjemmetjenesten og rehabilitering')}`, await as(HEALTH_MANAGEMENT));
    expect(unit.body.entries[0]).toMatchObject({ type: 'UnitRenamed', userId: HEALTH_MANAGEMENT, role: 'management' });
    expect((await g.get(`/api/audit/units/${unitNamed('Byggesak')}`, await as(HEALTH_MANAGEMENT))).status).toBe(403);
  });

  it('keeps the administrative routes for the administrator', async () => {
    expect((await g.post('/api/admin/rebuild', {}, await as(HEALTH_MANAGEMENT))).status).toBe(403);
    expect((await g.post('/api/admin/rebuild', {})).status).toBe(200);
  });
});

describe('the reminder queue dashboard (/admin/queues, with Redis)', () => {
  it('is for the administrator: 401 anonymous, 403 for others, the dashboard for the administrator', async () => {
    const { startRedis } = await import('../../reminders/test/support/redis');
    const redis = await startRedis();
    const withQueue = await startTestGevinst({ demo: true, reminders: { outboxDir: join(dir, 'outbox') }, redisUrl: redis.url });
    try {
      expect((await fetch(`${withQueue.url}/admin/queues`)).status).toBe(401);
      const manager = await loginAs(withQueue.url, HEALTH_MANAGEMENT);
      expect((await fetch(`${withQueue.url}/admin/queues`, { headers: { cookie: manager } })).status).toBe(403);
      const admin = await fetch(`${withQueue.url}/admin/queues`, { headers: AS_ADMIN });
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('<html');
    } finally {
      await withQueue.destroy();
      await redis.stop();
    }
  });
});
