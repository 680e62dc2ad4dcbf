import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, horizontalOverflow } from './browser';
import { Journey } from './harness';
import { FINANCE, LEADER } from './people';

/**
 * The first hour of a finance officer on the demo municipality (issue 17): Økonomi opens where money
 * crosses units; the Sankey has amounts and the negative flows beside it; reports show whole kroner;
 * a settlement changes what is open; the project list fits and can be searched; nothing overlaps at 390 px.
 * One demo server for the file; the steps that write (a disbenefit, a settlement) only add what they check.
 */

const j = new Journey();
const page = (): Page => j.page;
const ids = { root: '', a: '', b: '' };
/** the finance officer's own link to the ledger for the demo's whole plan */
const SPAN = 'fra=2025-T1&til=2026-T3';

interface Unit { id: string; name: string; depth: number; active: boolean }
interface Balance { unitId: string; owedByUnitOre: number; owedToUnitOre: number; openOre: number }

beforeAll(async () => {
  await j.start({ demo: true });
  const units = await j.get<Unit[]>('/api/units');
  ids.root = units.find((u) => u.depth === 0 && u.active)?.id ?? '';
  expect(ids.root, 'the demo has a municipality at the top').not.toBe('');
  // a disbenefit paid by one unit and suffered by another: a negative flow the Sankey cannot draw
  ids.a = await j.send('/api/units', { name: 'Anskaffelser', parentId: ids.root });
  ids.b = await j.send('/api/units', { name: 'Parkering', parentId: ids.root });
  const project = await j.send('/api/projects', { name: 'Felles innkjøpsportal', ownerUnitId: ids.a, projectLeader: LEADER.email });
  await j.send(`/api/projects/${project}/costs`, { payerUnitId: ids.a, amountOre: 10_000_000, period: '2026-T1', kind: 'one-off' });
  const benefit = await j.send(`/api/projects/${project}/benefits`, {
    title: 'Mer manuell kontroll av fakturaer', recipientUnitId: ids.b, owner: FINANCE.email, indicator: 'timer per måned',
    unitOfMeasure: 'timer', direction: 'decrease', category: 'capacity', cashReleasing: false, valuationOrePerUnit: 64_500, disbenefit: true,
    plan: [{ period: '2026-T2', quantity: 40 }],
  });
  await j.send(`/api/benefits/${benefit}/realisations`, { period: '2026-T2', quantity: 40 });
  await j.page.goto(j.url('/'));
  await j.useUser(FINANCE.email);
}, 240_000);

afterAll(() => j.stop());

/** Text boxes in a chart's SVG that cross each other or stick out of the chart (clipped). */
async function labelProblems(chart: Locator): Promise<string[]> {
  return chart.evaluate((el) => {
    const frame = el.getBoundingClientRect();
    const boxes = Array.from(el.querySelectorAll('text'))
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    const problems: string[] = [];
    for (const b of boxes) {
      if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1 || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1) problems.push(`«${b.text}» går utenfor diagrammet`);
    }
    boxes.forEach((x, i) => boxes.slice(i + 1).forEach((y) => {
      const w = Math.min(x.r.right, y.r.right) - Math.max(x.r.left, y.r.left);
      const h = Math.min(x.r.bottom, y.r.bottom) - Math.max(x.r.top, y.r.top);
      if (w > 1 && h > 1) problems.push(`«${x.text}» overlapper «${y.text}»`);
    }));
    return problems;
  });
}

const svgTexts = (chart: Locator) => chart.evaluate((el) => Array.from(el.querySelectorAll('text')).map((t) => t.textContent ?? ''));

