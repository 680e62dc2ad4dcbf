import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceRow, BenefitView, CostBenefitReportAnswer, ErrorResponse, GoalScorecard, LedgerAnswer, Portfolio, ProjectDetail, ProjectSummary, TertialReport, UnitSummary } from '@gevinst/domain/answers';
import { kr, number, percent, statusText, TertialReportSchema, VERDICT_LABEL } from '@gevinst/domain/report';
import { startTestGevinst, AS_ADMIN, TEST_ADMIN_TOKEN, type TestGevinst } from '../helpers';
import { tertialReportCommand } from '../../src/reports/cli';
import { loginAs } from '../login';
import { pdfPageCount } from '../../src/reports/pdf';
import { docxTables, docxText, docxXml, htmlTables, tableHeaded, type Rows } from './documents';

// The tertial report for the demo kommune, made by the real API (real SQLite, real Chromium): every
// figure in its documents is the API's for the same as-known-at instant.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-tertial-'));
let g: TestGevinst;
let units: UnitSummary[];
let kommune: string;
let asOf: string;
const TERTIAL = '2026-T2';

const byName = (name: string) => units.find((u) => u.name === name)!;
const name = (id: string) => units.find((u) => u.id === id)?.name ?? id;
const osloDate = (instant: string) => new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const download = async (path: string, headers: Record<string, string> = AS_ADMIN) => {
  const res = await fetch(g.url + path, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
};
const query = (unit = kommune, at = asOf) => `tertial=${TERTIAL}&unit=${encodeURIComponent(unit)}&asOf=${encodeURIComponent(at)}`;
const sorted = (rows: Rows) => [...rows].map((r) => r.join(' | ')).sort();

/** the rows each table of the report must hold, from the API's own answers for the same instant */
const expectedTables = async () => {
  const span = `from=${TERTIAL}&to=${TERTIAL}&asOf=${encodeURIComponent(asOf)}&org=${osloDate(asOf)}`;
  const portfolio = (await g.get<Portfolio>(`/api/portfolio?${span}&level=1`)).body;
  const total = (await g.get<Portfolio>(`/api/portfolio?${span}&level=0`)).body.rows.find((r) => r.unitId === kommune)!;
  const ledger = (await g.get<LedgerAnswer>(`/api/ledger?${span}&level=1`)).body;
  const balances = (await g.get<BalanceRow[]>(`/api/ledger/balances?${span}&level=1`)).body;
  const scorecard = (await g.get<GoalScorecard>(`/api/goals/scorecard?unitId=${kommune}`)).body;
  const projects = (await g.get<ProjectSummary[]>('/api/projects')).body;
  const benefits: { view: BenefitView; project: ProjectDetail }[] = [];
  for (const p of projects) {
    const detail = (await g.get<ProjectDetail>(`/api/projects/${p.id}`)).body;
    for (const view of detail.benefits) benefits.push({ view, project: detail });
  }
  const cell = (r: Portfolio['rows'][number]) => r.cells.find((c) => c.period === TERTIAL)!;
  const portfolioRow = (label: string, r: Portfolio['rows'][number]) => {
    const c = cell(r);
    return [label, statusText(c.status, c.pending), kr(c.plannedOre), kr(c.realisedOre), percent(c.achievementPct), percent(c.changePct)];
  };
  const balance = new Map(balances.map((b) => [b.unitId, b]));
  const red = benefits.filter(({ view }) => !view.cancelled && view.statusByPeriod.find((p) => p.period === TERTIAL)?.status === 'red');
  const opt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : number(v));
  const year = Number(TERTIAL.slice(0, 4));
  return {
    portfolio: [...portfolio.rows.map((r) => portfolioRow(name(r.unitId), r)), portfolioRow(`Sum ${name(kommune)}`, total)],
    ledger: ledger.units.map((u) => [name(u.unitId), kr(u.costsOre), kr(u.gainsReceivedOre), kr(u.gainsFromOthersOre), kr(u.gainsProducedForOthersOre), kr(u.netOre)]),
    balances: ledger.units.map((u) => {
      const b = balance.get(u.unitId)!;
      return [name(u.unitId), kr(b.withdrawnOre), kr(b.settledInOre), kr(b.settledOutOre), kr(b.openOre)];
    }),
    flows: ledger.flows.filter((f) => f.ore !== 0).map((f) => [name(f.fromUnitId), name(f.toUnitId), kr(f.ore)]),
    scorecard: scorecard.rows.map((r) => {
      const y = r.years.find((x) => x.year === year);
      const uom = y?.requirement?.unitOfMeasure;
      return [
        `${r.title}${uom ? ` (${uom})` : ''}`,
        opt(y?.requirement?.requiredValue),
        opt(y?.requirement?.desiredLimit),
        opt(y?.requirement?.acceptableLimit),
        opt(y?.result?.value),
        y?.verdict ? VERDICT_LABEL[y.verdict] : '–',
      ];
    }),
    unacceptable: red.map(({ view, project }) => {
      const c = view.statusByPeriod.find((p) => p.period === TERTIAL)!;
      return [view.title, project.name, name(view.recipientUnitId), view.owner ?? '–', kr(c.plannedOre), kr(c.realisedOre)];
    }),
    comments: red.map(({ view }) => {
      const c = view.statusByPeriod.find((p) => p.period === TERTIAL)!;
      return view.realisations.find((r) => r.period === TERTIAL)?.comment ?? view.comment ?? (c.unreported ? 'Ikke rapportert innen fristen' : '–');
    }),
    summary: { planned: kr(cell(total).plannedOre), realised: kr(cell(total).realisedOre), unacceptable: red.length },
  };
};

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
  units = (await g.get<UnitSummary[]>('/api/units')).body;
  kommune = byName('Fjordvik kommune').id;
  asOf = new Date().toISOString();
}, 120_000);
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tertial report (tertialrapport)', () => {
  it('states the instant it was made as known at, and its model holds the demo kommune’s tertial', async () => {
    const res = await g.get<TertialReport>(`/api/reports/tertial?${query()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-as-of')).toBe(new Date(asOf).toISOString());
    expect(res.body).toMatchObject({ tertial: TERTIAL, unit: { unitId: kommune, name: 'Fjordvik kommune' }, asOf: new Date(asOf).toISOString() });
    expect(TertialReportSchema.strict().safeParse(res.body).success).toBe(true);
    expect(res.body.portfolio.rows.length).toBeGreaterThan(2);
    expect(res.body.unacceptable.benefits.length).toBeGreaterThan(0);
    // without asOf: now, stated in the answer
    const now = await g.get<TertialReport>(`/api/reports/tertial?tertial=${TERTIAL}&unit=${kommune}`);
    expect(now.status).toBe(200);
    expect(now.headers.get('x-as-of')).toBe(now.body.asOf);
  });

  it('every figure of the HTML (which the PDF is printed from) and of the DOCX is the API’s for the same asOf', async () => {
    const expected = await expectedTables();
    const html = (await download(`/api/reports/tertial.html?${query()}`)).bytes.toString('utf8');
    const docx = (await download(`/api/reports/tertial.docx?${query()}`)).bytes;
    const xml = await docxXml(docx);
    for (const [label, tables] of [['html', htmlTables(html)], ['docx', docxTables(xml)]] as const) {
      const rows = (...header: string[]) => tableHeaded(tables, ...header).filter((r) => r.length > 1);
      expect(sorted(rows('Enhet', 'Status')), label).toEqual(sorted(expected.portfolio));
      expect(sorted(rows('Enhet', 'Kostnader')), label).toEqual(sorted(expected.ledger));
      expect(sorted(rows('Enhet', 'Gevinstuttak')), label).toEqual(sorted(expected.balances));
      expect(sorted(rows('Betalt av', 'Gevinst i')), label).toEqual(sorted(expected.flows));
      expect(sorted(rows('Mål / indikator', 'Krav')), label).toEqual(sorted(expected.scorecard));
      const unacceptable = rows('Gevinst', 'Prosjekt').map((r) => r.slice(0, 6));
      expect(sorted(unacceptable), label).toEqual(sorted(expected.unacceptable));
    }
    // the owners' comments, beside their benefits
    for (const comment of expected.comments) {
      expect(html).toContain(comment.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      expect(docxText(xml)).toContain(comment);
    }
    for (const text of [expected.summary.planned, expected.summary.realised]) {
      expect(html).toContain(text);
      expect(docxText(xml)).toContain(text);
    }
    // the kost/nytte section: the valuation's present values for the same projects (no event since asOf)
    const costBenefit = (await g.get<CostBenefitReportAnswer>('/api/cost-benefit?portfolio')).body;
    const report = (await g.get<TertialReport>(`/api/reports/tertial?${query()}`)).body;
    const line = (label: string) => report.costBenefit?.lines.find((l) => l.label === label)?.ore;
    for (const [label, scenario] of [['Planlagt', 'planned'], ['Prognose', 'forecast'], ['Realisert hittil', 'realised']] as const) {
      const expectedScenario = costBenefit.scenarios[scenario];
      expect(line(`${label}: nåverdi kostnader`)).toBe(expectedScenario.pvCostsOre);
      expect(line(`${label}: nåverdi prissatte gevinster`)).toBe(expectedScenario.pvBenefitsOre);
      expect(line(`${label}: netto nåverdi`)).toBe(expectedScenario.npvOre);
      for (const text of [`${label}: netto nåverdi`, kr(expectedScenario.npvOre)]) {
        expect(html).toContain(text);
        expect(docxText(xml)).toContain(text);
      }
    }
    // the Sankey and the målekort as figures (SVG) in the printed page
    expect(html.match(/<figure><svg /g)?.length).toBe(2);
  });

  it('prints a PDF with Chromium, and the same asOf gives the same DOCX, HTML and PDF content', async () => {
    const [a, b] = [await download(`/api/reports/tertial.pdf?${query()}`), await download(`/api/reports/tertial.pdf?${query()}`)];
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/pdf');
    expect(a.headers.get('content-disposition')).toContain(`tertialrapport-${TERTIAL}-`);
    expect(a.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
    expect(pdfPageCount(a.bytes)).toBeGreaterThanOrEqual(2);
    expect(pdfPageCount(b.bytes)).toBe(pdfPageCount(a.bytes));
    // the stated creation date is the report's instant, not the clock's
    const stamp = new Date(asOf).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    expect(a.bytes.toString('latin1')).toContain(`/CreationDate (D:${stamp}Z)`);
    expect(a.bytes.equals(b.bytes)).toBe(true);

    const [d1, d2] = [await download(`/api/reports/tertial.docx?${query()}`), await download(`/api/reports/tertial.docx?${query()}`)];
    expect(d1.status).toBe(200);
    expect(d1.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(d1.bytes.equals(d2.bytes)).toBe(true);
    const [h1, h2] = [await download(`/api/reports/tertial.html?${query()}`), await download(`/api/reports/tertial.html?${query()}`)];
    expect(h1.bytes.equals(h2.bytes)).toBe(true);
  }, 180_000);

  it('a later event does not change a report made with an earlier asOf, and shows in one made after it', async () => {
    const before = await g.get<TertialReport>(`/api/reports/tertial?${query()}`);
    const docx = (await download(`/api/reports/tertial.docx?${query()}`)).bytes;
    const unreported = before.body.unacceptable.benefits.find((b) => b.unreported)!;
    expect(unreported).toBeDefined();
    await g.created(`/api/benefits/${unreported.benefitId}/realisations`, { period: TERTIAL, quantity: 1_000_000, comment: 'Rapportert etter rapporten' });
    const again = await g.get<TertialReport>(`/api/reports/tertial?${query()}`);
    expect(again.body).toEqual(before.body);
    expect((await download(`/api/reports/tertial.docx?${query()}`)).bytes.equals(docx)).toBe(true);
    const later = await g.get<TertialReport>(`/api/reports/tertial?tertial=${TERTIAL}&unit=${kommune}`);
    expect(later.body.unacceptable.benefits.some((b) => b.benefitId === unreported.benefitId)).toBe(false);
    expect(later.body.summary.realisedOre).toBeGreaterThan(before.body.summary.realisedOre);
  });

  it('is for finance and management within their units: others get 403', async () => {
    const owner = { authorization: '', cookie: await loginAs(g.url, 'byggesak@fjordvik.kommune.no') };
    const health = { authorization: '', cookie: await loginAs(g.url, 'helsesjef@fjordvik.kommune.no') };
    const helse = byName('Helse og velferd').id;
    for (const ext of ['', '.pdf', '.docx', '.html']) {
      expect((await download(`/api/reports/tertial${ext}?${query()}`, owner)).status).toBe(403);
      expect((await download(`/api/reports/tertial${ext}?${query()}`, health)).status).toBe(403);
    }
    const own = await g.get<TertialReport>(`/api/reports/tertial?${query(helse)}`, health);
    expect(own.status).toBe(200);
    expect(own.body.unit.name).toBe('Helse og velferd');
    expect(own.body.portfolio.rows.every((r) => units.find((u) => u.id === r.unitId)?.parentId === helse || r.unitId === helse)).toBe(true);
    expect((await download(`/api/reports/tertial?${query()}`, { authorization: '' })).status).toBe(401);
  });

  it('answers a bad tertial, a missing unit or a bad asOf with 400 naming the field, in bokmål', async () => {
    const cases: [string, string][] = [
      [`tertial=2026-T4&unit=${kommune}`, 'tertial'],
      [`tertial=abc&unit=${kommune}`, 'tertial'],
      [`unit=${kommune}`, 'tertial'],
      [`tertial=${TERTIAL}`, 'unit'],
      [`tertial=${TERTIAL}&unit=${kommune}&asOf=i-går`, 'asOf'],
      [`tertial=${TERTIAL}&unit=${kommune}&unit=${kommune}`, 'unit'],
    ];
    for (const [q, field] of cases) {
      for (const ext of ['', '.pdf', '.docx']) {
        const res = await g.get<ErrorResponse>(`/api/reports/tertial${ext}?${q}`);
        expect(res.status, `${ext}?${q}`).toBe(400);
        expect(res.body.error.fields?.map((f) => f.path), q).toContain(field);
      }
    }
    const early = await g.get<ErrorResponse>(`/api/reports/tertial?tertial=${TERTIAL}&unit=${kommune}&asOf=2000-01-01`);
    expect(early.status).toBe(400);
    expect(early.body.error.fields?.[0]).toMatchObject({ path: 'unit', message: 'Enheten fantes ikke på dette tidspunktet' });
  });

  it('the command `gevinst tertialrapport` writes the same document as the button', async () => {
    const logs: string[] = [];
    const out = { log: (t: string) => logs.push(t), error: (t: string) => logs.push(t) };
    const env = { GEVINST_ADMIN_TOKEN: TEST_ADMIN_TOKEN };
    const file = join(g.dir, 'rapport.docx');
    const code = await tertialReportCommand(['--tertial', TERTIAL, '--unit', kommune, '--as-of', asOf, '--out', file, '--api', g.url], out, env);
    expect(code, logs.join('\n')).toBe(0);
    expect(readFileSync(file).equals((await download(`/api/reports/tertial.docx?${query()}`)).bytes)).toBe(true);
    expect(await tertialReportCommand(['--tertial', '2026-T9', '--unit', kommune, '--out', file, '--api', g.url], out, env)).toBe(1);
    expect(logs.at(-1)).toContain('tertial');
    expect(await tertialReportCommand(['--tertial', TERTIAL, '--unit', kommune, '--out', 'rapport.txt'], out, env)).toBe(2);
  });
});
