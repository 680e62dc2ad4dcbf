import { dateText, kr, number, percent, statusText, VERDICT_LABEL, type TertialReport } from '@gevinst/domain/report';
import { escapeXml as esc, sankeySvg, scorecardSvg } from './figures';

/**
 * The tertial report as one self-contained HTML page (no scripts, no outside resources), printable:
 * A4 with margins, tables that do not split a row across pages. Every text from the data is escaped.
 * Chromium prints this page to the PDF, so the PDF shows exactly these texts.
 */
const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0; line-height: 1.35; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #1f4e8c; }
h2 { font-size: 13.5pt; margin: 8mm 0 2mm; color: #1f4e8c; border-bottom: 1px solid #c9d3e3; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.meta { color: #444; margin-bottom: 4mm; }
.meta strong { color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #d9d9d9; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef2f8; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr, tbody { break-inside: avoid; }
td { overflow-wrap: break-word; }
td.owner { font-size: 8.5pt; overflow-wrap: anywhere; }
.unacceptable tr:first-child td { border-bottom: none; padding-bottom: 0.4mm; }
.comment-row td { padding-top: 0.4mm; padding-bottom: 2mm; border-bottom: 1px solid #bbb; }
tfoot td { font-weight: 600; border-top: 1.5px solid #888; }
.status { font-weight: 600; white-space: nowrap; }
.s-green { color: #0b7a47; } .s-yellow { color: #8a6200; } .s-red { color: #b3261e; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm; margin: 3mm 0; }
.card { border: 1px solid #c9d3e3; border-radius: 2mm; padding: 2mm 2.5mm; break-inside: avoid; }
.card .label { font-size: 8.5pt; color: #444; }
.card .value { font-size: 12.5pt; font-weight: 600; white-space: nowrap; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; }
.comment { white-space: pre-wrap; }
.muted { color: #555; }
.indent-1 { padding-left: 5mm; } .indent-2 { padding-left: 10mm; } .indent-3 { padding-left: 15mm; }
.repro { font-size: 8pt; color: #555; margin-top: -2mm; }
`;

const statusCell = (status: TertialReport['portfolio']['rows'][number]['status'], pending = false) =>
  `<td class="status${status ? ` s-${status}` : ''}">${esc(statusText(status, pending))}</td>`;
const n = (text: string) => `<td class="n">${esc(text)}</td>`;

export const renderTertialHtml = (r: TertialReport): string => {
  const s = r.summary;
  const card = (label: string, value: string) => `<div class="card"><div class="label">${esc(label)}</div><div class="value">${esc(value)}</div></div>`;
  const out: string[] = [];
  out.push(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>${STYLE}</style></head><body><main>`);
  out.push(`<h1>${esc(r.title)}</h1>`);
  out.push(
    `<p class="meta">${esc(r.tertialLabel)} (${esc(dateText(r.from))} – ${esc(dateText(r.to))}) for <strong>${esc(r.unit.name)}</strong>. ` +
      `Tallene er slik de var kjent per <strong>${esc(r.asOfLabel)}</strong>: bare hendelser registrert innen dette tidspunktet er tatt med, ` +
      `og organisasjonen er slik den stod ${esc(dateText(r.orgDate))}.</p>`,
  );

  out.push(`<p class="repro">${esc(reproText(r))}</p>`);
  out.push('<h2>1. Sammendrag</h2><div class="cards">');
  out.push(card('Planlagt gevinst', kr(s.plannedOre)));
  out.push(card('Realisert gevinst', kr(s.realisedOre)));
  out.push(card('Realiseringsgrad', percent(s.realisationPct)));
  out.push(card('Kostnader', kr(s.costsOre)));
  out.push(card('Netto (gevinst − kostnad)', kr(s.netOre)));
  out.push(card('Gevinstuttak', kr(s.withdrawnOre)));
  out.push(card('Uakseptable gevinster', String(s.unacceptableBenefits)));
  out.push(card('Uakseptable mål', String(s.unacceptableGoals)));
  out.push('</div>');
  const c = s.benefits;
  out.push(
    `<p>Gevinster i tertialet: ${c.green} ønsket, ${c.yellow} akseptabelt, ${c.red} uakseptabelt, ${c.pending} ikke forfalt og ${c.none} uten plan i tertialet.</p>`,
  );

  out.push('<h2>2. Porteføljestatus</h2>');
  out.push('<table><thead><tr><th>Enhet</th><th>Status</th><th class="n">Planlagt</th><th class="n">Realisert</th><th class="n">Måloppnåelse</th><th class="n">Endring</th></tr></thead><tbody>');
  for (const row of r.portfolio.rows)
    out.push(`<tr><td>${esc(row.name)}</td>${statusCell(row.status, row.pending)}${n(kr(row.plannedOre))}${n(kr(row.realisedOre))}${n(percent(row.achievementPct))}${n(percent(row.changePct))}</tr>`);
  out.push('</tbody>');
  if (r.portfolio.total) {
    const t = r.portfolio.total;
    out.push(`<tfoot><tr><td>Sum ${esc(t.name)}</td>${statusCell(t.status, t.pending)}${n(kr(t.plannedOre))}${n(kr(t.realisedOre))}${n(percent(t.achievementPct))}${n(percent(t.changePct))}</tr></tfoot>`);
  }
  out.push('</table>');
  if (r.portfolio.projects.length > 0) {
    out.push('<h3>Prosjekter med gevinster i enheten</h3>');
    out.push('<table><thead><tr><th>Prosjekt</th><th>Fase</th><th>Status</th><th class="n">Gevinster</th><th class="n">Planlagt</th><th class="n">Realisert</th></tr></thead><tbody>');
    for (const p of r.portfolio.projects)
      out.push(`<tr><td>${esc(p.name)}</td><td>${esc(p.phase)}</td>${statusCell(p.status)}${n(String(p.benefitCount))}${n(kr(p.plannedOre))}${n(kr(p.realisedOre))}</tr>`);
    out.push('</tbody></table>');
  }

  out.push('<h2>3. Gevinstregnskap mellom enhetene</h2>');
  out.push('<p class="muted">Hvem betalte, hvem fikk gevinsten, og hva som er tatt ut og avregnet i tertialet.</p>');
  out.push(
    '<table><thead><tr><th>Enhet</th><th class="n">Kostnader</th><th class="n">Gevinst mottatt</th><th class="n">Av dette fra andre</th><th class="n">Gitt til andre</th><th class="n">Netto</th></tr></thead><tbody>',
  );
  for (const u of r.ledger.rows)
    out.push(`<tr><td>${esc(u.name)}</td>${n(kr(u.costsOre))}${n(kr(u.gainsReceivedOre))}${n(kr(u.gainsFromOthersOre))}${n(kr(u.gainsProducedForOthersOre))}${n(kr(u.netOre))}</tr>`);
  out.push('</tbody></table>');
  out.push('<h3>Uttak og avregning</h3>');
  out.push('<table><thead><tr><th>Enhet</th><th class="n">Gevinstuttak</th><th class="n">Avregnet inn</th><th class="n">Avregnet ut</th><th class="n">Ikke tatt ut</th></tr></thead><tbody>');
  for (const u of r.ledger.rows) out.push(`<tr><td>${esc(u.name)}</td>${n(kr(u.withdrawnOre))}${n(kr(u.settledInOre))}${n(kr(u.settledOutOre))}${n(kr(u.openOre))}</tr>`);
  out.push('</tbody></table>');
  const sankey = sankeySvg(r.ledger.flows);
  if (sankey) out.push(`<figure>${sankey}<figcaption>Figur 1. Gevinster mellom enheter i ${esc(r.tertialLabel)}: betalende enhet til venstre, mottaker til høyre.</figcaption></figure>`);
  if (r.ledger.flows.length > 0) {
    out.push('<h3>Gevinststrømmer</h3><table><thead><tr><th>Betalt av</th><th>Gevinst i</th><th class="n">Beløp</th></tr></thead><tbody>');
    for (const f of r.ledger.flows) out.push(`<tr><td>${esc(f.fromName)}</td><td>${esc(f.toName)}</td>${n(kr(f.ore))}</tr>`);
    out.push('</tbody></table>');
  } else out.push('<p>Ingen gevinster mellom enheter i tertialet.</p>');

  out.push(`<h2>4. Målekort ${r.scorecard.year}</h2>`);
  if (r.scorecard.rows.length === 0) out.push('<p>Enheten eier ingen mål.</p>');
  else {
    const figure = scorecardSvg(r.scorecard.rows, r.scorecard.year);
    if (figure) out.push(`<figure>${figure}<figcaption>Figur 2. Målekort ${r.scorecard.year} for ${esc(r.unit.name)}.</figcaption></figure>`);
    out.push('<table><thead><tr><th>Mål / indikator</th><th class="n">Krav</th><th class="n">Ønsket</th><th class="n">Akseptabelt</th><th class="n">Resultat</th><th>Vurdering</th></tr></thead><tbody>');
    for (const g of r.scorecard.rows)
      out.push(
        `<tr><td class="indent-${Math.min(3, g.depth)}">${esc(g.title)}${g.unitOfMeasure ? ` <span class="muted">(${esc(g.unitOfMeasure)})</span>` : ''}</td>${n(opt(g.requiredValue))}${n(opt(g.desiredLimit))}${n(opt(g.acceptableLimit))}${n(opt(g.result))}<td class="status${g.verdict ? ` s-${verdictColour[g.verdict]}` : ''}">${esc(g.verdict ? VERDICT_LABEL[g.verdict] : '–')}</td></tr>`,
      );
    out.push('</tbody></table>');
  }

  out.push('<h2>5. Uakseptable gevinster og mål</h2>');
  if (r.unacceptable.benefits.length === 0) out.push('<p>Ingen gevinster er uakseptable i tertialet.</p>');
  else {
    out.push('<table class="unacceptable"><colgroup><col style="width:22%"><col style="width:19%"><col style="width:14%"><col style="width:23%"><col style="width:11%"><col style="width:11%"></colgroup><thead><tr><th>Gevinst</th><th>Prosjekt</th><th>Mottaker</th><th>Eier</th><th class="n">Planlagt</th><th class="n">Realisert</th></tr></thead>');
    for (const b of r.unacceptable.benefits)
      out.push(
        `<tbody><tr><td>${esc(b.title)}</td><td>${esc(b.projectName ?? '–')}</td><td>${esc(b.recipientName)}</td><td class="owner">${esc(b.owner ?? '–')}</td>${n(kr(b.plannedOre))}${n(kr(b.realisedOre))}</tr>` +
          `<tr class="comment-row"><td colspan="6"><span class="muted">Eierens kommentar:</span> <span class="comment">${esc(commentText(b))}</span></td></tr></tbody>`,
      );
    out.push('</tbody></table>');
  }
  if (r.unacceptable.goals.length > 0) {
    out.push('<h3>Mål med uakseptabelt resultat</h3><table><thead><tr><th>Mål / indikator</th><th class="n">Resultat</th><th class="n">Akseptabelt</th><th>Kommentar</th></tr></thead><tbody>');
    for (const g of r.unacceptable.goals)
      out.push(`<tr><td>${esc(g.title)}</td>${n(opt(g.result))}${n(opt(g.acceptableLimit))}<td class="comment">${esc(g.comment ?? '–')}</td></tr>`);
    out.push('</tbody></table>');
  }

  if (r.costBenefit) {
    const cb = r.costBenefit;
    out.push(`<h2>6. ${esc(cb.title)}</h2><table><tbody>`);
    for (const line of cb.lines) out.push(`<tr><td>${esc(line.label)}</td>${n(line.ore === null ? (line.text ?? '–') : kr(line.ore))}</tr>`);
    out.push('</tbody></table>');
    for (const note of cb.notes) out.push(`<p class="muted">${esc(note)}</p>`);
  }

  out.push('</main></body></html>');
  return out.join('\n');
};

const verdictColour = { desired: 'green', acceptable: 'yellow', unacceptable: 'red' } as const;
const opt = (value: number | null) => (value === null ? '–' : number(value));
export const commentText = (b: { comment: string | null; unreported: boolean }) =>
  b.comment ?? (b.unreported ? 'Ikke rapportert innen fristen' : '–');
/** how to make the same report again: the parameters it was made with */
export const reproText = (r: { tertial: string; unit: { unitId: string }; asOf: string }) =>
  `Laget av Gevinst. Den samme rapporten lages igjen med tertial ${r.tertial}, enhet ${r.unit.unitId} og tidspunkt (asOf) ${r.asOf}`;
