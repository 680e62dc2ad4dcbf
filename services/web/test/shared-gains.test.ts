import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { LEADER, MANAGEMENT } from './people';

/**
 * The double-counting guard from the user's side: a project leader plans in a second project a gain
 * «Digital byggesak» already claims; the form shows the benefit it overlaps and asks for the shares,
 * and with them the benefit is planned. Management sees it under «Delte gevinster».
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

describe('delte gevinster', () => {
  it('prosjektleder: skjemaet viser gevinsten den overlapper og ber om andeler; ledelsen ser delingen', async () => {
    const arranged = await j.arrangeBenefit();
    const second = await j.send('/api/projects', { name: 'Byggesak 2.0', ownerUnitId: arranged.digital, projectLeader: LEADER.email });
    await j.grant(LEADER.email, 'project-leader', arranged.kommune);
    await j.grant(MANAGEMENT.email, 'management', arranged.kommune);
    const { page } = j;
    await page.goto(j.url(`/prosjekter/${second}/gevinster/ny`));
    await j.useUser(LEADER.email);
    await page.locator('#f-title').waitFor();
    await page.locator('#f-title').fill('Kortere byggesaker');
    await page.locator('#f-recipientUnitId').selectOption(arranged.bygg);
    await page.locator('#f-owner').fill('eier@testkommune.no');
    await page.locator('#f-indicator').fill('Timer per sak');
    await page.locator('#f-unitOfMeasure').fill('timer');
    await page.locator('#f-plan-0-period').fill('2026-T1');
    await page.locator('#f-plan-0-quantity').fill('40');
    for (const index of [1, 2]) await page.locator(`#f-plan-${index}-quantity`).fill('0');
    await page.getByRole('button', { name: 'Lagre gevinstplan' }).click();

    // 409: the benefit it overlaps is named, with a field for each share
    const shares = page.getByRole('group', { name: 'Delt gevinst' });
    await shares.waitFor();
    await shares.getByRole('link', { name: 'Raskere byggesaksbehandling' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/overlapper «Raskere byggesaksbehandling» i prosjektet «Digital byggesak»/);
    expect((await j.get<{ benefits: unknown[] }>(`/api/projects/${second}`)).benefits).toHaveLength(0);
    await j.check('delt-gevinst-skjema');

    // shares over 100 % are refused beside the field
    await page.locator('#f-sharedWith-0-sharePercent').fill('60');
    await page.locator('#f-sharedWith-0-otherSharePercent').fill('50');
    await page.getByRole('button', { name: 'Lagre gevinstplan' }).click();
    await j.expectFieldError('f-sharedWith-0-sharePercent', /100 %/);

    await page.locator('#f-sharedWith-0-otherSharePercent').fill('40');
    await Promise.all([page.waitForURL(/\/gevinster\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Lagre gevinstplan' }).click()]);
    const planned = page.url().split('/').pop()!;

    // the benefit page shows the declared share, with a link to the other benefit, and the history keeps it
    const shared = page.getByRole('table', { name: /Gevinster denne gevinsten deles med/ });
    await shared.waitFor();
    const row = await shared.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(row).toEqual(['Raskere byggesaksbehandling', 'Digital byggesak', '60 %', '40 %', 'da denne gevinsten ble planlagt']);
    expect(await shared.getByRole('link', { name: 'Raskere byggesaksbehandling' }).getAttribute('href')).toBe(`/gevinster/${arranged.benefit}`);
    const history = page.getByRole('region', { name: 'Historikk' });
    await history.getByText('Delt gevinst med «Raskere byggesaksbehandling»: 60 % / 40 %').waitFor();
    await j.check('delt-gevinst-gevinstside');

    // and the other benefit's page shows it from its side
    await page.goto(j.url(`/gevinster/${arranged.benefit}`));
    const otherSide = page.getByRole('table', { name: /Gevinster denne gevinsten deles med/ });
    await otherSide.waitFor();
    expect(await otherSide.locator('tbody tr').first().locator('th, td').allTextContents()).toEqual([
      'Kortere byggesaker', 'Byggesak 2.0', '40 %', '60 %', 'da den andre gevinsten ble planlagt',
    ]);
    await page.getByRole('region', { name: 'Historikk' }).getByText('Delt gevinst med «Kortere byggesaker»: 40 % / 60 % (oppgitt da den andre gevinsten ble planlagt)').waitFor();

    await page.goto(j.url('/ledelse'));
    await j.useUser(MANAGEMENT.email);
    await page.getByRole('link', { name: 'Delte gevinster' }).click();
    await page.waitForURL(/\/ledelse\/delte-gevinster$/);
    const table = page.getByRole('table', { name: /Delte gevinster/ });
    await table.waitFor();
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toContain('Kortere byggesaker');
    expect(cells[0]).toContain('Byggesak 2.0');
    expect(cells[1]).toBe('60 %');
    expect(cells[2]).toContain('Raskere byggesaksbehandling');
    expect(cells[2]).toContain('Digital byggesak');
    expect(cells[3]).toBe('40 %');
    expect(cells[4]).toBe('Byggesak');
    expect(cells[5]).toBe('Timer per sak (timer)');
    expect(await table.getByRole('link', { name: 'Kortere byggesaker' }).getAttribute('href')).toBe(`/gevinster/${planned}`);
    await j.check('delte-gevinster');
  });
});
