import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceRow, ErrorResponse, ImbalanceRow, LedgerAnswer, LedgerMatrix, Portfolio } from '@gevinst/domain/answers';
import { answerOf, startTestGevinst, type TestGevinst, AS_ADMIN } from './helpers';

/** A clock the test moves: each command is recorded at the instant it shows. */
let now = '2026-05-02T10:00:00.000Z';
let g: TestGevinst;
let skole: string;
let helse: string;
let benefit: string;


beforeAll(async () => {
  g = await startTestGevinst({ clock: () => now });
  const kommune = await g.created('/api/units', { name: 'Kommunen' });
  skole = await g.created('/api/units', { name: 'Skole', parentId: kommune });
  helse = await g.created('/api/units', { name: 'Helse', parentId: kommune });
  const project = await g.created('/api/projects', { name: 'Digital timebok', ownerUnitId: skole, projectLeader: 'leder@kommune.no' });
  await g.created(`/api/projects/${project}/costs`, { payerUnitId: skole, amountOre: 100_000_00, period: '2026', kind: 'one-off' });
  benefit = await g.created(`/api/projects/${project}/benefits`, {
    title: 'Spart tid i helse',
    recipientUnitId: helse,
    owner: 'eier@kommune.no',
    indicator: 'Timer',
    unitOfMeasure: 'timer',
    direction: 'increase',
    category: 'capacity',
    cashReleasing: false,
    valuationOrePerUnit: 500_00,
    plan: [{ period: '2026-T1', quantity: 100 }],
  });
  await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 100 });
  now = '2026-05-20T10:00:00.000Z';
  await g.created(`/api/benefits/${benefit}/corrections`, { period: '2026-T1', quantity: 60, reason: 'Feil i telling' });
});
afterAll(async () => {
  await g?.destroy();
});

const received = (ledger: LedgerAnswer, unitId: string) => ledger.units.find((u) => u.unitId === unitId)?.gainsReceivedOre;

