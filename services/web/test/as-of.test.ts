import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE, LEADER, MANAGEMENT, OWNER } from './people';

/**
 * "Slik det sto": the owner records a realisation on 5 May, corrects it on 20 May. The finance
 * officer picks 10 May and sees the old figure beside the one known today, on Økonomi and on
 * Ledelse; the date is in the address and in the downloads. The API's clock is the test's.
 */

const j = new Journey();
const ids = { kommune: '', bygg: '', digital: '', project: '', benefit: '' };
const SPAN = 'fra=2026-T1&til=2026-T1&niva=1';
let now = '2026-05-05T10:00:00.000Z';

interface Balance { unitId: string; realisedOre: number }
interface Portfolio { rows: { unitId: string; cells: { period: string; realisedOre: number }[] }[] }
const realisedOf = (balances: Balance[], unitId: string) => balances.find((b) => b.unitId === unitId)?.realisedOre;
const portfolioRealised = (p: Portfolio, unitId: string) => p.rows.find((r) => r.unitId === unitId)?.cells.find((c) => c.period === '2026-T1')?.realisedOre;

beforeAll(async () => {
  await j.start({ clock: () => now });
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.bygg = await j.send('/api/units', { name: 'Byggesak', parentId: ids.kommune });
  ids.digital = await j.send('/api/units', { name: 'Digitalisering', parentId: ids.kommune });
  ids.project = await j.send('/api/projects', { name: 'Digital byggesak', ownerUnitId: ids.digital, projectLeader: LEADER.email });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.digital, amountOre: 5_000_000, period: '2026-T1', kind: 'one-off' });
  ids.benefit = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Raskere byggesaksbehandling', recipientUnitId: ids.bygg, owner: OWNER.email, indicator: 'timer per sak',
    unitOfMeasure: 'timer', direction: 'decrease', category: 'budget', cashReleasing: true, valuationOrePerUnit: 65_000,
    plan: [{ period: '2026-T1', quantity: 100 }],
  });
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 100 });
  await j.grant(FINANCE.email, 'finance', ids.kommune);
  await j.grant(MANAGEMENT.email, 'management', ids.kommune);
  now = '2026-05-20T10:00:00.000Z';
  await j.send(`/api/benefits/${ids.benefit}/corrections`, { period: '2026-T1', quantity: 120, reason: 'Saker fra april var ikke med' });
});

afterAll(() => j.stop());