describe('Økonomi the first time', () => {
  it('opens one level down, names the level, and shows the flows: Sankey with amounts, the negative flow beside it, the heatmap', async () => {
    await page().goto(j.url('/okonomi'));
    await j.check('70-okonomi-forste-gang');
    const url = new URL(page().url());
    expect(url.searchParams.get('niva') ?? '1').toBe('1');
    await expect.poll(() => page().getByTestId('viser').textContent()).toMatch(/nivå 1/);
    expect(await page().getByText('Ingen gevinster har gått på tvers av enheter').count()).toBe(0);

    await page().goto(j.url(`/okonomi?${SPAN}`));
    await j.check('71-okonomi-hele-planen');
    const sankey = page().getByTestId('sankey');
    await sankey.locator('svg text').first().waitFor();
    const texts = await svgTexts(sankey);
    expect(texts.some((t) => /^kr[\s\u00a0][\d\s\u00a0]+$/.test(t.trim())), `beløp i Sankey-diagrammet: ${texts.join(' | ')}`).toBe(true);
    expect(await labelProblems(sankey)).toEqual([]);
    const heatmap = page().getByTestId('heatmap');
    await heatmap.locator('svg text').first().waitFor();
    expect(await labelProblems(heatmap)).toEqual([]);
    // at 1280 px there is room for every name whole (on a phone a long one is cut with …)
    expect([...texts, ...(await svgTexts(heatmap))].filter((t) => t.includes('…'))).toEqual([]);

    const losses = page().getByTestId('negative-flows');
    await expect.poll(() => losses.textContent()).toMatch(/Anskaffelser → Parkering: −kr[\s\u00a0]25[\s\u00a0]800/);
    const flowRow = page().getByRole('region', { name: 'Strømmer som tabell' }).getByRole('row').filter({ hasText: 'Parkering' });
    expect(await flowRow.textContent()).toMatch(/−kr[\s\u00a0]25[\s\u00a0]800/);
  });

  it('at level 0 says why nothing crosses and links to level 1', async () => {
    await page().goto(j.url(`/okonomi?${SPAN}&niva=0`));
    await j.check('72-okonomi-niva-0');
    await expect.poll(() => page().getByTestId('viser').textContent()).toMatch(/nivå 0/);
    const link = page().getByRole('link', { name: 'Vis strømmene mellom enhetene på nivå 1' });
    await Promise.all([page().waitForURL(/niva=1/), link.click()]);
    await page().getByTestId('sankey').locator('svg').waitFor();
  });

  it('report tables show whole kroner, never øre', async () => {
    await page().goto(j.url(`/okonomi?${SPAN}`));
    await j.check('73-okonomi-kroner');
    const cells = await page().locator('main table td, main table th').allTextContents();
    const amounts = cells.filter((c) => /kr\s/.test(c));
    expect(amounts.length).toBeGreaterThan(10);
    expect(amounts.filter((c) => /kr\s[−-]?[\d\s\u00a0]*\d,\d\d/.test(c))).toEqual([]);
  });

  it('a settlement changes what is open between the units (Åpent å betale / Åpent til gode)', async () => {
    const url = `/api/ledger/balances?from=2025-T1&to=2026-T3&level=1`;
    const before = await j.get<Balance[]>(url);
    // a settlement is capped at what the paying unit owes the other: take the largest flow between two
    // units, well above the demo's own settlement of kr 250 000
    const matrix = await j.get<{ cells: { investorUnitId: string; recipientUnitId: string; ore: number }[] }>('/api/ledger/matrix?to=2026-T2&level=1');
    const largest = [...matrix.cells].sort((a, b) => b.ore - a.ore)[0];
    expect(largest?.ore ?? 0, 'the demo has a flow between units').toBeGreaterThan(300_000_00);
    const payer = before.find((b) => b.unitId === largest?.recipientUnitId);
    const investor = before.find((b) => b.unitId === largest?.investorUnitId);
    expect(payer && investor, 'the demo has something open between units').toBeTruthy();
    if (!payer || !investor) return;
    const open = (unitId: string, column: number) =>
      page().getByTestId('apent').locator('tbody tr').filter({ has: page().locator(`a[href*="tilEnhet=${unitId}"]`) }).locator('td').nth(column).textContent();
    await page().goto(j.url(`/okonomi?${SPAN}&niva=1`));
    await j.check('74-okonomi-for-avregning');
    const payerBefore = await open(payer.unitId, 5);
    const investorBefore = await open(investor.unitId, 2);

    await j.send('/api/settlements', { fromUnitId: payer.unitId, toUnitId: investor.unitId, amountOre: 50_000_00, period: '2026-T2', saksnummer: '26/07777' });
    await page().reload();
    await j.check('75-okonomi-etter-avregning');
    const payerAfter = await open(payer.unitId, 5);
    const investorAfter = await open(investor.unitId, 2);
    expect(payerAfter).not.toBe(payerBefore);
    expect(investorAfter).not.toBe(investorBefore);
    const after = await j.get<Balance[]>(url);
    expect(after.find((b) => b.unitId === payer.unitId)?.owedByUnitOre).toBe(payer.owedByUnitOre - 50_000_00);
    expect(after.find((b) => b.unitId === investor.unitId)?.owedToUnitOre).toBe(investor.owedToUnitOre - 50_000_00);
  });

  it('at 390 px: no sideways scrolling, Sankey labels and heatmap values do not overlap', async () => {
    await page().goto(j.url(`/okonomi?${SPAN}&niva=1`));
    await page().setViewportSize({ width: 390, height: 844 });
    try {
      await j.check('76-okonomi-390');
      const { overflow, wide } = await horizontalOverflow(page());
      expect(overflow, `ruller vannrett: ${wide.join(', ')}`).toBeLessThanOrEqual(1);
      for (const id of ['sankey', 'heatmap']) {
        const chart = page().getByTestId(id);
        await chart.locator('svg text').first().waitFor();
        // the chart redraws for its new width
        await expect.poll(() => labelProblems(chart), { timeout: 10_000 }).toEqual([]);
        await chart.screenshot({ path: join(ARTIFACTS, `76-${id}-390.png`) });
      }
    } finally {
      await page().setViewportSize({ width: 1280, height: 900 });
    }
  });
});

