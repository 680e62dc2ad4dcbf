import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BenefitValuationSchema,
  CostBenefitReportSchema,
  CostBenefitSettingsSchema,
  type BenefitValuationAnswer,
  type CostBenefitReportAnswer,
  type ErrorResponse,
} from '@gevinst/domain/answers';
import { costBenefitSourceOf, upcastRecorded, type ProjectedEvent } from '@gevinst/projections';
import { costBenefitReport, costBenefitSourceFromEvents, costBenefitSummary } from '@gevinst/domain/valuation';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Valuation and kost/nytte on the demo municipality, through a real server on a real SQLite file:
// freed time at the timesats with its source, kost/nytte per project and portfolio, the settings
// commands (finance for the whole installation only), and bad queries refused with field and reason.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-valuation-'));
let g: TestGevinst;
const cookies = new Map<string, string>();
const as = async (email: string): Promise<Record<string, string>> => {
  if (!cookies.has(email)) cookies.set(email, await loginAs(g.url, email));
  return { authorization: '', cookie: cookies.get(email)!, origin: g.url };
};
const FINANCE = 'okonomisjef@fjordvik.kommune.no';
const HEALTH_MANAGEMENT = 'helsesjef@fjordvik.kommune.no';

const projectNamed = (name: string) => [...g.readModels.portfolio.projects.values()].find((p) => p.name === name)!;
const benefitTitled = (title: string) => [...g.readModels.portfolio.benefits.values()].find((b) => b.title === title)!;

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
}, 120_000);
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('valuation of a benefit in time', () => {
  it('values freed hours at the timesats of each budget year, naming the year, unit and source', async () => {
    const b = benefitTitled('Færre timer per byggesak');
    const res = await g.get<BenefitValuationAnswer>(`/api/valuation/benefits/${b.id}`);
    expect(res.status).toBe(200);
    const v = BenefitValuationSchema.parse(res.body);
    expect(v.timeMeasured).toBe(true);
    // a capacity benefit: freed time, not cash-releasing
    expect(v.cashReleasing).toBe(false);
    const y2026 = v.years.find((y) => y.year === 2026)!;
    // the demo sets timesats on the kommune for 2025 (kr 620) and 2026 (kr 645); Byggesak has none of its own
    expect(y2026.rate).toMatchObject({ rule: 'parent', rateOre: 64_500, rateYear: 2026 });
    expect(y2026.forecastOre).toBe(Math.round((y2026.hours ?? 0) * 64_500));
    expect(y2026.text).toMatch(/timer × kr\u00a0645 = kr\u00a0[\d\u00a0]+(,\d\d)?, timesats 2026 for .*kilde: KS lønnsstatistikk 2026/);
  });

  it('refuses an unknown benefit with 404', async () => {
    expect((await g.get('/api/valuation/benefits/finnes-ikke')).status).toBe(404);
  });
});

describe('kost/nytte', () => {
  it('answers a project’s kost/nytte at DFØ’s defaults, with present values, payback and sensitivity', async () => {
    const p = projectNamed('Digitalisering av byggesaksarkivet');
    const res = await g.get<CostBenefitReportAnswer>(`/api/cost-benefit?project=${p.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = CostBenefitReportSchema.parse(res.body);
    expect(r.parameters).toMatchObject({ from: 2024, years: 10, discountRatePct: 4, priceYear: 2024, defaultsSet: false });
    expect(r.scenarios.forecast.years).toHaveLength(10);
    // the investment of 2024 is not discounted: kr 1 800 000 + kr 200 000
    expect(r.scenarios.forecast.years[0]).toMatchObject({ year: 2024, costsNominalOre: 200_000_000, costsPvOre: 200_000_000 });
    expect(r.scenarios.forecast.npvOre).toBe(r.scenarios.forecast.pvBenefitsOre - r.scenarios.forecast.pvCostsOre);
    expect(r.sensitivity.map((s) => s.case)).toEqual(['benefitsMinus20', 'benefitsPlus20', 'costsMinus20', 'costsPlus20', 'rateMinus20', 'ratePlus20']);
    expect(r.ratesUsed.length).toBeGreaterThan(0);
    expect(r.notes.join(' ')).toContain('uten mva');
    // the same figures as the domain's summary over the same read models (what the tertial report prints)
    const summary = costBenefitSummary(costBenefitSourceOf(g.readModels), { projectId: p.id, currentYear: new Date().getFullYear() });
    expect(summary.forecast.npvOre).toBe(r.scenarios.forecast.npvOre);
    // and the same as folded from the stored events themselves (how a report as known at an instant is made)
    const events = (await g.store.readAll()).map(upcastRecorded).filter((e): e is ProjectedEvent => e !== null);
    const folded = costBenefitReport(costBenefitSourceFromEvents(events), { projectId: p.id, currentYear: new Date().getFullYear() });
    expect(folded.scenarios).toEqual(r.scenarios);
    expect(folded.ratesUsed).toEqual(r.ratesUsed);
  });

  it('answers the portfolio, and takes the rate, period and price year asked for', async () => {
    const res = await g.get<CostBenefitReportAnswer>('/api/cost-benefit?portfolio&from=2025&years=5&rate=3,5&priceYear=2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = CostBenefitReportSchema.parse(res.body);
    expect(r.scope).toEqual({ projectId: null, name: 'Porteføljen' });
    expect(r.parameters).toMatchObject({ from: 2025, years: 5, discountRatePct: 3.5, priceYear: 2026 });
    expect(r.scenarios.planned.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029]);
  });

  it('refuses a bad query with 400, naming the field in bokmål', async () => {
    const bad = async (query: string, field: string) => {
      const res = await g.get<ErrorResponse>(`/api/cost-benefit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.fields.map((f) => f.path), query).toContain(field);
      return res.body.error.fields.find((f) => f.path === field)!.message;
    };
    expect(await bad('portfolio&rate=abc', 'rate')).toMatch(/Kalkulasjonsrenten/);
    expect(await bad('portfolio&years=50', 'years')).toMatch(/1 til 40/);
    expect(await bad('portfolio&from=20x6', 'from')).toMatch(/årstall/);
    expect(await bad('', 'project')).toMatch(/enten/);
    expect(await bad('portfolio&rate=4&rate=5', 'rate')).toMatch(/én gang/);
  });

  it('answers 404 for an unknown project, and 401 without a login', async () => {
    expect((await g.get('/api/cost-benefit?project=finnes-ikke')).status).toBe(404);
    expect((await g.get('/api/cost-benefit?portfolio', { authorization: '' })).status).toBe(401);
  });
});

