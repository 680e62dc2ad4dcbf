import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitView, ErrorResponse, LedgerAnswer, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
beforeAll(async () => {
  g = await startTestGevinst();
});
afterAll(async () => {
  await g.destroy();
});

const unit = async (name: string, parentId?: string) => {
  const res = await g.post<WriteResult>('/api/units', { name, parentId });
  expect(res.status).toBe(201);
  return res.body.id;
};

describe('commands over HTTP on a real SQLite file', () => {
  let kommune: string, ikt: string, byggesak: string, project: string, benefit: string;

  it('registers units, a project with a cost and a benefit, records a realisation, and the ledger shows the flow', async () => {
    kommune = await unit('Testvik kommune');
    ikt = await unit('IKT', kommune);
    byggesak = await unit('Byggesak', kommune);

    const p = await g.post<WriteResult>('/api/projects', { name: 'Digital byggesak', ownerUnitId: ikt, projectLeader: 'pl@testvik.no' });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ id: expect.any(String), revision: '0' });
    expect(p.headers.get('etag')).toBe('"0"');
    project = p.body.id;

    const cost = await g.post<WriteResult>(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 100_000_00, period: '2026-T1', kind: 'one-off' });
    expect(cost.status).toBe(201);
    expect(cost.body.revision).toBe('1');

    const b = await g.post<WriteResult>(`/api/projects/${project}/benefits`, {
      title: 'Færre timer per byggesak',
      recipientUnitId: byggesak,
      owner: 'eier@testvik.no',
      indicator: 'Timer per sak',
      unitOfMeasure: 'timer',
      direction: 'decrease',
      category: 'capacity',
      cashReleasing: false,
      valuationOrePerUnit: 600_00,
      plan: [{ period: '2026-T1', quantity: 100 }],
    });
    expect(b.status).toBe(201);
    benefit = b.body.id;

    const r = await g.post(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 80 });
    expect(r.status).toBe(201);

    const ledger = await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T3&level=1');
    expect(ledger.status).toBe(200);
    expect(ledger.body.flows).toEqual([{ fromUnitId: ikt, toUnitId: byggesak, ore: 80 * 600_00 }]);
    const row = (id: string) => ledger.body.units.find((u) => u.unitId === id);
    expect(row(ikt)).toMatchObject({ costsOre: 100_000_00, gainsReceivedOre: 0, gainsProducedForOthersOre: 48_000_00, netOre: -100_000_00 });
    expect(row(byggesak)).toMatchObject({ costsOre: 0, gainsReceivedOre: 48_000_00, netOre: 48_000_00 });

    const top = await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T3&level=0');
    expect(top.body.units).toEqual([expect.objectContaining({ unitId: kommune, costsOre: 100_000_00, gainsReceivedOre: 48_000_00 })]);
  });

  it('reads its own writes: the benefit view shows the realisation at once', async () => {
    const view = await g.get<BenefitView>(`/api/benefits/${benefit}`);
    expect(view.status).toBe(200);
    expect(view.body.realisations).toEqual([expect.objectContaining({ period: '2026-T1', quantity: 80, valueOre: 48_000_00 })]);
    expect(view.body.statusByPeriod).toEqual([expect.objectContaining({ period: '2026-T1', status: 'yellow', plannedOre: 60_000_00, realisedOre: 48_000_00 })]);
  });

  it('answers 400 with the fields in bokmål and stores nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>(`/api/projects/${project}/costs`, { payerUnitId: ikt, amountOre: 12.5, period: '2026-T4', kind: 'monthly' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(['amountOre', 'kind', 'period']);
    expect(res.body.error.fields.find((f) => f.path === 'period')?.message).toMatch(/Ugyldig periode/);
    expect(await countEvents(g)).toBe(before);
  });

  it('an empty form answers every missing field at once, each «Må fylles ut», and stores nothing', async () => {
    const before = await countEvents(g);
    const empty = {
      title: '', recipientUnitId: '', owner: '', indicator: '', unitOfMeasure: '', direction: 'decrease', category: 'capacity',
      cashReleasing: false, targetDate: '', plan: [{ period: '', quantity: 1 }],
    };
    const res = await g.post<ErrorResponse>(`/api/projects/${project}/benefits`, empty);
    expect(res.status).toBe(400);
    const first = new Map<string, string>();
    for (const field of res.body.error.fields) if (!first.has(field.path)) first.set(field.path, field.message);
    expect(Object.fromEntries(first)).toEqual({
      title: 'Må fylles ut', recipientUnitId: 'Må fylles ut', owner: 'Må fylles ut', indicator: 'Må fylles ut',
      unitOfMeasure: 'Må fylles ut', targetDate: 'Må fylles ut', 'plan.0.period': 'Må fylles ut',
    });
    const measurement = await g.post<ErrorResponse>(`/api/benefits/${benefit}/measurements`, { value: 1, measuredOn: '' });
    expect(measurement.body.error.fields).toEqual([{ path: 'measuredOn', message: 'Må fylles ut' }]);
    expect(await countEvents(g)).toBe(before);
  });

  it('answers 400 on malformed JSON', async () => {
    const res = await g.post<ErrorResponse>('/api/units', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
  });

  it('answers 404 for an unknown id and stores nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>('/api/benefits/does-not-exist/realisations', { period: '2026-T1', quantity: 1 });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('does-not-exist') });
    expect((await g.get('/api/projects/nope')).status).toBe(404);
    expect((await g.get('/api/units/nope')).status).toBe(404);
    expect(await countEvents(g)).toBe(before);
  });

  it('answers 422 when a rule refuses (a withdrawal above what was realised as cash-releasing) and stores nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>(`/api/benefits/${benefit}/withdrawals`, { period: '2026-T1', amountOre: 1_000_000_00, saksnummer: '26/1' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toEqual(expect.any(String));
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(Array.isArray(res.body.error.fields)).toBe(true);
    expect(await countEvents(g)).toBe(before);
  });

  it('answers 422 when a unit named in the body does not exist', async () => {
    const res = await g.post<ErrorResponse>('/api/projects', { name: 'X', ownerUnitId: 'missing-unit', projectLeader: 'a@b.no' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'ownerUnitId' })]);
  });

  it('answers 412 for a stale If-Match and 201 for the current one', async () => {
    const current = (await g.post<WriteResult>(`/api/units/${ikt}/rename`, { name: 'IKT-avdelingen' })).body.revision;
    const stale = await g.post<ErrorResponse>(`/api/units/${ikt}/rename`, { name: 'Digitalisering' }, { 'if-match': `"${Number(current) - 1}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'precondition_failed', currentRevision: current });
    const fresh = await g.post<WriteResult>(`/api/units/${ikt}/rename`, { name: 'Digitalisering' }, { 'if-match': `"${current}"` });
    expect(fresh.status).toBe(201);
    expect(fresh.body.revision).toBe(String(Number(current) + 1));
  });

  it('answers 409 with the current revision when another write lands between read and append', async () => {
    const store = g.store;
    const original = store.readStream.bind(store);
    let waiting: (() => void)[] = [];
    // hold both reads until both requests have read, so both decide on the same revision
    store.readStream = async (streamName, options) => {
      const result = await original(streamName, options);
      if (streamName === `benefit-${benefit}` && options?.direction !== 'backwards') {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 2) for (const w of waiting) w();
        });
      }
      return result;
    };
    try {
      const [a, b] = await Promise.all([
        g.post<WriteResult | ErrorResponse>(`/api/benefits/${benefit}/measurements`, { value: 7, measuredOn: '2026-03-01' }),
        g.post<WriteResult | ErrorResponse>(`/api/benefits/${benefit}/measurements`, { value: 6.5, measuredOn: '2026-04-01' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([201, 409]);
      const conflict = a.status === 409 ? a : b;
      const winner = a.status === 201 ? a : b;
      if (!('error' in conflict.body) || !('revision' in winner.body)) throw new Error('one answer is the 409, the other the 201');
      expect(conflict.body.error).toMatchObject({ code: 'conflict', currentRevision: winner.body.revision });
    } finally {
      store.readStream = original;
      waiting = [];
    }
  });

  it('a retried POST with the same Idempotency-Key returns the first answer and writes one event', async () => {
    const before = await countEvents(g);
    const body = { name: 'Servicetorget', parentId: kommune };
    const first = await g.post('/api/units', body, { 'idempotency-key': 'retry-1' });
    const second = await g.post('/api/units', body, { 'idempotency-key': 'retry-1' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await countEvents(g)).toBe(before + 1);
    const reused = await g.post<ErrorResponse>('/api/units', { name: 'Noe annet' }, { 'idempotency-key': 'retry-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('puts the authenticated person, their role and correlation ids into every event; X-User-Id cannot forge the author', async () => {
    const res = await g.post(`/api/units/${byggesak}/leader`, { leader: 'leder@testvik.no' }, { 'x-user-id': 'kari@testvik.no' });
    expect(res.status).toBe(201);
    const events = await g.store.readStream(`unit-${byggesak}`);
    const last = events.at(-1)!;
    expect(last.type).toBe('UnitLeaderAssigned');
    expect(last.metadata).toMatchObject({
      userId: 'admin',
      actingRole: 'administrator',
      correlationId: expect.any(String),
      causationId: expect.any(String),
      schemaVersion: 1,
    });
    expect(JSON.stringify(last.metadata)).not.toContain('kari@testvik.no');
  });
});