describe('asOf: reports as they stood on a past date', () => {
  it('GET /api/ledger shows the figure before the correction as of a date before it, and the corrected one without asOf', async () => {
    const today = await g.get<LedgerAnswer>('/api/ledger?from=2026-T1&to=2026-T3');
    expect(today.status).toBe(200);
    expect(received(today.body, helse)).toBe(60 * 500_00);

    const before = await fetch(`${g.url}/api/ledger?from=2026-T1&to=2026-T3&asOf=2026-05-10`, { headers: AS_ADMIN });
    expect(before.status).toBe(200);
    expect(before.headers.get('x-as-of')).toBe('2026-05-10T21:59:59.999Z');
    const { body } = await answerOf<LedgerAnswer>(before);
    expect(received(body, helse)).toBe(100 * 500_00);
    expect(body.flows).toContainEqual({ fromUnitId: skole, toUnitId: helse, ore: 100 * 500_00 });
    expect(Object.keys(body).sort()).toEqual(Object.keys(today.body).sort());

    // on the day of the correction (end of day) it counts; an instant just before it does not
    expect(received((await g.get<LedgerAnswer>('/api/ledger?asOf=2026-05-20')).body, helse)).toBe(60 * 500_00);
    expect(received((await g.get<LedgerAnswer>('/api/ledger?asOf=2026-05-20T09:59:59Z')).body, helse)).toBe(100 * 500_00);
    // before anything was recorded there is nothing
    expect((await g.get<LedgerAnswer>('/api/ledger?asOf=2026-01-01')).body.units).toEqual([]);
  });

  it('as of today equals the live report on every ledger route and the portfolio', async () => {
    for (const path of ['/api/ledger', '/api/ledger/matrix', '/api/ledger/imbalances', '/api/ledger/balances', '/api/portfolio']) {
      const q = '?from=2026-T1&to=2026-T3';
      const live = await g.get(path + q);
      const past = await g.get(`${path}${q}&asOf=2026-06-01`);
      expect(past.status, path).toBe(200);
      expect(past.body, path).toEqual(live.body);
    }
  });

  it('matrix, imbalances, balances and portfolio take asOf too', async () => {
    const q = '?from=2026-T1&to=2026-T3&level=1&asOf=2026-05-10';
    const matrix = (await g.get<LedgerMatrix>(`/api/ledger/matrix${q}`)).body;
    expect(matrix.cells).toContainEqual({ investorUnitId: skole, recipientUnitId: helse, ore: 100 * 500_00 });
    const balances = (await g.get<BalanceRow[]>(`/api/ledger/balances${q}`)).body;
    expect(balances.find((b) => b.unitId === helse)?.realisedOre).toBe(100 * 500_00);
    const imbalances = (await g.get<ImbalanceRow[]>(`/api/ledger/imbalances${q}`)).body;
    expect(imbalances.find((r) => r.unitId === skole)?.gainsTo).toContainEqual({ unitId: helse, ore: 100 * 500_00 });
    const portfolio = (await g.get<Portfolio>(`/api/portfolio${q}`)).body;
    const cell = portfolio.rows.find((r) => r.unitId === helse)?.cells.find((c) => c.period === '2026-T1');
    expect(cell).toMatchObject({ plannedOre: 100 * 500_00, realisedOre: 100 * 500_00, status: 'green' });
    const livePortfolio = (await g.get<Portfolio>('/api/portfolio?from=2026-T1&to=2026-T3&level=1')).body;
    expect(livePortfolio.rows.find((r) => r.unitId === helse)?.cells.find((c) => c.period === '2026-T1')).toMatchObject({
      realisedOre: 60 * 500_00,
      status: 'red',
    });
  });

  it('refuses a bad asOf with 400, naming the field in bokmål', async () => {
    for (const path of ['/api/ledger', '/api/ledger/matrix', '/api/ledger/imbalances', '/api/ledger/balances', '/api/portfolio']) {
      for (const bad of ['igår', '2026-02-30', '2026-05-10T25:00']) {
        const res = await g.get<ErrorResponse>(`${path}?asOf=${encodeURIComponent(bad)}`);
        expect(res.status, `${path} ${bad}`).toBe(400);
        expect(res.body.error.fields).toEqual([{ path: 'asOf', message: expect.stringMatching(/^Ugyldig/) }]);
      }
    }
    const twice = await g.get<ErrorResponse>('/api/ledger?asOf=2026-05-10&asOf=2026-05-11');
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields[0]?.path).toBe('asOf');
  });

  it('the ledger export takes asOf (CSV of the units view)', async () => {
    const csv = async (query: string) => {
      const res = await fetch(`${g.url}/api/export/ledger.csv?view=units&from=2026-T1&to=2026-T3${query}`, { headers: AS_ADMIN });
      expect(res.status).toBe(200);
      return { text: await res.text(), disposition: res.headers.get('content-disposition') ?? '' };
    };
    const before = await csv('&asOf=2026-05-10');
    const today = await csv('');
    const rowOf = (text: string) => text.split(/\r?\n/).find((line) => line.includes('Helse'));
    expect(rowOf(before.text)).toMatch(/50000|50 000/);
    expect(rowOf(today.text)).toMatch(/30000|30 000/);
    expect(rowOf(today.text)).not.toMatch(/50000|50 000/);
    expect(before.disposition).toContain('per');
    const bad = await fetch(`${g.url}/api/export/ledger.csv?asOf=31.12.2026`, { headers: AS_ADMIN });
    expect(bad.status).toBe(400);
    expect((await answerOf<ErrorResponse>(bad)).body.error.fields[0]?.path).toBe('asOf');
  });

  it('the exports name the instant they were made as of in X-As-Of, like the JSON reports', async () => {
    for (const path of ['/api/export/ledger.csv', '/api/export/ledger.xlsx', '/api/export/portfolio.csv', '/api/export/portfolio.xlsx']) {
      const past = await fetch(`${g.url}${path}?from=2026-T1&to=2026-T3&asOf=2026-05-10`, { headers: AS_ADMIN });
      expect(past.status, path).toBe(200);
      expect(past.headers.get('x-as-of'), path).toBe('2026-05-10T21:59:59.999Z');
      await past.arrayBuffer();
      const today = await fetch(`${g.url}${path}?from=2026-T1&to=2026-T3`, { headers: AS_ADMIN });
      expect(today.status, path).toBe(200);
      expect(today.headers.get('x-as-of'), path).toBeNull();
      await today.arrayBuffer();
    }
    const bad = await fetch(`${g.url}/api/export/portfolio.csv?asOf=31.12.2026`, { headers: AS_ADMIN });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-as-of')).toBeNull();
    await bad.arrayBuffer();
  });
});