describe('kost/nytte settings', () => {
  it('lets finance for the whole installation set the defaults and a price index, and the analysis uses them', async () => {
    const finance = await as(FINANCE);
    const set = await g.post('/api/cost-benefit/settings', { discountRatePct: 3.5, analysisYears: 12, priceYear: 2026, costsIncludeMva: true, mvaRatePct: 25, note: 'Vedtatt i budsjettet' }, finance);
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect((await g.post('/api/cost-benefit/price-index', { year: 2024, index: 100, source: 'SSB KPI' }, finance)).status).toBe(201);
    expect((await g.post('/api/cost-benefit/price-index', { year: 2026, index: 106.5, source: 'SSB KPI' }, finance)).status).toBe(201);
    const events = await countEvents(g);
    // the same again writes nothing
    expect((await g.post('/api/cost-benefit/price-index', { year: 2026, index: 106.5, source: 'SSB KPI' }, finance)).status).toBe(201);
    expect(await countEvents(g)).toBe(events);

    const settings = CostBenefitSettingsSchema.parse((await g.get('/api/cost-benefit/settings')).body);
    expect(settings).toMatchObject({ defaultsSet: true, defaults: { discountRatePct: 3.5, analysisYears: 12, costsIncludeMva: true } });
    expect(settings.priceIndex.map((i) => [i.year, i.index])).toEqual([[2024, 100], [2026, 106.5]]);

    const p = projectNamed('Digitalisering av byggesaksarkivet');
    const r = CostBenefitReportSchema.parse((await g.get(`/api/cost-benefit?project=${p.id}`)).body);
    expect(r.parameters).toMatchObject({ discountRatePct: 3.5, years: 12, priceYear: 2026, costsIncludeMva: true, defaultsSet: true });
    const first = r.scenarios.forecast.years[0]!;
    // kr 2 000 000 including 25 % mva: kr 400 000 mva apart; kr 1 600 000 in 2026 prices = × 106,5 / 100
    expect(first).toMatchObject({ costsNominalOre: 200_000_000, mvaOre: 40_000_000, costsExMvaOre: 160_000_000, costsRealOre: 170_400_000 });
  });

  it('refuses others with 403 and bad settings with 400 naming the field', async () => {
    const management = await as(HEALTH_MANAGEMENT);
    expect((await g.post('/api/cost-benefit/settings', { discountRatePct: 4, analysisYears: 10, costsIncludeMva: false }, management)).status).toBe(403);
    expect((await g.post('/api/cost-benefit/price-index', { year: 2027, index: 101, source: 'x' }, management)).status).toBe(403);
    const res = await g.post<ErrorResponse>('/api/cost-benefit/settings', { discountRatePct: 30, analysisYears: 0, costsIncludeMva: 'ja' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(['analysisYears', 'costsIncludeMva', 'discountRatePct']);
    const idx = await g.post<ErrorResponse>('/api/cost-benefit/price-index', { year: 2026, index: -1, source: '' });
    expect(idx.status).toBe(400);
    expect(idx.body.error.fields.map((f) => f.path).sort()).toEqual(['index', 'source']);
  });
});