describe('slik det sto', () => {
  it('API-et: 10. mai viser det før korrigeringen, uten dato det som er kjent i dag; ugyldig dato er 400 på asOf', async () => {
    expect(realisedOf(await j.get<Balance[]>(`/api/ledger/balances?from=2026-T1&to=2026-T1&level=1&asOf=2026-05-10`), ids.bygg)).toBe(6_500_000);
    expect(realisedOf(await j.get<Balance[]>(`/api/ledger/balances?from=2026-T1&to=2026-T1&level=1`), ids.bygg)).toBe(7_800_000);
    const bad = await j.server.apiFetch('/api/ledger/balances?from=2026-T1&to=2026-T1&asOf=2026-13-45');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path)).toContain('asOf');
  });

  it('Økonomi: økonomirådgiveren velger 10. mai og ser 65 000 kr ved siden av 78 000 kr; datoen står i adressen og nedlastingene', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    await j.visit('40-okonomi-for-sammenligning', `/okonomi?${SPAN}`);
    await page.locator('#f-pr-asOf').fill('2099-01-01');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await j.expectFieldError('f-pr-asOf', /etter i dag/);
    expect(page.url()).not.toContain('pr=');

    await page.locator('#f-pr-asOf').fill('2026-05-10');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.waitForURL(/pr=2026-05-10/);
    const table = page.getByRole('region', { name: /^Realisert gevinst per enhet: 10\.05\.2026 mot i dag/ });
    const row = table.getByRole('row', { name: /Byggesak/ });
    await row.waitFor();
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells[0]).toBe('Byggesak');
    expect(cells[1]).toMatch(/^kr\s65\s000$/);
    expect(cells[2]).toMatch(/^kr\s78\s000$/);
    expect(cells[3]).toMatch(/Endret \+kr\s13\s000/);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Enhet', 'Slik det sto 10.05.2026', 'Kjent i dag', 'Endring']);
    // the payer's net did not change, the recipient's did: said in words
    const net = page.getByRole('region', { name: /^Netto per enhet/ });
    expect(await net.getByRole('row', { name: /Digitalisering/ }).locator('td').last().innerText()).toBe('Uendret');
    expect(await net.getByRole('row', { name: /Byggesak/ }).locator('td').last().innerText()).toMatch(/Endret \+kr\s13\s000/);

    const links = await page.locator('.download-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBe(5);
    for (const href of links) expect(href).toContain('asOf=2026-05-10');
    const csv = await j.server.apiFetch(links.find((l) => l.includes('view=balances'))!);
    expect(csv.status).toBe(200);
    const today = await (await j.server.apiFetch(links.find((l) => l.includes('view=balances'))!.replace(/&?asOf=[^&]*/, ''))).text();
    const past = await csv.text();
    // Enhet;Planlagt;Realisert;…: the past file has the figure before the correction
    expect(past).toMatch(/^Byggesak;65000,00;65000,00;/m);
    expect(today).toMatch(/^Byggesak;65000,00;78000,00;/m);

    await j.check('41-okonomi-slik-det-sto');
    await j.checkNarrow('41-okonomi-slik-det-sto');
  });

  it('lenken med ?pr= åpner sammenligningen; en ugyldig dato i lenken sier fra i stedet for å vise tall', async () => {
    const page = j.page;
    await page.goto(j.url(`/okonomi?${SPAN}&pr=2026-05-10`));
    await j.useUser(FINANCE.email);
    await page.getByRole('region', { name: /^Realisert gevinst per enhet: 10\.05\.2026/ }).getByRole('row', { name: /Byggesak/ }).waitFor();
    expect(await page.locator('#f-pr-asOf').inputValue()).toBe('2026-05-10');

    await page.goto(j.url(`/okonomi?${SPAN}&pr=2026-13-45`));
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[a-zæøå]/i);

    await page.goto(j.url(`/okonomi?${SPAN}&pr=2026-05-10`));
    await page.getByRole('button', { name: 'Fjern sammenligningen' }).click();
    await page.waitForURL((url) => !url.search.includes('pr='));
    expect(await page.getByRole('region', { name: /^Realisert gevinst per enhet: / }).count()).toBe(0);
  });

  it('Ledelse: målekortet 10. mai mot i dag per enhet og periode, og nedlastingene med datoen', async () => {
    const page = j.page;
    const then = await j.get<Portfolio>('/api/portfolio?from=2026-T1&to=2026-T1&level=1&asOf=2026-05-10');
    const today = await j.get<Portfolio>('/api/portfolio?from=2026-T1&to=2026-T1&level=1');
    expect(portfolioRealised(then, ids.bygg)).toBe(6_500_000);
    expect(portfolioRealised(today, ids.bygg)).toBe(7_800_000);

    await j.useUser(MANAGEMENT.email);
    await page.goto(j.url(`/ledelse?${SPAN}`));
    await page.locator('#f-pr-asOf').fill('2026-05-10');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    await page.waitForURL(/pr=2026-05-10/);
    const row = page.getByRole('region', { name: /^Realisert per enhet og periode: 10\.05\.2026 mot i dag/ }).getByRole('row', { name: /Byggesak/ });
    await row.waitFor();
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells[0]).toMatch(/^Byggesak, /);
    expect(cells[1]).toMatch(/^kr\s65\s000$/);
    expect(cells[2]).toMatch(/^kr\s78\s000$/);
    expect(cells[3]).toMatch(/Endret \+kr\s13\s000/);
    const links = await page.locator('.download-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBe(2);
    for (const href of links) expect(href).toContain('asOf=2026-05-10');
    expect((await j.server.apiFetch(links[0]!)).status).toBe(200);

    await j.check('42-ledelse-slik-det-sto');
    await j.checkNarrow('42-ledelse-slik-det-sto');
  });

  it('Ledelse: tertialen som pågår (2026-T2 den 20. mai) er «Ikke forfalt», ikke rød, og forklart i tegnforklaringen', async () => {
    const page = j.page;
    await page.goto(j.url('/ledelse?fra=2026-T1&til=2026-T2&niva=1'));
    await j.useUser(MANAGEMENT.email);
    const row = page.getByRole('table', { name: /Status per enhet og periode/ }).getByRole('row', { name: /Byggesak/ });
    await row.waitFor();
    const t2 = row.locator('td[data-period="2026-T2"]');
    expect(await t2.locator('.status').textContent()).toMatch(/Ikke forfalt/);
    expect(await t2.locator('.status-icon').textContent()).toBe('◷');
    expect(await t2.textContent()).not.toMatch(/Uakseptabelt/);
    expect(await row.locator('td[data-period="2026-T1"]').textContent()).toMatch(/Ønsket/);
    expect(await page.getByRole('list', { name: 'Forklaring' }).textContent()).toMatch(/Ikke forfalt.*ikke vurdert/);
    await j.check('43-ledelse-ikke-forfalt');
    await j.checkNarrow('43-ledelse-ikke-forfalt');
  });
});
