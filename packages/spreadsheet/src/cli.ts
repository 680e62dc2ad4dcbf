import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { printTable } from './cli/printTable';
import type { ImportReport } from './import/importPlan';
import { XLSX_TYPE } from './http/handlers';

const USAGE = `Bruk:
  gevinst import <plan.xlsx> --project <prosjekt-id> [--dry-run] [--unit "<navn i arket>=<enhet-id>"]… [--api URL]
  gevinst template [--out gevinstrealiseringsplan.xlsx] [--from-year 2026] [--years 4] [--granularity tertial|year] [--api URL]
  gevinst export ledger|portfolio|plan [--format xlsx|csv] [--view flows|matrix|units|balances] [--from 2026-T1] [--to 2026-T3]
                 [--level 1] [--as-of 2026-04-30] [--project <prosjekt-id>] [--out fil] [--api URL]

--api er adressen til Gevinst (standard: $GEVINST_API eller http://localhost:3000).
Tokenet i $GEVINST_TOKEN (ellers $GEVINST_ADMIN_TOKEN) sendes som «Authorization: Bearer …».
«import» gjør alltid en prøvekjøring først; uten --dry-run lagres planen bare hvis prøvekjøringen er feilfri.`;

type Out = { log(text: string): void; error(text: string): void };

class UsageError extends Error {}

export async function main(argv: string[], out: Out = console): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await importCommand(rest, out);
    if (command === 'template') return await templateCommand(rest, out);
    if (command === 'export') return await exportCommand(rest, out);
    out.error(USAGE);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof TypeError && error.message === 'fetch failed') {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      out.error(`Fikk ikke kontakt med Gevinst (${cause?.code ?? cause?.message ?? 'ukjent feil'}). Kjører API-et? Oppgi adressen med --api.`);
      return 2;
    }
    out.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

const common = {
  api: { type: 'string' },
} as const;

/** the token scripts use: GEVINST_TOKEN (an access token from the issuer), else the bootstrap GEVINST_ADMIN_TOKEN */
export const authorizationHeader = (env: Record<string, string | undefined> = process.env): Record<string, string> => {
  const token = env.GEVINST_TOKEN?.trim() || env.GEVINST_ADMIN_TOKEN?.trim();
  return token ? { authorization: `Bearer ${token}` } : {};
};

const NOT_LOGGED_IN = 'Sett GEVINST_TOKEN (eller GEVINST_ADMIN_TOKEN) til et gyldig token.';

const apiOf = (value: string | undefined) => (value ?? process.env.GEVINST_API ?? 'http://localhost:3000').replace(/\/+$/, '');

