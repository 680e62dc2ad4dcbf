import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import { buildPlanTemplate } from '../../src/template/buildPlanTemplate';
import { goodRow } from '../fixtures/make-fixtures';
import { startSheetGevinst, type SheetGevinst } from './gevinst';
import { TEST_ADMIN_TOKEN } from '../../../../services/api/test/helpers';

let g: SheetGevinst;
let dir: string;
let projectId: string;

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await main([...argv, '--api', g.url], { log: (t) => lines.push(t), error: (t) => lines.push(t) });
  return { code, text: lines.join('\n') };
};

const savedToken = process.env.GEVINST_TOKEN;
afterAll(() => {
  if (savedToken === undefined) delete process.env.GEVINST_TOKEN;
  else process.env.GEVINST_TOKEN = savedToken;
});

beforeAll(async () => {
  // the CLI authenticates as a script does: the token in GEVINST_TOKEN
  process.env.GEVINST_TOKEN = TEST_ADMIN_TOKEN;
  g = await startSheetGevinst({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'gevinst-cli-'));
  const kommune = g.api.readModels.units.list().find((u) => u.parentId === null)!;
  projectId = await g.send('registerProject', { name: 'CLI-prosjekt', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
});
afterAll(async () => {
  await g?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gevinst import', () => {
  it('prints every problem as a table with sheet, row, column and reason, and stores nothing', async () => {
    const before = (await g.api.store.readAll()).length;
    const { code, text } = await run('import', join(__dirname, '../fixtures/bad-numbers.xlsx'), '--project', projectId);
    expect(code).toBe(1);
    expect(text).toMatch(/ingenting er lagret/);
    expect(text).toMatch(/Ark\s+Rad\s+Kolonne\s+Celle\s+Problem/);
    expect(text).toMatch(/Gevinstrealiseringsplan\s+4\s+Målverdi\s+K4\s+«fem» er ikke et tall/);
    expect(text).toMatch(/Gevinstrealiseringsplan\s+5\s+2026 T1\s+O5\s+«12.500» er tvetydig/);
    expect((await g.api.store.readAll()).length).toBe(before);
  });

  it('a clean plan: --dry-run stores nothing, then the import stores every row once', async () => {
    const oppvekst = g.api.readModels.units.list().find((u) => u.name === 'Oppvekst')!;
    const rows = [1, 2, 3].map((i) => goodRow(i, { recipient: oppvekst.name, plan: [{ period: '2026-T1', quantity: 10 * i }] }));
    const file = join(dir, 'plan.xlsx');
    writeFileSync(file, await buildPlanTemplate({ periods: ['2026-T1', '2026-T2'], rows }));

    const dry = await run('import', file, '--project', projectId, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.text).toMatch(/3 gevinster kan importeres/);
    expect(g.api.readModels.projects.project(projectId)!.benefits).toHaveLength(0);

    const done = await run('import', file, '--project', projectId);
    expect(done.code).toBe(0);
    expect(done.text).toMatch(/Importert: 3 nye gevinster/);
    const again = await run('import', file, '--project', projectId);
    expect(again.text).toMatch(/Importert: 0 nye gevinster, 3 fantes fra før/);
    expect(g.api.readModels.projects.project(projectId)!.benefits).toHaveLength(3);
  });

  it('names a project that does not exist', async () => {
    const { code, text } = await run('import', join(__dirname, '../fixtures/empty-rows.xlsx'), '--project', 'finnes-ikke');
    expect(code).toBe(2);
    expect(text).toMatch(/Fant ikke prosjektet «finnes-ikke»/);
  });

  it('downloads the ledger as CSV to a file', async () => {
    const out = join(dir, 'hovedbok.csv');
    const { code, text } = await run('export', 'ledger', '--format', 'csv', '--view', 'units', '--out', out);
    expect(code).toBe(0);
    expect(text).toMatch(/Lagret .*hovedbok\.csv/);
    expect(readFileSync(out, 'utf8').startsWith('\ufeffEnhet;Organisasjonsnummer;Kostnader (kr)')).toBe(true);
  });

  it('downloads the ledger as it stood on a past date (--as-of), and names a bad date', async () => {
    const today = join(dir, 'i-dag.csv');
    const before = join(dir, 'for-alt.csv');
    expect((await run('export', 'ledger', '--format', 'csv', '--view', 'units', '--out', today)).code).toBe(0);
    const { code } = await run('export', 'ledger', '--format', 'csv', '--view', 'units', '--as-of', '2000-01-01', '--out', before);
    expect(code).toBe(0);
    const lines = (file: string) => readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
    // nothing was recorded by 2000: the header only; today: the demo's units
    expect(lines(before)).toHaveLength(1);
    expect(lines(today).length).toBeGreaterThan(1);
    const bad = await run('export', 'ledger', '--format', 'csv', '--as-of', '31.12.2026', '--out', join(dir, 'feil.csv'));
    expect(bad.code).not.toBe(0);
    expect(bad.text).toMatch(/Ugyldig/);
  });
});
