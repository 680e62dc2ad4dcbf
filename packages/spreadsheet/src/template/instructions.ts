import type ExcelJS from 'exceljs';
import { HELP_SHEET, PLAN_COLUMNS, PLAN_SHEET } from '../plan/columns';

const INTRO = [
  'Gevinstrealiseringsplan – veiledning',
  '',
  `Fyll ut arket «${PLAN_SHEET}» med én rad per gevinst. Ikke endre navnet på arket eller overskriftene i første rad.`,
  'Tomme rader hoppes over. Ikke slå sammen celler: skriv verdien i hver rad.',
  'Tall kan skrives med desimalkomma eller desimalpunktum (1,5 og 1.5). Skriv store tall uten tusenskille eller med mellomrom (12500 eller 12 500): «12.500» og «12,500» er tvetydige og blir avvist.',
  'Datoer skrives som dd.mm.åååå (f.eks. 31.12.2026) eller som datoer i Excel.',
  'Kolonnene med periode i overskriften («2026 T1», «2026 T2», …, «2026» eller «mars 2026») er planlagt gevinst per tertial, budsjettår eller måned, i måleenheten. La cellen stå tom der det ikke er planlagt noe.',
  'En ulempe (en negativ virkning av endringen) føres som en egen rad med «ja» i kolonnen Ulempe: den teller mot i hovedboken.',
  'Tekst lagres slik den står, også linjeskift og mellomrom først og sist i Endring/tiltak og Kommentar. Gevinst skriver tekst som begynner med =, +, - eller @ som tekst, ikke som formel; skriver du selv en formel i Excel, leses verdien den viser.',
  '',
  'Slik importerer du planen:',
  '1. Last opp filen i prosjektet i Gevinst (eller kjør «gevinst import plan.xlsx --project <prosjekt-id> --dry-run»). Først gjøres en prøvekjøring: du får en liste over alle feil med ark, rad og kolonne, og ingenting lagres.',
  '2. Rett feilene i arket og last opp på nytt. Hvis et enhetsnavn passer med flere enheter, får du et spørsmål med kandidatene: skriv hele veien («Kommune / Sektor / Enhet») eller organisasjonsnummeret i cellen.',
  '3. Når prøvekjøringen er feilfri, importerer du. Enten lagres alle radene, eller ingen. Å importere samme fil to ganger endrer ingenting.',
  '',
  'Kolonner:',
];

/** Adds the instruction sheet in bokmål. */
export function addInstructionSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(HELP_SHEET);
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 100;
  INTRO.forEach((text, i) => {
    const row = ws.addRow([text]);
    if (i === 0) row.font = { bold: true, size: 14 };
    if (text.endsWith(':')) row.font = { bold: true };
    ws.mergeCells(row.number, 1, row.number, 2);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  for (const column of PLAN_COLUMNS) {
    const row = ws.addRow([column.header, column.help + (column.required ? ' (obligatorisk)' : '')]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  const periods = ws.addRow(['2026 T1, 2026 T2, …', 'Planlagt gevinst i perioden, i måleenheten (f.eks. timer). Tertial: T1 januar–april, T2 mai–august, T3 september–desember. Budsjettår: «2026». Måned: «mars 2026».']);
  periods.getCell(1).font = { bold: true };
  periods.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  return ws;
}
