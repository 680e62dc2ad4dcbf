import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { dateText, kr, number, percent, statusText, VERDICT_LABEL, type TertialReport } from '@gevinst/domain/report';
import { commentText, reproText } from './html';

/**
 * The tertial report as an editable Word document (`docx`), with the same sections and the same texts
 * as the HTML/PDF. The figures are given as tables here (the flows behind the Sankey, the målekort's
 * verdicts), so a person can edit them. The file is reproducible: the document's dates are the
 * report's `asOf`, and the zip is written again with fixed entry dates.
 */
const FONT = 'Arial';
const BLUE = '1F4E8C';
const COLOURS = { green: '0B7A47', yellow: '8A6200', red: 'B3261E' } as const;

const text = (value: string, options: { bold?: boolean; color?: string; size?: number } = {}) => new TextRun({ text: value, font: FONT, ...options });
const para = (value: string | TextRun[], options: { bold?: boolean; color?: string } = {}) =>
  new Paragraph({ children: typeof value === 'string' ? [text(value, options)] : value, spacing: { after: 80 } });
const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, children: [text(value, { color: BLUE })], spacing: { before: 240, after: 120 }, keepNext: true });

interface Cell {
  text: string;
  numeric?: boolean;
  bold?: boolean;
  color?: string;
}
const cell = (c: Cell | string, header = false, width?: number) => {
  const value = typeof c === 'string' ? { text: c } : c;
  return new TableCell({
    width: width === undefined ? undefined : { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        alignment: value.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [text(value.text, { bold: header || value.bold, color: value.color, size: 18 })],
      }),
    ],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F8' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
};
/** the text width of the page in twips (A4 less the margins below) */
const PAGE_WIDTH = 11906 - 2 * 900;

/** a table across the page; `weights` share its width between the columns (default: equal) */
const table = (header: (Cell | string)[], rows: (Cell | string)[][], weights: number[] = header.map(() => 1)) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((PAGE_WIDTH * w) / sum));
  return new Table({
    width: { size: PAGE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' },
      bottom: { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' },
      left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 2, color: 'D9D9D9' },
      insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
    },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, widths[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, widths[i])) })),
    ],
  });
};
const num = (value: string): Cell => ({ text: value, numeric: true });
const status = (s: TertialReport['portfolio']['rows'][number]['status'], pending = false): Cell => ({
  text: statusText(s, pending),
  bold: true,
  color: s ? COLOURS[s] : undefined,
});
const opt = (value: number | null) => (value === null ? '–' : number(value));
const verdictColour = { desired: COLOURS.green, acceptable: COLOURS.yellow, unacceptable: COLOURS.red } as const;

