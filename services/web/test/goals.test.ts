import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalSummary } from '@gevinst/domain/answers';
import { Journey } from './harness';
import { MANAGEMENT } from './people';

/**
 * Goals from management's side: define a målstruktur (hovedmål → delmål → måleindikator) by the forms,
 * set resultatkrav and record results, link a benefit from its page («Mål gevinsten støtter»), and read
 * the målekort: verdict in colour and words, the change since the last result, the benefit rolled up.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

const goalNamed = async (title: string) => (await j.get<GoalSummary[]>('/api/goals')).find((g) => g.title === title)!;

describe('mål og målekort', () => {
  it('ledelsen definerer en målstruktur, knytter en gevinst til et delmål og leser målekortet', async () => {
    const arranged = await j.arrangeBenefit();
    await j.grant(MANAGEMENT.email, 'management', arranged.kommune);
    const { page } = j;
    await page.goto(j.url('/ledelse'));
    await j.useUser(MANAGEMENT.email);
    await page.getByRole('link', { name: 'Mål og målekort' }).click();
    await page.waitForURL(/\/mal$/);

    const define = async (kind: string, title: string, unitId: string, parentTitle?: string) => {
      await page.locator('#f-nytt-mal-kind').selectOption(kind);
      await page.locator('#f-nytt-mal-unitId').selectOption(unitId);
      await page.locator('#f-nytt-mal-title').fill(title);
      if (parentTitle) await page.locator('#f-nytt-mal-parentGoalId').selectOption({ label: parentTitle });
      await page.getByRole('button', { name: 'Definer målet' }).click();
      await page.getByRole('list').getByRole('link', { name: title }).waitFor();
    };
    // a måleindikator without a delmål is refused beside the field
    await page.locator('#f-nytt-mal-kind').selectOption('indicator');
    await page.locator('#f-nytt-mal-unitId').selectOption(arranged.bygg);
    await page.locator('#f-nytt-mal-title').fill('Foreldreløs');
    await page.getByRole('button', { name: 'Definer målet' }).click();
    await j.expectFieldError('f-nytt-mal-parentGoalId', /delmål/);

    await define('main', 'Gode tjenester til innbyggerne', arranged.kommune);
    await define('sub', 'Raskere byggesaker', arranged.bygg, 'Hovedmål: Gode tjenester til innbyggerne');
    await define('indicator', 'Saksbehandlingstid i dager', arranged.bygg, 'Delmål (suksessfaktor): Raskere byggesaker');
    await j.check('mal-struktur');

    // resultatkrav and results on the indicator's målekort
    await page.getByRole('link', { name: 'Saksbehandlingstid i dager' }).first().click();
    await page.waitForURL(/\/mal\/[0-9a-f-]{36}$/);
    const requirement = async (year: string, required: string, desired: string, acceptable: string) => {
      await page.locator('#f-krav-year').fill(year);
      await page.locator('#f-krav-requiredValue').fill(required);
      await page.locator('#f-krav-unitOfMeasure').fill('dager');
      await page.locator('#f-krav-direction').selectOption('decrease');
      await page.locator('#f-krav-desiredLimit').fill(desired);
      await page.locator('#f-krav-acceptableLimit').fill(acceptable);
      await page.getByRole('button', { name: 'Lagre resultatkrav' }).click();
      await page.getByRole('columnheader', { name: year }).waitFor();
    };
    await requirement('2025', '20', '20', '25');
    await requirement('2026', '18', '18', '22');
    const result = async (year: string, value: string) => {
      await page.locator('#f-resultat-year').fill(year);
      await page.locator('#f-resultat-value').fill(value);
      await page.getByRole('button', { name: 'Registrer resultat' }).click();
      await page.getByText(`Resultat: ${value}`).waitFor();
    };
    await result('2025', '24');
    await result('2026', '17');

    // the benefit page links the benefit to the delmål
    await page.goto(j.url(`/gevinster/${arranged.benefit}`));
    const section = page.getByRole('region', { name: 'Mål gevinsten støtter' });
    await section.getByText('Gevinsten er ikke knyttet til noe mål ennå.').waitFor();
    await section.locator('#f-gevinst-mal-goalId').selectOption({ label: 'Delmål (suksessfaktor): Raskere byggesaker' });
    await section.getByRole('button', { name: 'Knytt til målet' }).click();
    await section.getByRole('link', { name: 'Raskere byggesaker' }).waitFor();
    const sub = await goalNamed('Raskere byggesaker');
    expect(sub.benefitIds).toEqual([arranged.benefit]);

    // the hovedmål's målekort: the indicator's years judged against the limits, the change, the benefit rolled up
    const main = await goalNamed('Gode tjenester til innbyggerne');
    await page.goto(j.url(`/mal/${main.goalId}`));
    const card = page.getByRole('table', { name: 'Målekort for Gode tjenester til innbyggerne' });
    await card.waitFor();
    const indicator = card.getByRole('row', { name: /Saksbehandlingstid i dager/ });
    const cells = await indicator.locator('td').allTextContents();
    expect(cells).toEqual([
      'Ønsket ≤ 18, akseptabelt ≤ 22, uakseptabelt > 22',
      'Krav: 20 dagerResultat: 24! Akseptabelt',
      'Krav: 18 dagerResultat: 17✓ Ønsket',
      '▼ −7 fra 2025 – bedre',
    ]);
    const benefits = page.getByRole('table', { name: 'Gevinster som støtter målene' });
    const row = await benefits.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(row.slice(0, 4)).toEqual(['Raskere byggesaksbehandling', 'Digital byggesak', 'Byggesak', 'Raskere byggesaker']);
    expect(row[4]).toMatch(/65\s000/);
    await j.check('malekort');
    await j.checkNarrow('malekort');
    console.log(`Målekort: ${j.shots.get('malekort')}`);
  }, 180_000);
});
