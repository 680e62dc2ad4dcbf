import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { MANAGEMENT, OWNER } from './people';

/**
 * Gevinstrealiseringstiltak and risk from the user's side: the benefit owner adds an action and a
 * risk on the benefit page, sees the action (overdue first) on «Mine gevinster», and management finds
 * the risk in the portfolio's risk matrix, linked from the målekort.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

describe('tiltak og risiko', () => {
  it('gevinsteier legger inn tiltak og risiko; ledelsen ser risikomatrisen', async () => {
    const arranged = await j.arrangeBenefit();
    await j.grant(MANAGEMENT.email, 'management', arranged.kommune);
    const { page } = j;
    await page.goto(j.url(`/gevinster/${arranged.benefit}`));
    await j.useUser(OWNER.email);

    // an action with a deadline already passed, and one ahead
    const tiltak = page.getByRole('region', { name: 'Tiltak' });
    await tiltak.getByText('Ingen tiltak registrert ennå.').waitFor();
    const add = async (title: string, deadline: string) => {
      await page.locator('#f-tiltak-title').fill(title);
      await page.locator('#f-tiltak-owner').fill(OWNER.email);
      await page.locator('#f-tiltak-deadline').fill(deadline);
      await page.getByRole('button', { name: 'Legg til tiltak' }).click();
      await tiltak.getByRole('rowheader', { name: title }).waitFor();
    };
    await add('Ny mal for byggesøknad', '2099-03-01');
    await add('Opplæring i digital byggesak', '2020-01-15');
    const rows = await tiltak.getByRole('table', { name: 'Tiltak for gevinsten' }).locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Opplæring i digital byggesak');
    expect(rows[0]).toContain('Forfalt');
    expect(rows[1]).toContain('Ny mal for byggesøknad');

    // a bad deadline is refused beside the field
    await page.locator('#f-tiltak-title').fill('Feil dato');
    await page.locator('#f-tiltak-owner').fill('ikke en e-post');
    await page.getByRole('button', { name: 'Legg til tiltak' }).click();
    await j.expectFieldError('f-tiltak-owner');
    await page.locator('#f-tiltak-title').fill('');
    await page.locator('#f-tiltak-owner').fill('');

    // the overdue one goes in progress
    await page.locator('#f-oppdater-tiltak-actionId').selectOption({ label: 'Opplæring i digital byggesak' });
    await page.locator('#f-oppdater-tiltak-status').selectOption('inProgress');
    await page.getByRole('button', { name: 'Lagre tiltaket' }).click();
    await tiltak.getByRole('row', { name: /Opplæring i digital byggesak.*Pågår/ }).waitFor();

    // a risk: probability 4 × consequence 5 = 20, high
    const risiko = page.getByRole('region', { name: 'Risiko' });
    await page.locator('#f-risiko-threat').fill('Søkerne fortsetter å sende papir');
    await page.locator('#f-risiko-probability').selectOption('4');
    await page.locator('#f-risiko-consequence').selectOption('5');
    await page.locator('#f-risiko-mitigation').fill('Veiledning på servicetorget');
    await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
    const riskRow = risiko.getByRole('row', { name: /Søkerne fortsetter å sende papir/ });
    await riskRow.waitFor();
    expect(await riskRow.textContent()).toContain('20: Høy risiko');
    await j.check('tiltak-og-risiko-gevinstside');

    // «Mine gevinster» lists the owner's actions, overdue first
    await page.goto(j.url('/mine-gevinster'));
    const mine = page.getByRole('table', { name: /Tiltak du har ansvar for/ });
    await mine.waitFor();
    const mineRows = await mine.locator('tbody tr').allTextContents();
    expect(mineRows).toHaveLength(2);
    expect(mineRows[0]).toContain('Opplæring i digital byggesak');
    expect(mineRows[0]).toContain('Forfalt');
    await j.check('mine-tiltak');

    // management: from the målekort to the risk matrix, the cell's count links to the risk
    await page.goto(j.url('/ledelse'));
    await j.useUser(MANAGEMENT.email);
    await page.getByRole('link', { name: 'Risikomatrise' }).click();
    await page.waitForURL(/\/ledelse\/risiko$/);
    const matrix = page.getByRole('table', { name: /Antall åpne risikoer \(1\)/ });
    await matrix.waitFor();
    const cell = matrix.getByRole('link', { name: /1 risiko, sannsynlighet 4 × konsekvens 5 = 20, høy risiko/ });
    await cell.click();
    const listed = page.getByRole('table', { name: 'Åpne risikoer, høyest først' });
    await listed.getByRole('rowheader', { name: 'Søkerne fortsetter å sende papir' }).waitFor();
    expect(await listed.getByRole('link', { name: 'Raskere byggesaksbehandling' }).getAttribute('href')).toBe(`/gevinster/${arranged.benefit}`);
    await j.check('risikomatrise');
    await j.checkNarrow('risikomatrise');
  });
});