describe('the project list', () => {
  it('shows every column at 1400 px without scrolling sideways', async () => {
    await page().setViewportSize({ width: 1400, height: 900 });
    try {
      await page().goto(j.url('/prosjekter'));
      await j.check('77-prosjekter-1400');
      const wrap = page().getByRole('region', { name: 'Prosjekter' });
      const { scroll, client } = await wrap.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroll, 'the table scrolls sideways').toBeLessThanOrEqual(client + 1);
      for (const name of ['Prosjekt', 'Prosjekteier', 'Prosjektleder', 'Fase', 'Kostnader', 'Gevinster', 'Status']) {
        const header = wrap.getByRole('columnheader', { name, exact: true });
        const box = await header.boundingBox();
        const frame = await wrap.boundingBox();
        expect(box && frame && box.x + box.width <= frame.x + frame.width + 1, `${name} is visible`).toBe(true);
      }
      const costs = await wrap.locator('tbody td.num').allTextContents();
      expect(costs.filter((c) => /,\d\d$/.test(c))).toEqual([]);
    } finally {
      await page().setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('search and filters narrow the list, count it, and are kept in the link', async () => {
    await page().goto(j.url('/prosjekter'));
    const rows = page().getByRole('region', { name: 'Prosjekter' }).locator('tbody tr');
    await rows.first().waitFor();
    const total = await rows.count();
    await expect.poll(() => page().getByTestId('prosjekt-antall').textContent()).toBe(`Viser ${total} av ${total} prosjekter`);

    await page().getByRole('searchbox', { name: 'Søk' }).fill('innkjøp');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Felles innkjøpsportal');
    expect(await page().getByTestId('prosjekt-antall').textContent()).toBe(`Viser 1 av ${total} prosjekter`);
    expect(new URL(page().url()).searchParams.get('sok')).toBe('innkjøp');

    // the project leader is searched too; a link keeps the search
    await page().goto(j.url(`/prosjekter?sok=${encodeURIComponent(LEADER.email.split('@')[0] ?? '')}`));
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    expect(await page().getByRole('searchbox', { name: 'Søk' }).inputValue()).toBe(LEADER.email.split('@')[0]);

    await page().goto(j.url('/prosjekter'));
    await rows.first().waitFor();
    await page().getByLabel('Prosjekteier').selectOption({ label: 'Anskaffelser' });
    await expect.poll(() => rows.count()).toBe(1);
    await page().getByLabel('Fase').selectOption('realisation');
    await expect.poll(() => page().getByTestId('prosjekt-antall').textContent()).toMatch(/^Viser 0 av \d+ prosjekter$/);
    expect(new URL(page().url()).searchParams.get('fase')).toBe('realisation');
    await page().getByRole('button', { name: 'Nullstill' }).click();
    await expect.poll(() => rows.count()).toBe(total);
    await page().getByLabel('Status').selectOption('red');
    await expect.poll(() => rows.count()).toBeLessThan(total);
    expect(await rows.count()).toBeGreaterThan(0);
    await j.check('78-prosjekter-filtrert');
    await j.checkNarrow('78-prosjekter-filtrert');
  });
});
