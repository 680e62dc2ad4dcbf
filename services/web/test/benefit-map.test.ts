import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitMapView } from '@gevinst/domain/answers';
import { Journey } from './harness';
import { LEADER } from './people';

/**
 * The gevinstkart from the project leader's side: from the project page to the map, nodes added and
 * joined by mouse, one joined by keyboard alone, the flags while the map is incomplete, the exported
 * SVG and PNG, and the map at 1400 px and 390 px, axe-clean.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

const nodeButton = (name: RegExp) => j.page.locator('svg.map-svg').getByRole('button', { name });

describe('gevinstkart', () => {
  it('prosjektleder: bygger kartet fra leveranse til mål med mus og tastatur, ser mangler, og laster det ned', async () => {
    const arranged = await j.arrangeBenefit();
    const { page } = j;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(j.url(`/prosjekter/${arranged.project}`));
    await j.useUser(LEADER.email);
    await page.getByRole('link', { name: 'Gevinstkart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gevinstkart for Digital byggesak' }).waitFor();
    await j.check('gevinstkart-tomt');

    // by mouse: a delivery, a change, the project's benefit and a goal
    const add = async (kind: string, label: string | null, benefitId?: string) => {
      await page.locator('#f-node-kind').selectOption(kind);
      if (benefitId) await page.locator('#f-node-benefitId').selectOption(benefitId);
      if (label !== null) await page.locator('#f-node-label').fill(label);
      await page.getByRole('button', { name: 'Legg til', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: new RegExp(label ?? 'Raskere byggesaksbehandling') }).waitFor();
      await j.page.waitForFunction(() => document.activeElement?.id === 'map-details-title');
    };
    await add('delivery', 'Digital byggesøknad');
    await add('change', 'Søknadene kommer komplette inn');
    await add('benefit', null, arranged.benefit);
    await add('goal', 'Byggesaker avgjort innen fristen');

    const flags = page.getByRole('region', { name: 'Dette mangler i kartet' });
    await flags.waitFor();
    expect(await flags.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Gevinster uten vei til et mål', 'Endringer uten gevinst']);
    expect(await flags.getByRole('listitem').allTextContents()).toEqual(['Raskere byggesaksbehandling', 'Søknadene kommer komplette inn']);
    // a benefit node shows its status in words, not only in colour
    await nodeButton(/^Gevinst\s*Raskere byggesaksbehandling\s*(Ikke målt|Ikke forfalt|Ønsket|Akseptabelt|Uakseptabelt)/).waitFor();

    const connect = async (from: RegExp, to: string, assumption: string) => {
      await nodeButton(from).click();
      await page.locator('#f-kobling-to').selectOption({ label: to });
      await page.locator('#f-kobling-assumption').fill(assumption);
      await page.getByRole('button', { name: 'Koble', exact: true }).click();
      await page.locator('.map-details').getByText(`Forutsetning: ${assumption}`).waitFor();
    };
    await connect(/^Leveranse\s*Digital byggesøknad/, 'Endring: Søknadene kommer komplette inn', 'Søkerne bruker den digitale søknaden');
    // a delivery may not lead straight to a goal: the editor offers only what the rule allows
    expect(await page.locator('#f-kobling-to option').allTextContents()).not.toContain('Mål: Byggesaker avgjort innen fristen');
    await connect(/^Gevinst\s*Raskere byggesaksbehandling/, 'Mål: Byggesaker avgjort innen fristen', 'Kortere saksbehandling gir færre fristbrudd');

    // by keyboard alone: Tab to the change, Enter opens it, join it to the benefit, Escape goes back to it
    await page.getByRole('heading', { level: 1 }).focus();
    const change = (await j.get<BenefitMapView>(`/api/projects/${arranged.project}/benefit-map`)).nodes.find((n) => n.kind === 'change')!.nodeId;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);
    for (let i = 0; i < 80 && (await focused()) !== change; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(change);
    await page.keyboard.press('Enter');
    await j.page.waitForFunction(() => document.activeElement?.id === 'map-details-title');
    expect(await page.locator('#map-details-title').textContent()).toBe('Endring: Søknadene kommer komplette inn');
    await page.locator('#f-kobling-to').waitFor();
    // Tab through the panel to the select, choose by arrow key, type the assumption, submit with Enter
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'f-kobling-to'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-kobling-to');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-kobling-to option:checked').textContent()).toBe('Gevinst: Raskere byggesaksbehandling');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Komplette søknader trenger mindre oppfølging');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.map-details').getByText('Forutsetning: Komplette søknader trenger mindre oppfølging').waitFor();
    await page.locator('#map-details-title').focus();
    await page.keyboard.press('Escape');
    await j.page.waitForFunction((id) => document.activeElement?.getAttribute('data-node-id') === id, change);

    // the map is whole now
    await page.getByText('Kartet er sammenhengende').waitFor();
    const map = await j.get<BenefitMapView>(`/api/projects/${arranged.project}/benefit-map`);
    expect(map.edges.map((e) => e.assumption)).toEqual([
      'Søkerne bruker den digitale søknaden',
      'Kortere saksbehandling gir færre fristbrudd',
      'Komplette søknader trenger mindre oppfølging',
    ]);
    expect(map.flags).toEqual({ benefitsWithoutGoal: [], changesWithoutBenefit: [] });

    // rename and remove, by mouse
    await add('delivery', 'Midlertidig leveranse');
    await page.locator('#f-navn-label').fill('Opplæring i ny søknad');
    await page.getByRole('button', { name: 'Lagre navnet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Leveranse: Opplæring i ny søknad' }).waitFor();
    await page.getByRole('button', { name: 'Fjern noden' }).click();
    await page.getByRole('button', { name: 'Ja, fjern noden' }).click();
    await nodeButton(/Opplæring i ny søknad/).waitFor({ state: 'detached' });
    expect((await j.get<BenefitMapView>(`/api/projects/${arranged.project}/benefit-map`)).nodes.map((n) => n.label)).toEqual([
      'Digital byggesøknad', 'Søknadene kommer komplette inn', 'Raskere byggesaksbehandling', 'Byggesaker avgjort innen fristen',
    ]);

    // exports: the SVG file holds the map and its assumptions; the PNG is a PNG
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe('gevinstkart-digital-byggesak.svg');
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of ['Digital byggesøknad', 'Søknadene kommer komplette', 'byggesaksbehandling', 'Forutsetninger', '1. Søkerne bruker den digitale søknaden', 'Leveranse', 'Mål'])
      expect(svg, text).toContain(text);
    expect(svg).not.toContain('tabindex');
    await page.getByRole('link', { name: 'Last ned PNG' }).waitFor();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned PNG' }).click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // the map at 1400 px and on a phone
    await page.getByRole('heading', { level: 1 }).focus();
    await j.check('gevinstkart-1400');
    await j.checkNarrow('gevinstkart');
    await page.setViewportSize({ width: 1400, height: 900 });
  }, 180_000);
});
