import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitView, Portfolio, ProjectDetail } from '@gevinst/domain/answers';
import { startTestGevinst, type TestGevinst } from './helpers';

/** The clock the API reads "now" from; 2026-T3 (ends 31 December) is due 14 January 2027. */
let now = '2026-11-24T10:00:00.000Z';
let g: TestGevinst;
let skole: string;
let helse: string;
let project: string;
let benefit: string;


const cell = async (query: string, unitId: string, period: string) => {
  const res = await g.get<Portfolio>(`/api/portfolio?from=2026-T2&to=2026-T3&level=1${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.rows.find((r) => r.unitId === unitId)?.cells.find((c) => c.period === period);
};

beforeAll(async () => {
  g = await startTestGevinst({ clock: () => now });
  const kommune = await g.created('/api/units', { name: 'Kommunen' });
  skole = await g.created('/api/units', { name: 'Skole', parentId: kommune });
  helse = await g.created('/api/units', { name: 'Helse', parentId: kommune });
  project = await g.created('/api/projects', { name: 'Digital timebok', ownerUnitId: skole, projectLeader: 'leder@kommune.no' });
  await g.created(`/api/projects/${project}/costs`, { payerUnitId: skole, amountOre: 100_000_00, period: '2026', kind: 'one-off' });
  const plan = (recipientUnitId: string, title: string) => ({
    title,
    recipientUnitId,
    owner: 'eier@kommune.no',
    indicator: 'Timer',
    unitOfMeasure: 'timer',
    direction: 'increase',
    category: 'capacity',
    cashReleasing: false,
    valuationOrePerUnit: 500_00,
    plan: [
      { period: '2026-T2', quantity: 522 },
      { period: '2026-T3', quantity: 522 },
    ],
  });
  benefit = await g.created(`/api/projects/${project}/benefits`, plan(helse, 'Spart tid i helse'));
  await g.created(`/api/projects/${project}/benefits`, plan(skole, 'Spart tid i skolen'));
  await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T2', quantity: 522 });
});
afterAll(async () => {
  await g?.destroy();
});

describe('GET /api/portfolio does not judge a tertial whose realisation is not yet due', () => {
  it('the ongoing tertial is pending with no status; an ended, overdue one with nothing realised is red', async () => {
    for (const unit of [helse, skole]) {
      expect(await cell('', unit, '2026-T3')).toMatchObject({ status: null, pending: true, plannedOre: 261_000_00, realisedOre: 0 });
    }
    expect(await cell('', helse, '2026-T2')).toMatchObject({ status: 'green', pending: false });
    expect(await cell('', skole, '2026-T2')).toMatchObject({ status: 'red', pending: false, realisedOre: 0 });
    // the benefit's own status per period says the same
    const view = (await g.get<BenefitView>(`/api/benefits/${benefit}`)).body;
    expect(view.statusByPeriod.find((s) => s.period === '2026-T3')).toMatchObject({ status: null, pending: true });
    expect((await g.get<ProjectDetail>(`/api/projects/${project}`)).body.status).toBe('red');
  });

  it('still pending within the 14 days after the tertial ends; red once the due date has passed', async () => {
    now = '2027-01-14T12:00:00.000Z';
    expect(await cell('', skole, '2026-T3')).toMatchObject({ status: null, pending: true });
    now = '2027-01-15T12:00:00.000Z';
    expect(await cell('', skole, '2026-T3')).toMatchObject({ status: 'red', pending: false });
    // asOf is the report's instant: as of a date within the grace, pending again
    expect(await cell('&asOf=2027-01-10', skole, '2026-T3')).toMatchObject({ status: null, pending: true });
    now = '2026-11-24T10:00:00.000Z';
  });

  it('a value recorded in the ongoing tertial is judged at once', async () => {
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T3', quantity: 450 });
    expect(await cell('', helse, '2026-T3')).toMatchObject({ status: 'yellow', pending: false, realisedOre: 450 * 500_00 });
    expect(await cell('', skole, '2026-T3')).toMatchObject({ status: null, pending: true });
  });
});
