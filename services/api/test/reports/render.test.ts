import { describe, expect, it } from 'vitest';
import { buildTertialReport, kr, number, percent, withCostBenefit, type TertialReportInputs } from '@gevinst/domain/report';
import type { BenefitView } from '@gevinst/domain/answers';
import { renderTertialHtml } from '../../src/reports/html';
import { renderTertialDocx } from '../../src/reports/docx';
import { sankeySvg } from '../../src/reports/figures';
import { htmlToPdf, PdfTimeoutError } from '../../src/reports/pdf';
import { toHttpError } from '../../src/http/errors';
import { docxText, docxXml } from './documents';

// The report's model and its renderings without a server: Norwegian formats, escaping, the same bytes.
const EVIL = '<script>alert("x")</script> & «Ond»';
const cell = (period: string, status: 'red' | 'green' | null, plannedOre: number, realisedOre: number) => ({
  period, status, pending: false, plannedOre, realisedOre, plannedQuantity: 0, realisedQuantity: null, dueDate: '2026-09-14', unreported: status === 'red',
});
const benefit = { id: 'b1', projectId: 'p1', title: EVIL, recipientUnitId: 'u2', owner: 'eier@kommune.no', cancelled: false, comment: null, realisations: [], statusByPeriod: [cell('2026-T2', 'red', 123_456_700, 0)] } as unknown as BenefitView;
const inputs: TertialReportInputs = {
  tertial: '2026-T2',
  unitId: 'u1',
  asOf: '2026-09-30T10:00:00.000Z',
  unitNames: { u1: 'Kommunen', u2: EVIL },
  subtree: ['u1', 'u2'],
  portfolioTotal: { periods: ['2026-T2'], rows: [{ unitId: 'u1', cells: [{ period: '2026-T2', status: 'red', pending: false, plannedOre: 123_456_700, realisedOre: 0, achievementPct: 12.25, changePct: null }] }] },
  portfolio: { periods: ['2026-T2'], rows: [{ unitId: 'u2', cells: [{ period: '2026-T2', status: 'red', pending: false, plannedOre: 123_456_700, realisedOre: 0, achievementPct: 12.25, changePct: null }] }] },
  ledger: { flows: [{ fromUnitId: 'u1', toUnitId: 'u2', ore: 50_000_00 }], units: [{ unitId: 'u2', costsOre: 1_000_00, gainsReceivedOre: 50_000_00, gainsFromOthersOre: 50_000_00, gainsProducedForOthersOre: 0, netOre: 49_000_00, nonValuedBenefitCount: 0, nonValuedRealisationCount: 0 }] },
  balances: [{ unitId: 'u2', plannedOre: 0, realisedOre: 0, cashReleasingOre: 0, withdrawnOre: 2_500_00, settledInOre: 0, settledOutOre: 0, openOre: 0, owedToUnitOre: 0, owedByUnitOre: 0 }],
  benefits: [benefit],
  projects: [{ projectId: 'p1', name: 'Prosjekt', phase: 'realisation' }],
  scorecard: { goalId: null, unitId: 'u1', unitName: 'Kommunen', years: [], rows: [], benefits: [], hiddenBenefits: 0, totals: { plannedOre: 0, realisedOre: 0 }, projects: [] },
};

describe('the tertial report’s model and renderings', () => {
  it('formats as the council reads: kr 1 234 567, decimal comma, no-break spaces', () => {
    expect(kr(123_456_700)).toBe('kr\u00a01\u00a0234\u00a0567');
    expect(kr(-50)).toBe('\u2212kr\u00a01');
    expect(number(1250.5)).toBe('1\u00a0250,5');
    expect(percent(12.25)).toBe('12,3\u00a0%');
    expect(percent(null)).toBe('–');
  });

  it('builds the model from the answers: totals, unacceptable benefits with their owners, the instant stated', () => {
    const r = buildTertialReport(inputs);
    expect(r.title).toBe('Tertialrapport 2026 T2 – Kommunen');
    expect(r.tertialLabel).toBe('2. tertial 2026');
    expect(r.asOfLabel).toBe('30. september 2026 kl. 12.00.00');
    expect(r.summary).toMatchObject({ plannedOre: 123_456_700, realisedOre: 0, realisationPct: 0, costsOre: 1_000_00, withdrawnOre: 2_500_00, unacceptableBenefits: 1 });
    expect(r.unacceptable.benefits[0]).toMatchObject({ owner: 'eier@kommune.no', unreported: true, projectName: 'Prosjekt' });
    expect(r.portfolio.projects[0]).toMatchObject({ phase: 'Gevinstrealisering', status: 'red' });
    expect(r.costBenefit).toBeUndefined();
    const cb = { title: 'Kost/nytte', lines: [{ label: 'Nåverdi', ore: 1_000_000_00, text: null }], notes: ['Kalkulasjonsrente 4 %'] };
    expect(withCostBenefit(r, cb).costBenefit).toEqual(cb);
    expect(buildTertialReport(inputs)).toEqual(r);
  });

  it('escapes every text in the HTML, the SVG and the DOCX, and shows the kost/nytte section when given', async () => {
    const r = withCostBenefit(buildTertialReport(inputs), { title: 'Kost/nytte', lines: [{ label: `Nåverdi ${EVIL}`, ore: 1_000_000_00, text: null }], notes: [] });
    const html = renderTertialHtml(r);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Ond»');
    expect(html).toContain('6. Kost/nytte');
    expect(html).toContain(kr(1_000_000_00));
    expect(sankeySvg(r.ledger.flows)).not.toContain('<script');
    const docx = await renderTertialDocx(r);
    const xml = await docxXml(docx);
    expect(xml).not.toContain('<script');
    expect(docxText(xml)).toContain(EVIL);
    expect(docxText(xml)).toContain('6. Kost/nytte');
    expect((await renderTertialDocx(r)).equals(docx)).toBe(true);
    expect(renderTertialHtml(r)).toBe(html);
  });
});

describe('a report too large to print in time', () => {
  it('gives the print up at its limit and is answered 503 with the way out (the DOCX), not a 500', async () => {
    const printing = htmlToPdf(renderTertialHtml(buildTertialReport(inputs)), { createdAt: '2026-09-01T00:00:00.000Z', title: 'Stor', timeoutMs: 1 });
    await expect(printing).rejects.toBeInstanceOf(PdfTimeoutError);
    const answer = toHttpError(await printing.catch((e: unknown) => e));
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('pdf_too_slow');
    expect(answer.body.error.message).toContain('DOCX');
  });
});
