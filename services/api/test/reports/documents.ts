import JSZip from 'jszip';

/** Reads the tables of the tertial report's documents as rows of cell texts, for comparing with the API. */
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

export type Rows = string[][];

/** every `<table>` of the HTML, each as rows of its cells' text (tags stripped, whitespace folded) */
export const htmlTables = (html: string): Rows[] =>
  [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, body]) =>
    [...(body ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, c]) => unescape((c ?? '').replace(/<[^>]+>/g, '')).replace(/[ \t\r\n]+/g, ' ').trim()),
    ),
  );

/** the .docx's main part as XML */
export const docxXml = async (docx: Buffer): Promise<string> => {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('no word/document.xml in the .docx');
  return part.async('string');
};

const runsText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) => unescape(t ?? '')).join('');

/** every `<w:tbl>` of the document, each as rows of its cells' text */
export const docxTables = (xml: string): Rows[] =>
  [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, body]) =>
    [...(body ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...(row ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) => runsText(c ?? '').replace(/[ \t\r\n]+/g, ' ').trim()),
    ),
  );

/** the document's paragraphs' text, outside and inside tables */
export const docxText = (xml: string): string =>
  [...xml.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map(([, p]) => runsText(p ?? '')).join('\n');

/** the table whose header row starts with these cells; its body rows */
export const tableHeaded = (tables: Rows[], ...header: string[]): Rows => {
  const table = tables.find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!table) throw new Error(`no table headed ${header.join(' | ')}; headers: ${tables.map((t) => t[0]?.join(' | ')).join(' / ')}`);
  return table.slice(1);
};
