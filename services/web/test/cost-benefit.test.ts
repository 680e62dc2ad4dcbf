import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE, OWNER } from './people';

/**
 * Kost/nytte and valuation from finance's side: a benefit of freed hours at the receiving unit's
 * timesats (with its source) on the benefit page, and the «Kost/nytte» page for the project and the
 * portfolio: present values, payback year, yearly flows and sensitivity, in Norwegian number formats.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

const NBSP = '\u00a0';

describe('kost/nytte', () => {
  it('økonomi ser gevinstens verdi i kroner med timesats og kilde, og kost/nytte for prosjektet og porteføljen', async () => {
    const arranged = await j.arrangeBenefit({ plan: [{ period: '2026-T1', quantity: 100 }] });
    await j.send(`/api/units/${arranged.bygg}/hourly-rates`, {
      year: 2026,
      rateOre: 61_200,
      source: { wageOre: 43_700, employerContributionOre: 6_200, socialCostsOre: 11_300, note: 'KS lønnsstatistikk 2026' },
    });
    await j.send(`/api/projects/${arranged.project}/costs`, { payerUnitId: arranged.digital, amountOre: 5_000_000, period: '2026', kind: 'one-off' });
    await j.grant(FINANCE.email, 'finance', arranged.kommune);
    const { page } = j;

    // the benefit page: 100 hours × kr 612 = kr 61 200, with the rate's year, unit and source
    await page.goto(j.url(`/gevinster/${arranged.benefit}`));
    await j.useUser(FINANCE.email);
    const value = page.getByRole('region', { name: 'Verdi i kroner per år' });
    await value.waitFor({ timeout: 30_000 });
    await expect.poll(() => value.textContent(), { timeout: 30_000 }).toContain(
      `100 timer × kr${NBSP}612 = kr${NBSP}61${NBSP}200, timesats 2026 for Byggesak, kilde: KS lønnsstatistikk 2026`,
    );
    await expect.poll(() => page.getByRole('heading', { name: 'Verdi i kroner (timesats)' }).count()).toBe(1);

    // the Kost/nytte page from the menu: the portfolio first, then the project
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kost/nytte' }).click();
    await page.waitForURL(/\/kost-nytte$/);
    await page.getByRole('heading', { name: 'Porteføljen' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Prosjekt').selectOption({ label: 'Digital byggesak' });
    await page.getByLabel('Analyseperiode (år)', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Beregn' }).click();
    await page.waitForURL(/prosjekt=.*ar=5/);
    await page.getByRole('heading', { name: 'Digital byggesak' }).waitFor({ timeout: 30_000 });

    const summary = page.locator('table.cost-benefit-summary');
    const rowText = async (table: typeof summary, header: string) =>
      (await table.locator('tr', { has: page.getByRole('rowheader', { name: header, exact: true }) }).first().textContent()) ?? '';
    // 2026 is year 0: kr 50 000 of costs and kr 61 200 of freed time, neither discounted
    await expect.poll(() => rowText(summary, 'Nåverdi av kostnader (uten mva)'), { timeout: 30_000 }).toContain(`kr${NBSP}50${NBSP}000`);
    expect(await rowText(summary, 'Nåverdi av prissatte gevinster')).toContain(`kr${NBSP}61${NBSP}200`);
    expect(await rowText(summary, 'Netto nåverdi')).toContain(`kr${NBSP}11${NBSP}200`);
    expect(await rowText(summary, 'Tilbakebetalingsår')).toContain('2026');

    const years = page.locator('table.cost-benefit-years');
    expect(await years.locator('tbody tr').count()).toBe(5);
    // the discount factor with a decimal comma: 1 / 1,04 = 0,9615
    expect(await rowText(years, '2027')).toContain('0,9615');
    const sensitivity = page.locator('table.cost-benefit-sensitivity');
    expect(await sensitivity.locator('tbody tr').count()).toBe(6);
    // gains −20 %: kr 48 960 − kr 50 000 = −kr 1 040
    expect(await rowText(sensitivity, 'Gevinster −20 %')).toContain(`\u2212kr${NBSP}1${NBSP}040`);
    await expect.poll(() => page.locator('.cost-benefit-assumptions').textContent()).toContain('kalkulasjonsrente 4 %');
    expect(await page.locator('.rates-used').textContent()).toContain(`Byggesak 2026: kr${NBSP}612 per time, kilde: KS lønnsstatistikk 2026`);
    await j.check('kost-nytte-prosjekt');
    await j.checkNarrow('kost-nytte-prosjekt');
  }, 180_000);

  it('økonomi setter installasjonens standardverdier og en prisindeks i skjemaet; analysen regnes med dem, og feil sies på norsk', async () => {
    const { page } = j;
    await page.goto(j.url('/kost-nytte'));
    await j.useUser(FINANCE.email);
    const defaults = page.getByRole('form', { name: 'Standardverdier for kost/nytte' });
    await defaults.waitFor({ timeout: 30_000 });
    const rate = page.locator('#f-kost-nytte-standard-discountRatePct');
    const years = page.locator('#f-kost-nytte-standard-analysisYears');
    // DFØ's defaults shown until the installation sets its own
    expect(await rate.inputValue()).toBe('4');
    expect(await years.inputValue()).toBe('10');

    // not a number: refused in the page, nothing sent
    await rate.fill('fire');
    await defaults.getByRole('button', { name: 'Lagre standardverdiene' }).click();
    await j.expectFieldError('f-kost-nytte-standard-discountRatePct', /Må være et tall/);
    // beyond 40 years: the API's reason, beside the field
    await rate.fill('3');
    await years.fill('45');
    await defaults.getByRole('button', { name: 'Lagre standardverdiene' }).click();
    await j.expectFieldError('f-kost-nytte-standard-analysisYears', /over 40 år/);
    expect((await j.get<{ defaultsSet: boolean }>('/api/cost-benefit/settings')).defaultsSet).toBe(false);

    await years.fill('5');
    await defaults.getByRole('button', { name: 'Lagre standardverdiene' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Standardverdiene er lagret.' }).count(), { timeout: 30_000 }).toBe(1);
    const stored = await j.get<{ defaults: { discountRatePct: number; analysisYears: number }; defaultsSet: boolean }>('/api/cost-benefit/settings');
    expect(stored).toMatchObject({ defaultsSet: true, defaults: { discountRatePct: 3, analysisYears: 5 } });
    // the analysis above is computed again with them: 3 % over 5 years, 1 / 1,03 = 0,9709 in the second year
    await expect.poll(() => page.locator('.cost-benefit-assumptions').textContent(), { timeout: 30_000 }).toContain('kalkulasjonsrente 3 %');
    expect(await page.locator('.cost-benefit-assumptions').textContent()).toContain('installasjonens standardverdier');
    const years2027 = page.locator('table.cost-benefit-years tr', { has: page.getByRole('rowheader', { name: '2027', exact: true }) });
    await expect.poll(() => years2027.textContent(), { timeout: 30_000 }).toContain('0,9709');
    expect(await page.locator('table.cost-benefit-years tbody tr').count()).toBe(5);

    // a price index, with a decimal comma
    const index = page.getByRole('form', { name: 'Prisindeks for et år' });
    await page.locator('#f-prisindeks-year').fill('2026');
    await page.locator('#f-prisindeks-index').fill('112,4');
    await page.locator('#f-prisindeks-source').fill('SSB, KPI årsgjennomsnitt 2026');
    await index.getByRole('button', { name: 'Lagre prisindeksen' }).click();
    const indexRow = page.locator('table.price-indexes tr', { has: page.getByRole('rowheader', { name: '2026', exact: true }) });
    await expect.poll(() => indexRow.textContent(), { timeout: 30_000 }).toContain('112,4');
    expect(await indexRow.textContent()).toContain('SSB, KPI årsgjennomsnitt 2026');
    expect((await j.get<{ priceIndex: { year: number; index: number }[] }>('/api/cost-benefit/settings')).priceIndex).toEqual([
      expect.objectContaining({ year: 2026, index: 112.4 }),
    ]);
    await j.check('kost-nytte-innstillinger');

    // a benefit owner sees the analysis but not the settings
    await j.useUser(OWNER.email);
    await page.getByRole('heading', { name: 'Kost/nytte', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByRole('form', { name: 'Parametre' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Innstillinger for kost/nytte' }).count()).toBe(0);
  }, 180_000);
});
