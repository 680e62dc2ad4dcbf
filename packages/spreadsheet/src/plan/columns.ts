import { normalise } from './labels';
import type { PlanRow } from './planRow';

/** `text` is trimmed (the domain trims names); `freeText` is kept exactly as written (change, comment). */
export type ColumnKind = 'text' | 'freeText' | 'number' | 'date' | 'category' | 'direction' | 'boolean' | 'unit' | 'kroner' | 'email' | 'schedule' | 'shares' | 'goals';

export type ColumnKey = Exclude<keyof PlanRow, 'plan'>;

export interface PlanColumn {
  key: ColumnKey;
  header: string;
  kind: ColumnKind;
  /** the column must be in the sheet */
  required: boolean;
  /** other headers people use for the same thing */
  aliases: string[];
  width: number;
  /** what to write in it, for the instruction sheet */
  help: string;
}

/**
 * The fixed columns of the plan sheet, in order; the period columns come before Kommentar. New columns
 * go after Kontantfrigjørende, so the letters of the older ones stay where people know them.
 */
export const PLAN_COLUMNS: PlanColumn[] = [
  { key: 'change', header: 'Endring/tiltak', kind: 'freeText', required: false, aliases: ['endring', 'tiltak', 'endring / tiltak'], width: 28,
    help: 'Endringen eller tiltaket som skal gi gevinsten (f.eks. «Digital byggesøknad»).' },
  { key: 'title', header: 'Gevinst', kind: 'text', required: true, aliases: ['gevinstbeskrivelse', 'beskrivelse av gevinst'], width: 36,
    help: 'Kort beskrivelse av gevinsten. Må fylles ut.' },
  { key: 'category', header: 'Gevinstkategori', kind: 'category', required: true, aliases: ['kategori'], width: 24,
    help: 'Velg fra listen: budsjettmessig, alternativ anvendelse, øvrig offentlig sektor eller ikke-prissatt.' },
  { key: 'recipient', header: 'Gevinstmottaker (enhet)', kind: 'unit', required: true, aliases: ['gevinstmottaker', 'enhet', 'mottaker'], width: 28,
    help: 'Enheten som får gevinsten: enhetens navn slik det står i Gevinst, eller organisasjonsnummeret (9 siffer). Har flere enheter samme navn, skriv hele veien, f.eks. «Sandnes kommune / Oppvekst».' },
  { key: 'owner', header: 'Gevinsteier', kind: 'email', required: true, aliases: ['eier', 'gevinstansvarlig'], width: 28,
    help: 'E-postadressen til lederen i mottakerenheten som er ansvarlig for å realisere gevinsten.' },
  { key: 'indicator', header: 'Måleindikator', kind: 'text', required: true, aliases: ['indikator'], width: 28,
    help: 'Hva som måles, f.eks. «Saksbehandlingstid per byggesak».' },
  { key: 'unitOfMeasure', header: 'Måleenhet', kind: 'text', required: true, aliases: ['enhet for måling'], width: 14,
    help: 'Enheten indikatoren måles i, f.eks. «timer», «kr», «antall».' },
  { key: 'direction', header: 'Retning', kind: 'direction', required: true, aliases: ['ønsket retning'], width: 12,
    help: 'Velg «økning» eller «reduksjon»: om gevinsten er at indikatoren går opp eller ned.' },
  { key: 'baseline', header: 'Nullpunkt verdi', kind: 'number', required: false, aliases: ['nullpunkt', 'nullpunktsverdi'], width: 14,
    help: 'Indikatorens verdi før endringen. Tall; desimalkomma og desimalpunktum godtas begge (1,5 og 1.5).' },
  { key: 'baselineDate', header: 'Nullpunkt dato', kind: 'date', required: false, aliases: ['nullpunktsdato', 'dato for nullpunkt'], width: 14,
    help: 'Datoen nullpunktet ble målt, som dato i Excel eller skrevet dd.mm.åååå.' },
  { key: 'target', header: 'Målverdi', kind: 'number', required: false, aliases: ['ønsket verdi'], width: 12,
    help: 'Verdien prosjektet lover at indikatoren skal nå.' },
  { key: 'targetDate', header: 'Måldato', kind: 'date', required: false, aliases: ['dato for målverdi'], width: 14,
    help: 'Når målverdien skal være nådd (dd.mm.åååå).' },
  { key: 'valuationOrePerUnit', header: 'Verdsetting (kr per enhet)', kind: 'kroner', required: false, aliases: ['verdsetting', 'kr per enhet'], width: 16,
    help: 'Hva én måleenhet er verdt i kroner (f.eks. timesats). Høyst to desimaler. Tomt for ikke-prissatte gevinster.' },
  { key: 'cashReleasing', header: 'Kontantfrigjørende', kind: 'boolean', required: false, aliases: ['kontantfrigjørende (ja/nei)', 'budsjettmessig uttak'], width: 16,
    help: '«ja» hvis gevinsten kan tas ut av budsjettet (gevinstuttak), ellers «nei». Tomt betyr «nei».' },
  { key: 'disbenefit', header: 'Ulempe', kind: 'boolean', required: false, aliases: ['ulempe (ja/nei)', 'negativ gevinst', 'disbenefit'], width: 10,
    help: '«ja» hvis raden er en ulempe (en negativ virkning, f.eks. mer tid til opplæring): verdien teller mot i hovedboken, og planen er et tak, ikke et mål. Tomt betyr «nei».' },
  { key: 'measurementSchedule', header: 'Målefrekvens', kind: 'schedule', required: false, aliases: ['målehyppighet', 'måleperiode', 'frekvens'], width: 14,
    help: 'Hvor ofte gevinsten måles: «tertial», «år» eller «måned». Tomt: år når alle periodekolonnene med tall er budsjettår, måned når alle er måneder, ellers tertial.' },
  { key: 'sharedWith', header: 'Delt med', kind: 'shares', required: false, aliases: ['delt gevinst', 'deles med', 'andeler'], width: 24,
    help: 'Når en gevinst i et annet prosjekt gjelder samme mottakerenhet, indikator og måleenhet i overlappende perioder, må det stå hvordan gevinsten deles, ellers avvises raden (den ville blitt telt to ganger). Skriv den andre gevinstens id, så denne gevinstens andel og den andres andel i prosent med skråstrek mellom, f.eks. «<gevinst-id> 40/60» (til sammen høyst 100). Deles den med flere, skill med semikolon. Tomt: gevinsten deles ikke.' },
  { key: 'goals', header: 'Mål', kind: 'goals', required: false, aliases: ['mål gevinsten støtter', 'delmål', 'hovedmål'], width: 30,
    help: 'Målet eller målene i kommunens målstruktur som gevinsten støtter, med tittelen slik den står i Gevinst (under «Mål»). Skill flere med semikolon. Tomt: gevinsten knyttes ikke til noe mål.' },
  { key: 'comment', header: 'Kommentar', kind: 'freeText', required: false, aliases: ['merknad', 'kommentarer'], width: 36,
    help: 'Fritekst.' },
];

export const PLAN_SHEET = 'Gevinstrealiseringsplan';
export const HELP_SHEET = 'Veiledning';
export const UNITS_SHEET = 'Enheter';

export const columnByKey = (key: ColumnKey): PlanColumn => {
  const column = PLAN_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`Planen har ingen kolonne ${key}`);
  return column;
};

const byHeader = new Map<string, PlanColumn>();
for (const column of PLAN_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) byHeader.set(normalise(name), column);
}

/** The column a header names, or null (a period header is not a column here). */
export const columnForHeader = (header: string): PlanColumn | null => byHeader.get(normalise(header)) ?? null;
