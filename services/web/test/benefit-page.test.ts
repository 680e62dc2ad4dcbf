import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { Journey } from './harness';
import { LEADER, MANAGEMENT, OTHER_OWNER } from './people';

/**
 * The benefit page keeps the indicator (målt verdi: 1 200 → 800 tilsynsbesøk per uke) apart from the
 * realised benefit (besøk spart per tertial against the plan, in kroner), and every figure, status and
 * reason on it is the API's. The project's status report shows the same figures. The API's clock is
 * the test's: 20 November 2026, so 2026-T1 and 2026-T2 are judged and 2026-T3 is not yet due.
 */

const j = new Journey();
const ids = { kommune: '', helse: '', hjemme: '', project: '', visits: '', courses: '' };
const NOW = '2026-11-20T10:00:00.000Z';

interface PeriodStatus { period: string; status: 'green' | 'yellow' | 'red' | null; pending: boolean; plannedQuantity: number; realisedQuantity: number | null; plannedOre: number; realisedOre: number; dueDate: string; unreported: boolean }
interface BenefitView {
  id: string; title: string; cancelled: boolean; achievementPct: number | null; baseline: number | null; target: number | null;
  plan: { period: string; quantity: number; plannedOre: number }[];
  realisations: { period: string; quantity: number; valueOre: number }[];
  statusByPeriod: PeriodStatus[];
}

const number = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
/** the page's spaces (no-break, narrow no-break) as plain ones */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const n = (value: number) => plain(number.format(value));
const kr = (ore: number) => plain(`kr ${number.format(Math.round(ore) / 100)}`);
const periodText = (period: string) => period.replace('-', ' ');
const date = (iso: string) => iso.split('-').reverse().join('.');
const STATUS_WORD = { green: 'Ønsket', yellow: 'Akseptabelt', red: 'Uakseptabelt' } as const;

beforeAll(async () => {
  await j.start({ clock: () => NOW });
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.helse = await j.send('/api/units', { name: 'Helse og velferd', parentId: ids.kommune });
  ids.hjemme = await j.send('/api/units', { name: 'Hjemmetjenesten', parentId: ids.helse });
  await j.grant(MANAGEMENT.email, 'management', ids.kommune);
  ids.project = await j.send('/api/projects', { name: 'Velferdsteknologi', ownerUnitId: ids.helse, projectLeader: LEADER.email, thresholds: { greenPct: 100, yellowPct: 80 } });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.helse, amountOre: 120_000_000, period: '2026-T1', kind: 'one-off', description: 'Sensorer og responssenter' });
  await j.send(`/api/projects/${ids.project}/phase`, { phase: 'execution' });
  // the indicator is a level (visits per week); the benefit is visits saved per tertial: same word, not the same figure
  ids.visits = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Færre fysiske tilsynsbesøk', recipientUnitId: ids.hjemme, owner: OTHER_OWNER.email, indicator: 'Tilsynsbesøk per uke',
    unitOfMeasure: 'besøk', direction: 'decrease', category: 'budget', cashReleasing: true, valuationOrePerUnit: 45_000,
    baseline: 1200, target: 800, targetDate: '2026-12-31', measurementSchedule: 'tertial',
    plan: [{ period: '2025-T3', quantity: 1200 }, { period: '2026-T1', quantity: 1000 }, { period: '2026-T2', quantity: 1400 }, { period: '2026-T3', quantity: 1400 }],
  });
  await j.send(`/api/benefits/${ids.visits}/baseline`, { value: 1200, measuredOn: '2024-12-31' });
  await j.send(`/api/benefits/${ids.visits}/realisations`, { period: '2025-T3', quantity: 1020 }); // 85 %: akseptabelt
  await j.send(`/api/benefits/${ids.visits}/realisations`, { period: '2026-T1', quantity: 1100 }); // above plan: ønsket
  // 2026-T2: nothing reported by 14 September: uakseptabelt, as not reported
  await j.send(`/api/benefits/${ids.visits}/measurements`, { value: 1010, measuredOn: '2025-12-31' });
  await j.send(`/api/benefits/${ids.visits}/measurements`, { value: 1030, measuredOn: '2026-06-30' });
  // a cancelled benefit whose indicator was measured: an achievement, and no status
  ids.courses = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Bedre dokumentert kompetanse', recipientUnitId: ids.hjemme, owner: OTHER_OWNER.email, indicator: 'Andel ansatte med fullført kurs',
    unitOfMeasure: 'prosent', direction: 'increase', category: 'unpriced', cashReleasing: false, valuationOrePerUnit: null,
    baseline: 35, target: 90, targetDate: '2026-12-31', plan: [{ period: '2026-T1', quantity: 10 }],
  });
  await j.send(`/api/benefits/${ids.courses}/baseline`, { value: 35, measuredOn: '2024-12-31' });
  await j.send(`/api/benefits/${ids.courses}/measurements`, { value: 58, measuredOn: '2025-12-31' });
  await j.send(`/api/benefits/${ids.courses}/cancel`, { reason: 'Erstattes av nasjonal statistikk' });
}, 240_000);