export const tertialDocxDocument = (r: TertialReport): Document => {
  const s = r.summary;
  const body: (Paragraph | Table)[] = [];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [text(r.title, { color: BLUE })], spacing: { after: 120 } }));
  body.push(
    para([
      text(`${r.tertialLabel} (${dateText(r.from)} – ${dateText(r.to)}) for `),
      text(r.unit.name, { bold: true }),
      text('. Tallene er slik de var kjent per '),
      text(r.asOfLabel, { bold: true }),
      text(`: bare hendelser registrert innen dette tidspunktet er tatt med, og organisasjonen er slik den stod ${dateText(r.orgDate)}.`),
    ]),
  );
  body.push(new Paragraph({ children: [text(reproText(r), { color: '555555', size: 16 })], spacing: { after: 120 } }));
  body.push(heading('1. Sammendrag'));
  body.push(
    table(
      ['Nøkkeltall', num('Verdi')],
      [
        ['Planlagt gevinst', num(kr(s.plannedOre))],
        ['Realisert gevinst', num(kr(s.realisedOre))],
        ['Realiseringsgrad', num(percent(s.realisationPct))],
        ['Kostnader', num(kr(s.costsOre))],
        ['Netto (gevinst − kostnad)', num(kr(s.netOre))],
        ['Gevinstuttak', num(kr(s.withdrawnOre))],
        ['Uakseptable gevinster', num(String(s.unacceptableBenefits))],
        ['Uakseptable mål', num(String(s.unacceptableGoals))],
      ],
      [4, 2],
    ),
  );
  const c = s.benefits;
  body.push(para(`Gevinster i tertialet: ${c.green} ønsket, ${c.yellow} akseptabelt, ${c.red} uakseptabelt, ${c.pending} ikke forfalt og ${c.none} uten plan i tertialet.`));

  body.push(heading('2. Porteføljestatus'));
  const portfolioRows = r.portfolio.rows.map((row) => [
    row.name,
    status(row.status, row.pending),
    num(kr(row.plannedOre)),
    num(kr(row.realisedOre)),
    num(percent(row.achievementPct)),
    num(percent(row.changePct)),
  ]);
  const t = r.portfolio.total;
  if (t)
    portfolioRows.push([
      { text: `Sum ${t.name}`, bold: true },
      status(t.status, t.pending),
      { ...num(kr(t.plannedOre)), bold: true },
      { ...num(kr(t.realisedOre)), bold: true },
      num(percent(t.achievementPct)),
      num(percent(t.changePct)),
    ]);
  body.push(table(['Enhet', 'Status', num('Planlagt'), num('Realisert'), num('Måloppnåelse'), num('Endring')], portfolioRows, [3.2, 1.8, 1.8, 1.8, 1.6, 1.2]));
  if (r.portfolio.projects.length > 0) {
    body.push(heading('Prosjekter med gevinster i enheten', HeadingLevel.HEADING_2));
    body.push(
      table(
        ['Prosjekt', 'Fase', 'Status', num('Gevinster'), num('Planlagt'), num('Realisert')],
        r.portfolio.projects.map((p) => [p.name, p.phase, status(p.status), num(String(p.benefitCount)), num(kr(p.plannedOre)), num(kr(p.realisedOre))]),
        [3.6, 2.2, 1.8, 1.2, 1.6, 1.6],
      ),
    );
  }

  body.push(heading('3. Gevinstregnskap mellom enhetene'));
  body.push(para('Hvem betalte, hvem fikk gevinsten, og hva som er tatt ut og avregnet i tertialet.'));
  body.push(
    table(
      ['Enhet', num('Kostnader'), num('Gevinst mottatt'), num('Av dette fra andre'), num('Gitt til andre'), num('Netto')],
      r.ledger.rows.map((u) => [u.name, num(kr(u.costsOre)), num(kr(u.gainsReceivedOre)), num(kr(u.gainsFromOthersOre)), num(kr(u.gainsProducedForOthersOre)), num(kr(u.netOre))]),
      [3, 1.5, 1.7, 1.7, 1.6, 1.5],
    ),
  );
  body.push(heading('Uttak og avregning', HeadingLevel.HEADING_2));
  body.push(
    table(
      ['Enhet', num('Gevinstuttak'), num('Avregnet inn'), num('Avregnet ut'), num('Ikke tatt ut')],
      r.ledger.rows.map((u) => [u.name, num(kr(u.withdrawnOre)), num(kr(u.settledInOre)), num(kr(u.settledOutOre)), num(kr(u.openOre))]),
      [3.2, 1.7, 1.7, 1.7, 1.7],
    ),
  );
  body.push(heading('Gevinststrømmer', HeadingLevel.HEADING_2));
  if (r.ledger.flows.length === 0) body.push(para('Ingen gevinster mellom enheter i tertialet.'));
  else {
    body.push(para(`Figur 1 (Sankey i PDF-utgaven) som tabell: gevinster i ${r.tertialLabel}, fra betalende enhet til mottaker.`));
    body.push(table(['Betalt av', 'Gevinst i', num('Beløp')], r.ledger.flows.map((f) => [f.fromName, f.toName, num(kr(f.ore))]), [3, 3, 1.6]));
  }

  body.push(heading(`4. Målekort ${r.scorecard.year}`));
  if (r.scorecard.rows.length === 0) body.push(para('Enheten eier ingen mål.'));
  else
    body.push(
      table(
        ['Mål / indikator', num('Krav'), num('Ønsket'), num('Akseptabelt'), num('Resultat'), 'Vurdering'],
        r.scorecard.rows.map((g) => [
          `${'  '.repeat(Math.min(3, g.depth))}${g.title}${g.unitOfMeasure ? ` (${g.unitOfMeasure})` : ''}`,
          num(opt(g.requiredValue)),
          num(opt(g.desiredLimit)),
          num(opt(g.acceptableLimit)),
          num(opt(g.result)),
          { text: g.verdict ? VERDICT_LABEL[g.verdict] : '–', bold: true, color: g.verdict ? verdictColour[g.verdict] : undefined },
        ]),
        [5, 1, 1, 1.3, 1.2, 1.6],
      ),
    );

  body.push(heading('5. Uakseptable gevinster og mål'));
  if (r.unacceptable.benefits.length === 0) body.push(para('Ingen gevinster er uakseptable i tertialet.'));
  else
    body.push(
      table(
        ['Gevinst', 'Prosjekt', 'Mottaker', 'Eier', num('Planlagt'), num('Realisert'), 'Eierens kommentar'],
        r.unacceptable.benefits.map((b) => [b.title, b.projectName ?? '–', b.recipientName, b.owner ?? '–', num(kr(b.plannedOre)), num(kr(b.realisedOre)), commentText(b)]),
        [2.1, 1.9, 1.5, 2.5, 1.6, 1.6, 2],
      ),
    );
  if (r.unacceptable.goals.length > 0) {
    body.push(heading('Mål med uakseptabelt resultat', HeadingLevel.HEADING_2));
    body.push(table(['Mål / indikator', num('Resultat'), num('Akseptabelt'), 'Kommentar'], r.unacceptable.goals.map((g) => [g.title, num(opt(g.result)), num(opt(g.acceptableLimit)), g.comment ?? '–'])));
  }

  if (r.costBenefit) {
    const cb = r.costBenefit;
    body.push(heading(`6. ${cb.title}`));
    body.push(table(['Post', num('Beløp')], cb.lines.map((l) => [l.label, num(l.ore === null ? (l.text ?? '–') : kr(l.ore))])));
    for (const note of cb.notes) body.push(para(note));
  }

  return new Document({
    creator: 'Gevinst',
    lastModifiedBy: 'Gevinst',
    title: r.title,
    description: `Tertialrapport per ${r.asOf}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 900, right: 900 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [text(`${r.title} · side `, { size: 16 }), new TextRun({ children: [PageNumber.CURRENT], size: 16, font: FONT }), text(' av ', { size: 16 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, font: FONT })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
};

/** the W3C date-time the document's properties state: the report's instant to the second */
const w3cdtf = (instant: string) => `${new Date(instant).toISOString().slice(0, 19)}Z`;

/**
 * The .docx bytes: the `docx` package stamps the clock into the document's properties and the zip's
 * entries, so both are set to the report's instant here — the same report gives the same bytes.
 */
export const renderTertialDocx = async (r: TertialReport): Promise<Buffer> => {
  const packed = await Packer.toBuffer(tertialDocxDocument(r));
  const zip = await JSZip.loadAsync(packed);
  const stamp = w3cdtf(r.asOf);
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = (await core.async('string'))
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    zip.file('docProps/core.xml', xml);
  }
  const date = new Date(r.asOf);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry || entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
};
