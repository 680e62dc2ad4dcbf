import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE, LEADER, MANAGEMENT, OWNER } from './people';

/**
 * "Slik organisasjonen var": Skolen lies under Oppvekst and is planned to move to Helse from
 * 1 September 2026 (the clock is 5 May). On Økonomi the finance officer sees the T1 gain under
 * Oppvekst by today's organisation (the default, named), under Helse by the organisation of
 * 1 October, and under Oppvekst per period; the choice is kept in the address. On the unit's page
 * the planned move is listed and annulled with a reason.
 */

const j = new Journey();
const ids = { kommune: '', oppvekst: '', helse: '', skole: '', digital: '', project: '', benefit: '' };
const SPAN = 'fra=2026-T1&til=2026-T1&niva=1';
const now = '2026-05-05T10:00:00.000Z';

beforeAll(async () => {
  await j.start({ clock: () => now });
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.oppvekst = await j.send('/api/units', { name: 'Oppvekst', parentId: ids.kommune });
  ids.helse = await j.send('/api/units', { name: 'Helse', parentId: ids.kommune });
  ids.digital = await j.send('/api/units', { name: 'Digitalisering', parentId: ids.kommune });
  ids.skole = await j.send('/api/units', { name: 'Skolen', parentId: ids.oppvekst });
  ids.project = await j.send('/api/projects', { name: 'Digital skole', ownerUnitId: ids.digital, projectLeader: LEADER.email });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.digital, amountOre: 5_000_000, period: '2026-T1', kind: 'one-off' });
  ids.benefit = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Mindre tid til fravær', recipientUnitId: ids.skole, owner: OWNER.email, indicator: 'timer',
    unitOfMeasure: 'timer', direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: 50_000,
    plan: [{ period: '2026-T1', quantity: 100 }],
  });
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 100 });
  await j.send(`/api/units/${ids.skole}/move`, { newParentId: ids.helse, effectiveDate: '2026-09-01' });
  await j.grant(FINANCE.email, 'finance', ids.kommune);
  await j.grant(MANAGEMENT.email, 'management', ids.kommune);
});

afterAll(() => j.stop());

/** the units whose row shows a realised gain, in «Planlagt, realisert og tatt ut» */
const unitsWithGain = async () => {
  const table = j.page.getByRole('region', { name: 'Planlagt, realisert og tatt ut' });
  await table.getByRole('row').nth(1).waitFor();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ unit: tr.querySelector('th')?.textContent ?? '', realised: tr.querySelectorAll('td')[1]?.textContent ?? '' })),
  );
  return rows.filter((r) => /[1-9]/.test(r.realised)).map((r) => r.unit);
};

describe('slik organisasjonen var', () => {
  it('Økonomi: i dag (standard, navngitt), på en dato og per periode; valget står i adressen', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    await j.visit('41-okonomi-organisasjon-i-dag', `/okonomi?${SPAN}`);
    await expect.poll(() => page.getByTestId('organisasjon').innerText()).toMatch(/står i dag \(standard\)/);
    expect(await unitsWithGain()).toEqual(['Oppvekst']);

    await page.getByRole('radio', { name: 'På en dato' }).check();
    await page.locator('#f-org-dato').fill('2026-10-01');
    await page.waitForURL(/org=2026-10-01/);
    await expect.poll(() => page.getByTestId('organisasjon').innerText()).toMatch(/sto 01\.10\.2026/);
    await expect.poll(unitsWithGain).toEqual(['Helse']);
    await j.check('42-okonomi-organisasjon-dato');
    // the events behind Helse's figure are found under the same organisation
    await page.getByRole('region', { name: 'Planlagt, realisert og tatt ut' }).getByRole('link', { name: 'Helse' }).click();
    await page.waitForURL(/spor\?.*org=2026-10-01/);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Fordelt etter enhetene slik organisasjonen sto 01\.10\.2026/);
    await expect.poll(() => page.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL(/okonomi\?.*org=2026-10-01/);
    await expect.poll(() => page.getByTestId('organisasjon').innerText()).toMatch(/sto 01\.10\.2026/);

    await page.getByRole('radio', { name: /Per periode/ }).check();
    await page.waitForURL(/org=period/);
    await expect.poll(unitsWithGain).toEqual(['Oppvekst']);
  });

  it('Enheter: den planlagte flyttingen vises og annulleres med begrunnelse', async () => {
    const page = j.page;
    await j.useUser(MANAGEMENT.email);
    await j.visit('43-enheter-planlagt', '/enheter');
    await expect.poll(() => page.getByRole('navigation', { name: 'Organisasjonstreet' }).innerText()).toMatch(/planlagt: flyttes til Helse fra 01\.09\.2026/);
    await j.visit('44-enhet-planlagt', `/enheter/${ids.skole}`);
    const planned = page.getByRole('region', { name: 'Planlagte endringer' });
    await expect.poll(() => planned.innerText()).toMatch(/Flyttes til Helse fra 01\.09\.2026/);
    await planned.getByRole('button', { name: 'Annuller' }).click();
    await j.expectFieldError('f-annuller-move-2026-09-01-reason', /hvorfor/);
    await planned.getByLabel('Begrunnelse').fill('Vedtaket ble utsatt');
    await planned.getByRole('button', { name: 'Annuller' }).click();
    await expect.poll(() => planned.innerText()).toMatch(/Ingen flyttinger eller sammenslåinger er planlagt/);
    await expect.poll(() => page.getByRole('region', { name: 'Historikk' }).innerText()).toMatch(/annullert: Vedtaket ble utsatt/);
  });
});