async function importCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = guard(() =>
    parseArgs({ args, allowPositionals: true, strict: true, options: {
    ...common,
    project: { type: 'string' },
    'dry-run': { type: 'boolean' },
    unit: { type: 'string', multiple: true },
  } }));
  const file = positionals[0];
  if (!file) throw new UsageError('Oppgi filen som skal importeres.');
  const project = values.project;
  if (!project) throw new UsageError('Oppgi prosjektet med --project <prosjekt-id>.');
  const answers: Record<string, string> = {};
  for (const pair of values.unit ?? []) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--unit «${pair}»: skriv «navn i arket=enhet-id»`);
    answers[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  const bytes = readFileSync(file);
  const api = apiOf(values.api);
  const send = async (dryRun: boolean) => {
    const query = new URLSearchParams();
    if (dryRun) query.set('dryRun', '1');
    if (Object.keys(answers).length) query.set('units', JSON.stringify(answers));
    const res = await fetch(`${api}/api/projects/${encodeURIComponent(project)}/import?${query}`, {
      method: 'POST',
      headers: { 'content-type': XLSX_TYPE, ...authorizationHeader() },
      body: new Blob([new Uint8Array(bytes)]),
    });
    const body = (await res.json()) as Partial<ImportReport> & { error?: { message: string; fields?: { path: string; message: string }[] } };
    if (!Array.isArray(body.problems)) {
      const e = body.error ?? { message: `Gevinst svarte ${res.status}` };
      if (res.status === 401) throw new Error(`${e.message}. ${NOT_LOGGED_IN}`);
      throw new Error(`${e.message}${e.fields?.length ? ': ' + e.fields.map((f) => `${f.path}: ${f.message}`).join('; ') : ''}`);
    }
    return body as ImportReport;
  };

  const dry = await send(true);
  printReport(basename(file), dry, out);
  if (!dry.ok) return 1;
  if (values['dry-run']) {
    out.log(`Prøvekjøringen er feilfri: ${dry.benefits} gevinster kan importeres. Kjør uten --dry-run for å lagre dem.`);
    return 0;
  }
  const done = await send(false);
  if (!done.ok) {
    printReport(basename(file), done, out);
    return 1;
  }
  out.log(`Importert: ${done.benefitIds.length} nye gevinster` + (done.unchanged ? `, ${done.unchanged} fantes fra før` : '') + '.');
  return 0;
}

function printReport(file: string, report: ImportReport, out: Out): void {
  for (const warning of report.warnings ?? []) out.log(`Merk: ${warning}`);
  if (report.problems.length > 0) {
    out.log(`${file}: ${report.problems.length} problem${report.problems.length === 1 ? '' : 'er'} – ingenting er lagret.\n`);
    out.log(
      printTable(
        ['Ark', 'Rad', 'Kolonne', 'Celle', 'Problem'],
        report.problems.map((p) => [p.sheet ?? '', p.row === null ? '' : String(p.row), p.column ?? '', p.cell ?? '', p.message]),
        [24, 5, 26, 8, 90],
      ),
    );
    out.log('');
  }
  for (const q of report.questions) {
    out.log(`Spørsmål (${q.sheet}, rad ${q.rows.join(', ')}, ${q.column}): ${q.message}`);
    out.log(printTable(['Enhet-id', 'Plassering', 'Org.nr.'], q.candidates.map((c) => [c.unitId, c.path, c.orgNumber ?? ''])));
    out.log(`Svar med: --unit "${q.value}=<enhet-id>"\n`);
  }
}

async function templateCommand(args: string[], out: Out): Promise<number> {
  const { values } = guard(() =>
    parseArgs({ args, allowPositionals: true, strict: true, options: {
    ...common,
    out: { type: 'string' },
    'from-year': { type: 'string' },
    years: { type: 'string' },
    granularity: { type: 'string' },
  } }));
  const query = new URLSearchParams();
  if (values['from-year']) query.set('fromYear', values['from-year']);
  if (values.years) query.set('years', values.years);
  if (values.granularity) query.set('granularity', values.granularity);
  return saveDownload(`${apiOf(values.api)}/api/templates/gevinstrealiseringsplan.xlsx?${query}`, values.out ?? 'gevinstrealiseringsplan.xlsx', out);
}

async function exportCommand(args: string[], out: Out): Promise<number> {
  const { values, positionals } = guard(() =>
    parseArgs({ args, allowPositionals: true, strict: true, options: {
    ...common,
    format: { type: 'string' },
    view: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    level: { type: 'string' },
    'as-of': { type: 'string' },
    project: { type: 'string' },
    out: { type: 'string' },
  } }));
  const what = positionals[0];
  const format = values.format ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') throw new UsageError('--format må være xlsx eller csv.');
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'level', 'view'] as const) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  if (values['as-of']) query.set('asOf', values['as-of']);
  let path: string;
  if (what === 'ledger') path = `/api/export/ledger.${format}`;
  else if (what === 'portfolio') path = `/api/export/portfolio.${format}`;
  else if (what === 'plan') {
    if (!values.project) throw new UsageError('Oppgi prosjektet med --project <prosjekt-id>.');
    path = `/api/export/projects/${encodeURIComponent(values.project)}/plan.${format}`;
  } else throw new UsageError('Velg hva som skal eksporteres: ledger, portfolio eller plan.');
  return saveDownload(`${apiOf(values.api)}${path}?${query}`, values.out, out);
}

/** Streams a download to a file, showing rows and bytes as it goes. */
async function saveDownload(url: string, file: string | undefined, out: Out): Promise<number> {
  const res = await fetch(url, { headers: authorizationHeader() });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    out.error(`Gevinst svarte ${res.status}: ${body?.error?.message ?? res.statusText}${res.status === 401 ? `. ${NOT_LOGGED_IN}` : ''}`);
    return 1;
  }
  const name = file ?? /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'eksport';
  const rows = res.headers.get('x-export-rows');
  let bytes = 0;
  let shown = 0;
  const progress = process.stderr.isTTY;
  const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (progress && bytes - shown > 256 * 1024) {
      shown = bytes;
      process.stderr.write(`\r${name}: ${(bytes / 1e6).toFixed(1)} MB${rows ? ` (${rows} rader)` : ''}`);
    }
  });
  await pipeline(body, createWriteStream(name));
  if (progress) process.stderr.write('\r');
  out.log(`Lagret ${name} (${(bytes / 1e3).toFixed(0)} kB${rows ? `, ${rows} rader` : ''}).`);
  return 0;
}

function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