afterAll(() => j.stop());

const benefit = (id: string) => j.get<BenefitView>(`/api/benefits/${id}`);
const section = (name: RegExp) => j.page.getByRole('region', { name });

/** The status beside a period agrees with the period's own figures, as the API gives them. */
async function expectStatusMatchesFigures(cell: Locator, s: PeriodStatus) {
  const text = plain(await cell.textContent());
  if (s.pending) {
    expect(text).toContain('Ikke forfalt');
    expect(text).toContain(`frist ${date(s.dueDate)}`);
    return;
  }
  expect(s.status, `${s.period} er vurdert`).not.toBeNull();
  const word = STATUS_WORD[s.status!];
  expect(text.startsWith(`${s.status === 'green' ? '✓' : s.status === 'yellow' ? '!' : '✕'} ${word}`), `${s.period}: ${text}`).toBe(true);
  if (s.unreported) {
    expect(s.realisedQuantity).toBeNull();
    expect(text).toContain(`ikke rapportert innen fristen ${date(s.dueDate)}`);
  } else {
    const share = ((s.realisedQuantity ?? 0) / s.plannedQuantity) * 100;
    expect(text).toContain(`realisert ${n(s.realisedQuantity ?? 0)} av planlagt ${n(s.plannedQuantity)} besøk (${plain(pct.format(share))} %)`);
    // the word follows from the figures and the project's limits (100 % / 80 %)
    expect(word).toBe(share >= 100 ? 'Ønsket' : share >= 80 ? 'Akseptabelt' : 'Uakseptabelt');
  }
}

