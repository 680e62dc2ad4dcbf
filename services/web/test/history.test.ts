import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { LEADER, OWNER } from './people';

/**
 * The project leader approves the benefit plan at a decision point, revises it, and the benefit page
 * shows the approved version against the current plan and the realised, with the variance; the
 * history on the benefit and the project shows each change with its reason, who and when.
 */

const j = new Journey();
const ids = { kommune: '', bygg: '', digital: '', project: '', benefit: '' };

interface PlanVersions {
  versions: { decisionPoint: string; approvedBy: string | null; note: string | null }[];
}

beforeAll(async () => {
  await j.start();
  Object.assign(ids, await j.arrangeBenefit({ plan: [{ period: '2026-T1', quantity: 100 }, { period: '2026-T2', quantity: 200 }] }));
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 90, comment: 'Tall fra fagsystemet' });
});
afterAll(() => j.stop());

describe('planversjoner og historikk', () => {
  it('prosjektlederen godkjenner planen ved BP3; planversjonene viser godkjent mot gjeldende og realisert med avvik, og historikken viser endringene', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}`));
    await j.useUser(LEADER.email);
    const versions = page.getByRole('region', { name: 'Godkjente versjoner' });
    await expect.poll(() => page.getByText('Planen er ikke godkjent ved noe beslutningspunkt ennå.').isVisible()).toBe(true);

    // the decision point is required
    await page.getByRole('button', { name: 'Godkjenn plan' }).click();
    await j.expectFieldError('f-godkjenn-decisionPoint', /Må fylles ut/);

    await page.locator('#f-godkjenn-decisionPoint').selectOption('BP3');
    await page.locator('#f-godkjenn-note').fill('Styringsgruppen 4. mars');
    await page.getByRole('button', { name: 'Godkjenn plan' }).click();
    await expect.poll(async () => (await j.get<PlanVersions>(`/api/benefits/${ids.benefit}/plan-versions`)).versions).toEqual([
      { decisionPoint: 'BP3', approvedBy: LEADER.email, note: 'Styringsgruppen 4. mars' },
    ].map((v) => expect.objectContaining(v)));
    await versions.waitFor();
    await expect.poll(() => versions.locator('tbody tr').first().textContent()).toMatch(/BP3.*Per Strand.*300.*Styringsgruppen 4\. mars/);

    // a revision: the variance table compares the approved plan with the current one
    await page.locator('#f-prognose-plan-1-quantity').fill('150');
    await page.locator('#f-prognose-reason').fill('Fagsystemet kom senere enn planlagt');
    await page.getByRole('button', { name: 'Lagre ny prognose' }).click();
    const variance = page.getByRole('region', { name: 'Godkjent mot gjeldende plan og realisert' });
    const row = (period: string) => variance.getByRole('row', { name: new RegExp(period) });
    await expect.poll(() => row('2026 T2|T2 2026|2026-T2').first().textContent()).toMatch(/200\s*150\s*–\s*[−-]50/);
    expect(await row('2026 T1|T1 2026|2026-T1').first().textContent()).toMatch(/100\s*100\s*90\s*0\s*[−-]10\s*[−-]10/);

    const history = page.getByRole('list', { name: 'Gevinstens historikk' });
    await expect.poll(() => history.locator('li').count()).toBe(4);
    const items = await history.locator('li').allTextContents();
    expect(items[0]).toMatch(/Opprinnelig plan: .*100.*200.*sum 300/);
    expect(items[0]).toContain(OWNER.email);
    expect(items[1]).toMatch(/Realisert 90 .*Tall fra fagsystemet/);
    expect(items[2]).toMatch(/Planen godkjent ved BP3.*Styringsgruppen 4\. mars/);
    expect(items[2]).toContain('Per Strand');
    expect(items[3]).toMatch(/Prognosen revidert .*Begrunnelse: «Fagsystemet kom senere enn planlagt»/);
    expect(items[3]).toContain('Per Strand');
    await j.check('60-gevinst-planversjoner-historikk');
    await j.checkNarrow('60-gevinst-planversjoner-historikk');

    // the project's history holds the project's own changes and the benefit's, named
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    const projectHistory = page.getByRole('list', { name: 'Prosjektets historikk' });
    await expect.poll(() => projectHistory.locator('li').count()).toBe(5);
    const projectItems = await projectHistory.locator('li').allTextContents();
    expect(projectItems[0]).toMatch(/Prosjektet «Digital byggesak» registrert/);
    expect(projectItems[3]).toMatch(/Raskere byggesaksbehandling: Planen godkjent ved BP3/);
    await j.check('61-prosjekt-historikk');
  });
});
