import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE, LEADER, OWNER } from './people';

/**
 * The owner and the project leader change a benefit after it is planned: a new forecast, a corrected
 * realisation, a new owner, and at last a cancellation they must confirm. The unit's controller sets
 * the hourly rate from its sources and records a benefit nobody planned. Each refusal shows beside its
 * field and leaves the store as it was.
 */

const j = new Journey();
const ids = { kommune: '', bygg: '', digital: '', project: '', benefit: '' };

interface Benefit {
  owner: string;
  cancelled: boolean;
  plan: { period: string; quantity: number }[];
  realisations: { period: string; quantity: number; corrected: boolean }[];
}
const benefit = () => j.get<Benefit>(`/api/benefits/${ids.benefit}`);

beforeAll(() => j.launch());

// each test starts from this benefit on a fresh server, logged in as no one
beforeEach(async () => {
  await j.open();
  Object.assign(ids, await j.arrangeBenefit({ plan: [{ period: '2026-T1', quantity: 100 }, { period: '2026-T2', quantity: 200 }] }));
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 120 });
  // the unit's controller: finance for the municipality
  await j.grant(FINANCE.email, 'finance', ids.kommune);
});

afterEach(() => j.close());
afterAll(() => j.stop());

describe('endringer på gevinsten', () => {
  it('reviderer prognosen: begrunnelse kreves ved feltet; ny plan lagres', async () => {
    const page = j.page;
    await j.page.goto(j.url(`/gevinster/${ids.benefit}`));
    await j.useUser(LEADER.email);
    await j.check('20-gevinst-endringer');
    expect(await page.locator('#f-prognose-plan-1-quantity').inputValue()).toBe('200');
    await page.locator('#f-prognose-plan-1-quantity').fill('150');
    await page.getByRole('button', { name: 'Lagre ny prognose' }).click();
    await j.expectFieldError('f-prognose-reason', /Må fylles ut/);
    await j.check('20b-gevinst-prognose-feil');
    expect((await benefit()).plan.map((p) => p.quantity)).toEqual([100, 200]);

    await page.locator('#f-prognose-reason').fill('Fagsystemet kom senere enn planlagt');
    await page.getByRole('button', { name: 'Lagre ny prognose' }).click();
    await expect.poll(async () => (await benefit()).plan.map((p) => [p.period, p.quantity])).toEqual([['2026-T1', 100], ['2026-T2', 150]]);
    await expect.poll(() => page.locator('#f-prognose-plan-1-quantity').inputValue()).toBe('150');
  });

  it('korrigerer en realisering: mengden må være et tall, begrunnelse kreves; korrigeringen lagres og vises', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}`));
    await j.useUser(OWNER.email);
    expect(await page.locator('#f-korriger-period').inputValue()).toBe('2026-T1');
    await page.locator('#f-korriger-quantity').fill('mange');
    await page.getByRole('button', { name: 'Lagre korrigering' }).click();
    await j.expectFieldError('f-korriger-quantity', /tall/);
    await page.locator('#f-korriger-quantity').fill('110');
    await page.getByRole('button', { name: 'Lagre korrigering' }).click();
    await j.expectFieldError('f-korriger-reason', /Må fylles ut/);
    expect((await benefit()).realisations).toEqual([expect.objectContaining({ period: '2026-T1', quantity: 120, corrected: false })]);

    await page.locator('#f-korriger-reason').fill('Dobbelttelte saker i januar');
    await page.getByRole('button', { name: 'Lagre korrigering' }).click();
    await expect.poll(async () => (await benefit()).realisations).toEqual([expect.objectContaining({ period: '2026-T1', quantity: 110, corrected: true })]);
    // the realised benefit's table: planned 100, realised 110 marked as corrected, valued kr 71 500, judged on 110
    await page.getByRole('row', { name: /2026 T1\s+100\s+110 \(korrigert\)\s+110\s%\s+kr\s65\s000\s+kr\s71\s500\s+Ønsket realisert 110 av planlagt 100/ }).waitFor();
  });

  it('prosjektlederen bytter gevinsteier: ugyldig e-post avvises ved feltet', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}`));
    await j.useUser(LEADER.email);
    await page.locator('#f-eier-owner').fill('ny eier');
    await page.getByRole('button', { name: 'Bytt gevinsteier' }).click();
    await j.expectFieldError('f-eier-owner', /e-post/i);
    expect((await benefit()).owner).toBe(OWNER.email);
    await page.locator('#f-eier-owner').fill('ny.eier@testkommune.no');
    await page.getByRole('button', { name: 'Bytt gevinsteier' }).click();
    await expect.poll(async () => (await benefit()).owner).toBe('ny.eier@testkommune.no');
    await page.getByText('ny.eier@testkommune.no', { exact: true }).first().waitFor();
  });

  it('kansellerer gevinsten etter bekreftelse; «Nei» lar den stå', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}`));
    await j.useUser(LEADER.email);
    await page.getByRole('button', { name: 'Kanseller gevinsten …' }).click();
    await j.expectFieldError('f-kanseller-reason', /Må fylles ut/);
    await page.locator('#f-kanseller-reason').fill('Byggesak legges ned og oppgaven flyttes til staten');
    await page.getByRole('button', { name: 'Kanseller gevinsten …' }).click();
    const dialog = page.getByRole('alertdialog', { name: /Vil du kansellere «Raskere byggesaksbehandling»\?/ });
    await dialog.waitFor();
    await j.check('21-gevinst-kanseller-bekreft');
    await j.checkNarrow('21-gevinst-kanseller-bekreft');
    await dialog.getByRole('button', { name: 'Nei, behold den' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await benefit()).cancelled).toBe(false);

    await page.locator('#f-kanseller-reason').fill('Byggesak legges ned og oppgaven flyttes til staten');
    await page.getByRole('button', { name: 'Kanseller gevinsten …' }).click();
    await page.getByRole('button', { name: 'Ja, kanseller gevinsten' }).click();
    await page.getByText('Gevinsten er kansellert.').waitFor();
    expect((await benefit()).cancelled).toBe(true);
    expect(await page.getByRole('button', { name: 'Lagre ny prognose' }).count()).toBe(0);
    await j.check('22-gevinst-kansellert');
  });
});

describe('enhetens timesats og ikke-planlagte gevinster', () => {
  it('setter timesats for et år fra lønn, arbeidsgiveravgift og sosiale kostnader', async () => {
    const page = j.page;
    await j.page.goto(j.url(`/enheter/${ids.bygg}`));
    await j.useUser(FINANCE.email);
    await j.visit('23-enhet-handlinger', `/enheter/${ids.bygg}`);
    await page.locator('#f-timesats-year').fill('26');
    await page.locator('#f-timesats-wageOre').fill('437');
    await page.locator('#f-timesats-employerContributionOre').fill('62');
    await page.locator('#f-timesats-socialCostsOre').fill('146');
    await page.getByRole('button', { name: 'Lagre timesats' }).click();
    await j.expectFieldError('f-timesats-year', /fire sifre/);
    await page.locator('#f-timesats-year').fill('2026');
    await page.locator('#f-timesats-note').fill('KS lønnsstatistikk 2026');
    await page.getByRole('button', { name: 'Lagre timesats' }).click();
    await page.getByRole('row', { name: /2026\s+kr\s645\s+kr\s437\s+kr\s62\s+kr\s146\s+KS lønnsstatistikk 2026/ }).waitFor();
    const unit = await j.get<{ hourlyRates: { year: number; rateOre: number; source: Record<string, unknown> }[] }>(`/api/units/${ids.bygg}`);
    expect(unit.hourlyRates).toEqual([expect.objectContaining({
      year: 2026, rateOre: 64_500, source: { wageOre: 43_700, employerContributionOre: 6_200, socialCostsOre: 14_600, note: 'KS lønnsstatistikk 2026' },
    })]);
  });

  it('registrerer en ikke-planlagt gevinst; ugyldig periode avvises ved feltet', async () => {
    const page = j.page;
    await page.goto(j.url(`/enheter/${ids.bygg}`));
    await j.useUser(FINANCE.email);
    await page.locator('#f-uplanlagt-title').fill('Færre klager på byggesaker');
    await page.locator('#f-uplanlagt-projectId').selectOption(ids.project);
    await page.locator('#f-uplanlagt-period').fill('2026-T9');
    await page.locator('#f-uplanlagt-quantity').fill('40');
    await page.locator('#f-uplanlagt-unitOfMeasure').fill('timer');
    await page.locator('#f-uplanlagt-valueOre').fill('26 000');
    await page.locator('#f-uplanlagt-description').fill('Klagebehandling gikk ned etter ny veileder; 40 timer à kr 650');
    await page.getByRole('button', { name: 'Registrer ikke-planlagt gevinst' }).click();
    await j.expectFieldError('f-uplanlagt-period', /periode/i);
    await j.check('23b-enhet-uplanlagt-feil');
    const before = await j.get<{ benefits: unknown[] }>(`/api/projects/${ids.project}`);
    expect(before.benefits).toHaveLength(1);

    await page.locator('#f-uplanlagt-period').fill('2026-T2');
    await page.getByRole('button', { name: 'Registrer ikke-planlagt gevinst' }).click();
    const link = page.getByRole('status').getByRole('link', { name: 'Færre klager på byggesaker' });
    await link.waitFor();
    const id = (await link.getAttribute('href'))!.split('/').pop()!;
    const project = await j.get<{ benefits: { id: string; title: string; recipientUnitId: string; unplanned: boolean; realisations: { period: string; valueOre: number }[] }[] }>(`/api/projects/${ids.project}`);
    expect(project.benefits.find((b) => b.id === id)).toMatchObject({
      title: 'Færre klager på byggesaker', recipientUnitId: ids.bygg, unplanned: true,
      realisations: [expect.objectContaining({ period: '2026-T2', valueOre: 2_600_000 })],
    });
    await j.check('23-enhet-handlinger');
    await j.checkNarrow('23-enhet-handlinger');
  });
});