describe('gevinstsiden skiller indikatoren fra realisert gevinst, og tallene stemmer med API-et', () => {
  it('to merkede deler: indikatoren (nullpunkt → mål, målinger) og realisert gevinst (plan mot realisert, kroner), hver med sin graf', async () => {
    await j.useUser(MANAGEMENT.email);
    await j.visit('50-gevinst-indikator-og-realisert', `/gevinster/${ids.visits}`);
    const indicator = section(/^Indikator: målt verdi$/);
    const realised = section(/^Realisert gevinst: plan mot realisert$/);
    await indicator.waitFor();
    await realised.waitFor();
    expect(plain(await indicator.locator('.explain').textContent())).toMatch(/Tilsynsbesøk per uke.*ikke den realiserte gevinsten/);
    expect(plain(await realised.locator('.explain').textContent())).toMatch(/tatt ut per periode, i besøk, mot det som er planlagt.*kr 450 per besøk/);

    // the indicator's figures: baseline → target and the latest measurement, with the API's achievement
    const b = await benefit(ids.visits);
    const figures = plain(await indicator.locator('.figures').textContent());
    expect(figures).toContain(`Nullpunkt${n(1200)} besøk (målt 31.12.2024)`);
    expect(figures).toContain(`Mål${n(800)} besøk innen 31.12.2026`);
    expect(figures).toContain(`Siste måling${n(1030)} besøk (30.06.2026)`);
    expect(b.achievementPct).toBe(42.5);
    expect(figures).toMatch(/Måloppnåelse43 % av veien fra nullpunkt til mål/);
    // each part has its own chart: the indicator's measurements, and the plan against the realisation
    expect(await indicator.locator(`[data-testid="indicator-chart-${ids.visits}"] svg`).count()).toBe(1);
    expect(await realised.locator(`[data-testid="benefit-chart-${ids.visits}"] svg`).count()).toBe(1);
    expect(await indicator.locator('[data-testid^="benefit-chart-"]').count()).toBe(0);
    expect(await indicator.locator(`[data-testid="indicator-chart-${ids.visits}"]`).getAttribute('aria-label')).toMatch(/måling 30\.06\.2026: 1.030; mål 800/);
    // the realised part never shows the indicator's baseline → target as its figures
    expect(plain(await realised.textContent())).not.toContain(`${n(1200)} → ${n(800)}`);
    await j.checkNarrow('50-gevinst-indikator-og-realisert');
  });

  it('planlinjene på siden er API-ets plan, og status ved hver linje følger linjens egne tall', async () => {
    await j.useUser(MANAGEMENT.email);
    await j.page.goto(j.url(`/gevinster/${ids.visits}`));
    const realised = section(/^Realisert gevinst: plan mot realisert$/);
    const table = realised.getByRole('table', { name: /Realisert gevinst per periode/ });
    await table.waitFor();
    const b = await benefit(ids.visits);
    expect(b.statusByPeriod.map((s) => [s.period, s.status, s.unreported])).toEqual([
      ['2025-T3', 'yellow', false], ['2026-T1', 'green', false], ['2026-T2', 'red', true], ['2026-T3', null, false],
    ]);
    const chart = await realised.locator(`[data-testid="benefit-chart-${ids.visits}"]`).getAttribute('aria-label');
    for (const s of b.statusByPeriod) {
      const plan = b.plan.find((p) => p.period === s.period);
      const real = b.realisations.find((r) => r.period === s.period);
      const row = table.locator(`tr[data-period="${s.period}"]`);
      expect(plain(await row.locator('[data-col="planned"]').textContent()), `plan ${s.period}`).toBe(n(plan!.quantity));
      expect(plain(await row.locator('[data-col="realised"]').textContent()), `realisert ${s.period}`).toBe(real ? n(real.quantity) : '–');
      expect(plain(await row.textContent())).toContain(kr(plan!.plannedOre));
      if (real) expect(plain(await row.textContent())).toContain(kr(real.valueOre));
      expect(plain(chart)).toContain(`${periodText(s.period)}: plan ${n(plan!.quantity)}, realisert ${real ? n(real.quantity) : '–'}`);
      await expectStatusMatchesFigures(row.locator('[data-col="status"]'), s);
    }

    // the status at the top is the latest judged period's, named, with its reason: 2026-T2, not reported
    const figures = plain(await realised.locator('.figures').textContent());
    expect(figures).toContain(`Status2026 T2: ✕ Uakseptabelt ikke rapportert innen fristen 14.09.2026`);
    // to date: 2025-T3, 2026-T1 and the overdue 2026-T2 (counted as 0); 2026-T3 is still ahead
    expect(figures).toContain(`Planlagt hittil${n(3600)} besøk (${kr(3600 * 45_000)})`);
    expect(figures).toContain(`Realisert hittil${n(2120)} besøk (${kr(2120 * 45_000)})`);
    expect(figures).toContain(`Avvik hittil\u2212${n(1480)} besøk`);
    expect(figures).toContain('Neste frist2026 T3: 14.01.2027');
    expect(plain(await j.page.locator('main').textContent())).not.toContain('Ikke målt');
  });

  it('en kansellert gevinst med måling: måloppnåelsen står, og statusen sier «Kansellert», ikke «Ikke målt»', async () => {
    await j.useUser(MANAGEMENT.email);
    await j.visit('51-gevinst-kansellert', `/gevinster/${ids.courses}`);
    const b = await benefit(ids.courses);
    expect(b.cancelled).toBe(true);
    expect(Math.round(b.achievementPct!)).toBe(42);
    const indicator = section(/^Indikator: målt verdi$/);
    expect(plain(await indicator.locator('.figures').textContent())).toMatch(/Måloppnåelse42 %/);
    const realised = section(/^Realisert gevinst: plan mot realisert$/);
    expect(plain(await realised.locator('.figures').textContent())).toContain('Status– Kansellert');
    expect(plain(await realised.locator('tr[data-period="2026-T1"] [data-col="status"]').textContent())).toBe('– Kansellert gevinsten er kansellert');
    expect(plain(await j.page.locator('main').textContent())).not.toContain('Ikke målt');
  });
});

