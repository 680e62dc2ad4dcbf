import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { authorizationHeader } from '@gevinst/spreadsheet/cli';

export const TERTIAL_USAGE = `Bruk:
  gevinst tertialrapport --tertial 2026-T2 --unit <enhet-id> [--as-of 2026-08-31|2026-08-31T12:00:00Z] --out rapport.pdf|rapport.docx|rapport.html|rapport.json [--api URL]

Lager tertialrapporten for enheten slik tallene var kjent per --as-of (standard: nå). Tidspunktet rapporten
ble laget per står i dokumentet; gi det samme --as-of igjen for å lage nøyaktig den samme rapporten.
--api er adressen til Gevinst (standard: $GEVINST_API eller http://localhost:3000); tokenet i $GEVINST_TOKEN
(ellers $GEVINST_ADMIN_TOKEN) sendes som «Authorization: Bearer …».`;

type Out = { log(text: string): void; error(text: string): void };
const FORMATS: Record<string, string> = { '.pdf': '.pdf', '.docx': '.docx', '.html': '.html', '.json': '' };

/** `gevinst tertialrapport …`: fetches the report from the API and writes it to --out; 0 when written */
export async function tertialReportCommand(args: string[], out: Out = console, env: Record<string, string | undefined> = process.env): Promise<number> {
  let values: { tertial?: string; unit?: string; 'as-of'?: string; out?: string; api?: string };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: { tertial: { type: 'string' }, unit: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' }, api: { type: 'string' } },
    }));
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n\n${TERTIAL_USAGE}`);
    return 2;
  }
  const missing = !values.tertial ? '--tertial' : !values.unit ? '--unit' : !values.out ? '--out' : null;
  if (missing) {
    out.error(`Oppgi ${missing}.\n\n${TERTIAL_USAGE}`);
    return 2;
  }
  const file = values.out ?? '';
  const format = FORMATS[extname(file).toLowerCase()];
  if (format === undefined) {
    out.error(`--out må slutte på .pdf, .docx, .html eller .json.\n\n${TERTIAL_USAGE}`);
    return 2;
  }
  const query = new URLSearchParams({ tertial: values.tertial ?? '', unit: values.unit ?? '' });
  if (values['as-of']) query.set('asOf', values['as-of']);
  const api = (values.api ?? env.GEVINST_API ?? 'http://localhost:3000').replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${api}/api/reports/tertial${format}?${query}`, { headers: authorizationHeader(env) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    out.error(`Fikk ikke kontakt med Gevinst (${cause?.code ?? cause?.message ?? 'ukjent feil'}). Kjører API-et? Oppgi adressen med --api.`);
    return 2;
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let message = res.statusText;
    try {
      const e = (JSON.parse(body.toString('utf8')) as { error?: { message: string; fields?: { path: string; message: string }[] } }).error;
      if (e) message = `${e.message}${e.fields?.length ? ': ' + e.fields.map((f) => `${f.path}: ${f.message}`).join('; ') : ''}`;
    } catch {
      // not JSON: the status text says it
    }
    out.error(`Gevinst svarte ${res.status}: ${message}`);
    return 1;
  }
  writeFileSync(file, body);
  out.log(`Skrev ${file} (${body.length} byte): tertialrapport ${values.tertial} per ${res.headers.get('x-as-of') ?? 'nå'}.`);
  return 0;
}
