import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './browser';
import { Journey } from './harness';
import { FINANCE, LEADER, OWNER } from './people';

/**
 * Names are data, never markup. Units, a project and benefits named with script payloads make a
 * cross-unit flow; the pointer then crosses every point of the Sankey and the heatmap on /okonomi
 * (ECharts writes tooltips as HTML), and the unit, project, benefit, trace and audit pages are opened.
 * No payload may run, and the names must read literally.
 */

const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG = '<svg onload=window.__pwned=2>';
const SCRIPT = '"><script>window.__pwned=3</script>';
const BENEFIT = '<img src=y onerror="window.__pwned=4">';
const SPAN = 'fra=2026-T1&til=2026-T3&niva=1';

const j = new Journey();
const ids = { kommune: '', payer: '', recipient: '', other: '', project: '', benefit: '', second: '' };

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/** Records every text the chart tooltips show, however briefly. */
const recordTooltips = (page: Page) =>
  page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { __tooltips: Set<string> }).__tooltips = seen;
    new MutationObserver(() => {
      document.querySelectorAll('.chart-tooltip').forEach((el) => el.textContent && seen.add(el.textContent));
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
/** The tooltip texts seen, with the narrow spaces of amounts as plain spaces. */
const tooltips = async (page: Page) =>
  (await page.evaluate(() => [...(window as unknown as { __tooltips: Set<string> }).__tooltips])).map((text) => text.replace(/[\u00a0\u202f]/g, ' '));

/** Moves the pointer over the whole chart in a grid, then to the middle of every shape, so every node, link and cell is hovered. */
async function sweep(page: Page, testId: string, step = 24) {
  const chart = page.locator(`[data-testid="${testId}"]`);
  await chart.locator('svg').waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  for (let y = box.y + 2; y < box.y + box.height; y += step) {
    for (let x = box.x + 2; x < box.x + box.width; x += step) await page.mouse.move(x, y);
  }
  const centres = await chart.locator('svg').evaluate((svg) =>
    [...svg.querySelectorAll('path, rect')].map((shape) => shape.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })));
  for (const { x, y } of centres) await page.mouse.move(x, y);
}

beforeAll(async () => {
  await j.start();
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.payer = await j.send('/api/units', { name: IMG, parentId: ids.kommune });
  ids.recipient = await j.send('/api/units', { name: SVG, parentId: ids.kommune });
  ids.other = await j.send('/api/units', { name: SCRIPT, parentId: ids.kommune });
  ids.project = await j.send('/api/projects', { name: SCRIPT, ownerUnitId: ids.payer, projectLeader: LEADER.email });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.payer, amountOre: 30_000_000, period: '2026-T1', kind: 'one-off' });
  const benefit = (title: string, recipientUnitId: string) => ({
    title, recipientUnitId, owner: OWNER.email, indicator: SVG, unitOfMeasure: IMG, direction: 'decrease',
    category: 'budget', cashReleasing: true, valuationOrePerUnit: 65_000, plan: [{ period: '2026-T1', quantity: 100 }],
  });
  ids.benefit = await j.send(`/api/projects/${ids.project}/benefits`, benefit(BENEFIT, ids.recipient));
  ids.second = await j.send(`/api/projects/${ids.project}/benefits`, benefit(SCRIPT, ids.other));
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 120 });
  await j.send(`/api/benefits/${ids.second}/realisations`, { period: '2026-T1', quantity: 40 });
  // finance for the municipality sees the ledger, the units' and the project's history
  await j.grant(FINANCE.email, 'finance', ids.kommune);
});

afterAll(() => j.stop());

describe('navn med skript kjøres aldri', () => {
  it('økonomi: pekeren over hele Sankey-diagrammet og varmekartet kjører ingenting, og verktøytipsene viser navnene som tekst', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    await page.goto(j.url(`/okonomi?${SPAN}`));
    await settled(page);
    await recordTooltips(page);
    await sweep(page, 'sankey');
    await sweep(page, 'heatmap');
    expect(await pwned(page)).toBeUndefined();
    expect(await page.locator('img[src="x"], img[src="y"], main svg[onload]').count()).toBe(0);
    console.log(`verktøytips sett: ${(await tooltips(page)).length}`);

    const shown = await tooltips(page);
    // a link of the Sankey, a node, a cell of the heatmap
    expect(shown).toContain(`${IMG} (betaler) → ${SVG} (mottaker): kr 78 000`);
    expect(shown).toContain(`${SCRIPT} (mottaker): kr 26 000`);
    expect(shown).toContain(`${IMG} → ${SCRIPT}: kr 26 000`);
    // the table beside the chart says the same, as text
    await page.getByRole('row').filter({ hasText: IMG }).filter({ hasText: SVG }).first().waitFor();
  }, 240_000);

  it('spor, enhet, prosjekt, gevinst og «hvem gjorde hva» viser navnene bokstavelig', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    const literal = async (path: string, ...names: string[]) => {
      await page.goto(j.url(path));
      await settled(page);
      for (const name of names) await expect.poll(() => page.locator('main').textContent(), { message: `${path} viser ${name}` }).toContain(name);
      expect(await pwned(page), path).toBeUndefined();
    };
    await literal(`/okonomi/spor?${SPAN}&fraEnhet=${ids.payer}&tilEnhet=${ids.recipient}`, `betalt av ${IMG}`, `gevinst hos ${SVG}`);
    await literal(`/enheter/${ids.payer}`, IMG);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(IMG);
    await literal(`/prosjekter/${ids.project}`, SCRIPT, BENEFIT, IMG, SVG);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SCRIPT);
    await page.mouse.move(0, 0);
    await sweep(page, `benefit-chart-${ids.benefit}`, 16);
    expect(await pwned(page)).toBeUndefined();
    await literal(`/gevinster/${ids.benefit}`, BENEFIT, SVG, IMG, SCRIPT);
    await literal('/enheter', IMG, SVG, SCRIPT);
    await literal('/prosjekter', SCRIPT);
    await literal(`/prosjekter/${ids.project}/historikk`, `Hvem gjorde hva, når – ${SCRIPT}`);
    await literal(`/enheter/${ids.recipient}/historikk`, `Hvem gjorde hva, når – ${SVG}`);
  }, 240_000);
});
