import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarAnswer } from '@gevinst/domain/answers';
import { Journey } from './harness';
import { FINANCE, OWNER } from './people';

/**
 * The årshjul from finance's side: the year's deadlines on a timeline (defaults where none is set),
 * a deadline added by the form (refusals beside the field, in bokmål), what is still missing before the
 * tertial report with a link to the benefit, and the deadline removed again with a reason. A benefit
 * owner reads the årshjul but gets no forms.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

describe('årshjul', () => {
  it('økonomi legger til og fjerner en frist, og ser hva som mangler før tertialrapporten', async () => {
    const arranged = await j.arrangeBenefit({ plan: [{ period: '2026-T2', quantity: 100 }, { period: '2026-T3', quantity: 100 }] });
    await j.grant(FINANCE.email, 'finance', arranged.kommune);
    const { page } = j;
    await page.goto(j.url('/'));
    await j.useUser(FINANCE.email);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Årshjul' }).click();
    await page.waitForURL(/\/arshjul$/);
    await page.getByRole('heading', { level: 1, name: 'Årshjul' }).waitFor();
    await page.goto(j.url('/arshjul?ar=2026'));
    const list = page.locator('ol.arshjul-list');
    await list.getByRole('heading', { name: /20\.09\.2026: Tertialrapport for 2\. tertial 2026/ }).waitFor();
    expect(await list.locator('> li').count()).toBe(3); // 20 Jan (2025 T3), 20 May, 20 Sep
    await j.check('arshjul');

    // refused in the browser: a tertial that does not exist
    await page.locator('#f-ny-frist-period').fill('2026-T4');
    await page.locator('#f-ny-frist-date').fill('2026-09-23');
    await page.locator('#f-ny-frist-title').fill('2. tertialrapport til formannskapet');
    await page.getByRole('button', { name: 'Legg til fristen' }).click();
    await j.expectFieldError('f-ny-frist-period', /2026-T1/);
    // refused by the årshjul: a date before the tertial starts
    await page.locator('#f-ny-frist-period').fill('2026-T2');
    await page.locator('#f-ny-frist-date').fill('2026-04-30');
    await page.getByRole('button', { name: 'Legg til fristen' }).click();
    await j.expectFieldError('f-ny-frist-date', /før 2026 T2 begynner/);
    // set: replaces the default for 2026-T2
    await page.locator('#f-ny-frist-date').fill('2026-09-23');
    await page.locator('#f-ny-frist-remindDaysBefore').fill('10');
    await page.getByRole('button', { name: 'Legg til fristen' }).click();
    const own = list.locator('> li', { has: page.getByRole('heading', { name: /23\.09\.2026: 2\. tertialrapport til formannskapet/ }) });
    await own.waitFor();
    await list.getByRole('heading', { name: /20\.09\.2026/ }).waitFor({ state: 'detached' });
    expect(await own.textContent()).toContain('påminnelse til gevinsteierne 10 dager før');
    const wheel = await j.get<CalendarAnswer>('/api/calendar?year=2026');
    expect(wheel.deadlines.filter((d) => d.period === '2026-T2').map((d) => [d.date, d.source, d.remindDaysBefore])).toEqual([['2026-09-23', 'explicit', 10]]);

    // what is missing for 2026 T2: the benefit, its owner, and a link to record the value
    await own.getByText('Hva mangler for 2026 T2').click();
    const missing = own.getByRole('table');
    await missing.getByRole('link', { name: 'Raskere byggesaksbehandling' }).waitFor();
    expect(await missing.textContent()).toContain(OWNER.email);
    expect(await missing.getByRole('link', { name: 'realisert gevinst for 2026 T2' }).getAttribute('href')).toBe(`/gevinster/${arranged.benefit}/registrer?periode=2026-T2`);
    await j.check('arshjul-mangler');
    await j.checkNarrow('arshjul-mangler');

    // removed with a reason: the default comes back
    await own.locator('summary', { hasText: 'Fjern fristen' }).click();
    await own.getByRole('button', { name: 'Fjern fristen' }).click();
    await j.expectFieldError(`f-fjern-${wheel.deadlines.find((d) => d.period === '2026-T2')!.deadlineId}-reason`, /Begrunnelse|Må fylles ut/);
    await own.getByLabel('Begrunnelse').fill('Møtet er flyttet');
    await own.getByRole('button', { name: 'Fjern fristen' }).click();
    await list.getByRole('heading', { name: /20\.09\.2026: Tertialrapport for 2\. tertial 2026/ }).waitFor();

    // a benefit owner reads the årshjul, without the forms
    await j.useUser(OWNER.email);
    await page.goto(j.url('/arshjul?ar=2026'));
    await list.getByRole('heading', { name: /20\.05\.2026/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Legg til en frist' }).count()).toBe(0);
  });
});