describe('statusrapporten for prosjektet', () => {
  it('lenket fra prosjektsiden; fase, eier, leder, kostnader, hver gevinst med planlagt mot realisert hittil, status, frist og siste endringer', async () => {
    await j.useUser(MANAGEMENT.email);
    await j.page.goto(j.url(`/prosjekter/${ids.project}`));
    await Promise.all([j.page.waitForURL(/\/status$/), j.page.getByRole('link', { name: 'Statusrapport' }).click()]);
    await j.page.getByRole('heading', { level: 1, name: 'Statusrapport: Velferdsteknologi' }).waitFor();
    await j.check('52-statusrapport');
    const main = j.page.locator('main');
    expect(plain(await main.locator('.report-date').textContent())).toMatch(/^Statusrapport per \d{2}\.\d{2}\.\d{4}$/);
    const facts = plain(await main.locator('.facts').textContent());
    expect(facts).toContain('FaseGjennomføring');
    expect(facts).toContain('ProsjekteierHelse og velferd');
    expect(facts).toContain(`Prosjektleder${LEADER.email}`);
    expect(facts).toContain(`Kostnader i alt${kr(120_000_000)}`);
    expect(facts).toMatch(/Samlet status \(verste vurderte periode\)✕ Uakseptabelt/);

    const visits = main.locator(`tr[data-benefit="${ids.visits}"]`);
    expect(plain(await visits.locator('[data-col="planned"]').textContent())).toBe(`${n(3600)} besøk${kr(3600 * 45_000)}`);
    expect(plain(await visits.locator('[data-col="realised"]').textContent())).toBe(`${n(2120)} besøk${kr(2120 * 45_000)}`);
    expect(plain(await visits.locator('[data-col="variance"]').textContent())).toMatch(new RegExp(`^\u2212${n(1480)} besøk`));
    expect(plain(await visits.locator('[data-col="status"]').textContent())).toBe('2026 T2: ✕ Uakseptabelt ikke rapportert innen fristen 14.09.2026 (regnes som 0)');
    expect(plain(await visits.locator('[data-col="next"]').textContent())).toBe('2026 T3: 14.01.2027');
    expect(plain(await visits.locator('[data-col="achievement"]').textContent())).toBe('43 %');
    const courses = main.locator(`tr[data-benefit="${ids.courses}"]`);
    expect(plain(await courses.locator('[data-col="status"]').textContent())).toBe('– Kansellert');
    expect(plain(await courses.locator('[data-col="planned"]').textContent())).toBe('Kansellert: regnes ikke med i plan og regnskap');
    expect(plain(await courses.locator('[data-col="achievement"]').textContent())).toBe('42 %');

    const overdue = plain(await j.page.getByRole('region', { name: 'Forfalt og ikke rapportert' }).textContent());
    expect(overdue).toContain('Færre fysiske tilsynsbesøk, 2026 T2: frist 14.09.2026');
    const changes = j.page.getByRole('region', { name: 'Siste endringer' }).locator('li');
    await changes.first().waitFor();
    expect(plain(await changes.first().textContent())).toMatch(/Bedre dokumentert kompetanse: Kansellerte gevinsten/);
    await j.checkNarrow('52-statusrapport');
  });

  it('på papir: bare rapporten, uten meny og knapper', async () => {
    await j.useUser(MANAGEMENT.email);
    await j.page.goto(j.url(`/prosjekter/${ids.project}/status`));
    await j.page.locator('.status-report').waitFor();
    await j.page.emulateMedia({ media: 'print' });
    try {
      expect(await j.page.locator('.site-header').isVisible()).toBe(false);
      expect(await j.page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
      expect(await j.page.locator('.report-date').isVisible()).toBe(true);
      expect(await j.page.locator(`tr[data-benefit="${ids.visits}"]`).isVisible()).toBe(true);
    } finally {
      await j.page.emulateMedia({ media: 'screen' });
    }
  });
});
