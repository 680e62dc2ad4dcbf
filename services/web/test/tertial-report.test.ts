import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE } from './people';

/**
 * «Tertialrapport» from finance's side: choose the tertial and the unit, see the key figures and the
 * unacceptable benefits, and press one button for the PDF (printed by the server's Chromium) or the
 * DOCX — both made for the instant the preview states.
 */
const j = new Journey();

beforeAll(async () => {
  await j.start();
}, 120_000);
afterAll(() => j.stop());

describe('tertialrapport', () => {
  it('økonomi: velger tertial og enhet, ser sammendraget og laster ned PDF og DOCX for samme tidspunkt', async () => {
    const arranged = await j.arrangeBenefit();
    await j.grant(FINANCE.email, 'finance', arranged.kommune);
    const { page } = j;
    await page.goto(j.url('/'));
    await j.useUser(FINANCE.email);
    await page.getByRole('link', { name: 'Tertialrapport' }).click();
    await page.locator('#rapport-tertial').selectOption('2026-T1');
    await page.locator('#rapport-enhet').selectOption(arranged.kommune);
    await page.getByRole('button', { name: 'Vis rapporten' }).click();
    await page.getByRole('heading', { name: 'Tertialrapport 2026 T1 – Testkommune' }).waitFor({ timeout: 30_000 });
    const unacceptable = page.getByRole('table', { name: /Gevinster med status uakseptabelt/ });
    await unacceptable.waitFor();
    const row = (await unacceptable.locator('tbody tr').first().locator('th, td').allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
    expect(row).toEqual(['Raskere byggesaksbehandling', 'Byggesak', 'byggesak@fjordvik.kommune.no', 'kr 65 000', 'kr 0', 'Ikke rapportert innen fristen']);
    // what the owner has still not recorded for the tertial, before the report's deadline
    const missing = page.getByRole('table', { name: /Det som mangler for/ });
    await missing.waitFor();
    expect(await missing.locator('tbody').textContent()).toContain('Raskere byggesaksbehandling');
    await j.check('tertialrapport');

    const report = await j.get<{ asOf: string }>(`/api/reports/tertial?tertial=2026-T1&unit=${arranged.kommune}`);
    const pdfLink = page.getByRole('link', { name: /Last ned PDF/ });
    const href = (await pdfLink.getAttribute('href')) ?? '';
    const asOf = new URL(href, j.url('/')).searchParams.get('asOf') ?? '';
    expect(Date.parse(asOf)).toBeLessThanOrEqual(Date.parse(report.asOf));

    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), pdfLink.click()]);
    expect(pdf.suggestedFilename()).toBe(`tertialrapport-2026-T1-${arranged.kommune}.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [docx] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: /Last ned DOCX/ }).click()]);
    expect(docx.suggestedFilename()).toBe(`tertialrapport-2026-T1-${arranged.kommune}.docx`);
    expect(readFileSync((await docx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 180_000);
});
