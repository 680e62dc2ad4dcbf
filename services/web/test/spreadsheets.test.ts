import { readFileSync } from 'node:fs';
import { buildPlanTemplate, type PlanRow } from '@gevinst/spreadsheet';
import type { Download, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { FINANCE, LEADER, MANAGEMENT, OWNER } from './people';

/**
 * Issue 7 from the user's side: a finance officer downloads the ledger and the portfolio as XLSX and
 * CSV for the span on screen; a project leader downloads a project's plan and the template, and
 * imports a filled-in plan into another project: a dry run lists every problem and asks which unit an
 * ambiguous name means, and only «Importer» writes.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const j = new Journey();
const ids = { kommune: '', digital: '', bygg: '', oppvekst: '', kultur: '', skoleOppvekst: '', skoleKultur: '', source: '', target: '', benefit: '' };

/** The project's plan as the download gives it (GET as the administrator). */
async function exportedPlanOf(projectId: string): Promise<Buffer> {
  const response = await j.server.apiFetch(`/api/export/projects/${projectId}/plan.xlsx`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Imports a plan into the project through the API, as the administrator. */
async function importPlan(projectId: string, bytes: Buffer): Promise<void> {
  const response = await j.server.apiFetch(`/api/projects/${projectId}/import`, { method: 'POST', headers: { 'Content-Type': XLSX }, body: new Uint8Array(bytes) });
  expect(response.ok, await response.clone().text()).toBe(true);
}

async function download(link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([j.page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { file, bytes: readFileSync(path) };
}

/** What the server sends for the link's address: type and disposition. */
async function headersOf(link: Locator): Promise<{ type: string; disposition: string; body: Buffer }> {
  const href = (await link.getAttribute('href'))!;
  const response = await j.server.apiFetch(href);
  expect(response.status, href).toBe(200);
  return { type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}

const isZip = (bytes: Buffer) => bytes.subarray(0, 2).toString('latin1') === 'PK';

const row = (over: Partial<PlanRow>): PlanRow => ({
  change: null, title: 'Færre timer til skyss', category: 'capacity', recipient: 'Byggesak', owner: 'rektor@testkommune.no',
  indicator: 'timer per uke', unitOfMeasure: 'timer', direction: 'decrease', disbenefit: false, baseline: null, baselineDate: null, target: null,
  targetDate: null, valuationOrePerUnit: 65_000, cashReleasing: false, measurementSchedule: null, sharedWith: [], goals: [], plan: [{ period: '2026-T2', quantity: 40 }], comment: null, ...over,
});
const planFile = async (rows: PlanRow[]) => ({ name: 'plan.xlsx', mimeType: XLSX, buffer: await buildPlanTemplate({ periods: ['2026-T1', '2026-T2', '2026-T3'], rows }) });

interface Project { benefits: { id: string; title: string; recipientUnitId: string; owner: string; plan: { period: string; quantity: number }[] }[] }

beforeAll(() => j.launch());

// each test starts from these units and projects on a fresh server, logged in as no one
beforeEach(async () => {
  await j.open();
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.digital = await j.send('/api/units', { name: 'Digitalisering', parentId: ids.kommune });
  ids.bygg = await j.send('/api/units', { name: 'Byggesak', parentId: ids.kommune });
  ids.oppvekst = await j.send('/api/units', { name: 'Oppvekst', parentId: ids.kommune });
  ids.kultur = await j.send('/api/units', { name: 'Kultur', parentId: ids.kommune });
  ids.skoleOppvekst = await j.send('/api/units', { name: 'Skole', parentId: ids.oppvekst });
  ids.skoleKultur = await j.send('/api/units', { name: 'Skole', parentId: ids.kultur });
  ids.source = await j.send('/api/projects', { name: 'Digital byggesak', ownerUnitId: ids.digital, projectLeader: LEADER.email });
  ids.target = await j.send('/api/projects', { name: 'Byggesak 2.0', ownerUnitId: ids.digital, projectLeader: LEADER.email });
  await j.send(`/api/projects/${ids.source}/costs`, { payerUnitId: ids.digital, amountOre: 30_000_000, period: '2026-T1', kind: 'one-off' });
  ids.benefit = await j.send(`/api/projects/${ids.source}/benefits`, {
    title: 'Raskere byggesaksbehandling', recipientUnitId: ids.bygg, owner: OWNER.email, indicator: 'timer per sak',
    unitOfMeasure: 'timer', direction: 'decrease', category: 'budget', cashReleasing: true, valuationOrePerUnit: 65_000,
    plan: [{ period: '2026-T1', quantity: 100 }, { period: '2026-T2', quantity: 200 }],
  });
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 120 });
  await j.grant(FINANCE.email, 'finance', ids.kommune);
  await j.grant(MANAGEMENT.email, 'management', ids.kommune);
});

afterEach(() => j.close());
afterAll(() => j.stop());

describe('regneark i nettleseren', () => {
  it('forsiden henter ikke diagrambiblioteket; det lastes først på en side med diagram', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    const scripts: string[] = [];
    const onRequest = (request: { url(): string; resourceType(): string }) => { if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname); };
    page.on('request', onRequest);
    try {
      await page.goto(j.url('/'));
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => /charts-/.test(s))).toEqual([]);
      await page.getByRole('link', { name: 'Økonomi', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Gevinstregnskap på tvers av enheter' }).waitFor();
      expect(scripts.filter((s) => /charts-/.test(s))).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('økonomi: laster ned gevinstregnskapet som XLSX og CSV for perioden og nivået på skjermen', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    await page.goto(j.url('/okonomi?fra=2026-T1&til=2026-T3&niva=1'));
    // the user narrows the span; the links follow
    await page.locator('#span-til').selectOption('2026-T2');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('heading', { name: /Last ned gevinstregnskapet, 2026 T1–2026 T2, nivå 1/ }).waitFor();
    await j.check('25-okonomi-last-ned');
    await j.checkNarrow('25-okonomi-last-ned');

    const xlsxLink = page.getByRole('link', { name: /Hele regnskapet \(XLSX\)/ });
    expect(await xlsxLink.getAttribute('href')).toBe('/api/export/ledger.xlsx?from=2026-T1&to=2026-T2&level=1');
    const xlsx = await download(xlsxLink);
    expect(xlsx.file.suggestedFilename()).toMatch(/^gevinst-hovedbok-.*\.xlsx$/);
    expect(isZip(xlsx.bytes)).toBe(true);
    expect((await headersOf(xlsxLink)).type).toBe(XLSX);

    for (const view of ['flows', 'matrix', 'units', 'balances']) {
      const label = { flows: 'Strømmer', matrix: 'Matrise', units: 'Per enhet', balances: 'Saldo' }[view]!;
      const link = page.getByRole('link', { name: new RegExp(`^${label} \\(CSV\\)`) });
      expect(await link.getAttribute('href')).toBe(`/api/export/ledger.csv?from=2026-T1&to=2026-T2&level=1&view=${view}`);
      const csv = await download(link);
      expect(csv.file.suggestedFilename()).toMatch(new RegExp(`^gevinst-hovedbok-${view}-.*\\.csv$`));
      // Excel in Norway: a BOM so æøå survive, semicolons between fields
      expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
      expect(csv.bytes.toString('utf8')).toContain(';');
      if (view === 'flows') {
        const text = csv.bytes.toString('utf8');
        expect(text).toMatch(/Digitalisering;.*Byggesak;.*78000,00/);
      }
    }
    expect((await headersOf(page.getByRole('link', { name: /^Strømmer \(CSV\)/ }))).type).toBe('text/csv; charset=utf-8');
  });

  it('ledelse: laster ned porteføljen som XLSX og CSV', async () => {
    const page = j.page;
    await j.useUser(MANAGEMENT.email);
    await j.visit('26-ledelse-last-ned', '/ledelse?fra=2026-T1&til=2026-T3&niva=1');
    const xlsxLink = page.getByRole('link', { name: /Porteføljen \(XLSX\)/ });
    expect(await xlsxLink.getAttribute('href')).toBe('/api/export/portfolio.xlsx?from=2026-T1&to=2026-T3&level=1');
    const xlsx = await download(xlsxLink);
    expect(xlsx.file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(isZip(xlsx.bytes)).toBe(true);
    const csv = await download(page.getByRole('link', { name: /Porteføljen \(CSV\)/ }));
    expect(csv.file.suggestedFilename()).toMatch(/^gevinst-portefolje-.*\.csv$/);
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.bytes.toString('utf8')).toContain('Byggesak');
  });

  it('prosjektleder: laster ned prosjektets plan og den tomme malen', async () => {
    const page = j.page;
    await j.useUser(LEADER.email);
    await j.visit('27-prosjekt-regneark', `/prosjekter/${ids.source}`);
    const plan = await download(page.getByRole('link', { name: /Gevinstrealiseringsplanen \(XLSX\)/ }));
    expect(plan.file.suggestedFilename()).toBe(`gevinstrealiseringsplan-${ids.source}.xlsx`);
    expect(isZip(plan.bytes)).toBe(true);
    const csv = await download(page.getByRole('link', { name: /Plan mot realisert \(CSV\)/ }));
    expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csv.bytes.toString('utf8')).toContain('Raskere byggesaksbehandling');
    const templateLink = page.getByRole('link', { name: /Tom mal for gevinstrealiseringsplan \(XLSX\)/ });
    const template = await download(templateLink);
    expect(template.file.suggestedFilename()).toBe('gevinstrealiseringsplan.xlsx');
    expect(isZip(template.bytes)).toBe(true);
    const headers = await headersOf(templateLink);
    expect(headers.type).toBe(XLSX);
    expect(headers.disposition).toContain('attachment');
  });

  it('prosjektleder: importerer den nedlastede planen i et tomt prosjekt – først kontroll, så «Importer»', async () => {
    const page = j.page;
    const exportedPlan = await exportedPlanOf(ids.source);
    // the plan moves to the new project: a copy beside a live source would claim its gains twice (409 benefit_overlaps)
    await j.send(`/api/benefits/${ids.benefit}/cancel`, { reason: 'Planen flyttes til Byggesak 2.0' });
    await page.goto(j.url(`/prosjekter/${ids.target}`));
    await j.useUser(LEADER.email);
    await page.getByRole('link', { name: 'Importer fra regneark' }).click();
    await page.waitForURL(/\/importer$/);
    await j.check('28-importer');

    // no file: the error is beside the field
    await page.getByRole('button', { name: 'Kontroller filen' }).click();
    await j.expectFieldError('f-fil-file', /Må fylles ut/);

    await page.locator('#f-fil-file').setInputFiles({ name: 'digital-byggesak.xlsx', mimeType: XLSX, buffer: exportedPlan });
    await page.getByRole('button', { name: 'Kontroller filen' }).click();
    await page.getByText(/1 gevinst i filen\. Ingen feil\./).waitFor();
    expect((await j.get<Project>(`/api/projects/${ids.target}`)).benefits).toHaveLength(0);

    await Promise.all([page.waitForURL(new RegExp(`/prosjekter/${ids.target}$`)), page.getByRole('button', { name: 'Importer' }).click()]);
    await page.getByText(/Importert fra regnearket: 1 gevinst/).waitFor();
    await page.getByRole('heading', { name: 'Raskere byggesaksbehandling' }).waitFor();
    const target = await j.get<Project>(`/api/projects/${ids.target}`);
    expect(target.benefits).toEqual([expect.objectContaining({
      title: 'Raskere byggesaksbehandling', recipientUnitId: ids.bygg, owner: OWNER.email,
      plan: [expect.objectContaining({ period: '2026-T1', quantity: 100 }), expect.objectContaining({ period: '2026-T2', quantity: 200 })],
    })]);
    await j.check('29-prosjekt-importert');
  });

  it('prosjektleder: kontrollen viser hver feil i en tabell og lagrer ingenting; et tvetydig enhetsnavn besvares før import', async () => {
    const page = j.page;
    // the target project already has the source's benefit, imported from its plan
    const exported = await exportedPlanOf(ids.source);
    await j.send(`/api/benefits/${ids.benefit}/cancel`, { reason: 'Planen flyttes til Byggesak 2.0' });
    await importPlan(ids.target, exported);
    await page.goto(j.url(`/prosjekter/${ids.target}/importer`));
    await j.useUser(LEADER.email);
    const bad = await planFile([
      row({ title: 'Mindre vikarbruk', owner: 'ikke en e-post' }),
      row({ title: 'Kortere ventetid', recipient: 'Teknisk etat' }),
      row({ title: 'Færre timer til skyss', recipient: 'Skole' }),
    ]);
    await page.locator('#f-fil-file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kontroller filen' }).click();
    const table = page.getByRole('table', { name: /Feil i regnearket/ });
    await table.waitFor();
    // every problem the API finds, with sheet, row, column and message
    const answer = await j.server.apiFetch(`/api/projects/${ids.target}/import?dryRun=1`, { method: 'POST', headers: { 'Content-Type': XLSX }, body: new Uint8Array(bad.buffer) });
    const report = (await answer.json()) as { problems: { sheet: string; row: number; column: string | null; message: string }[] };
    expect(report.problems.length).toBeGreaterThanOrEqual(2);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(report.problems.length);
    for (const [index, problem] of report.problems.entries()) {
      const cells = await rows.nth(index).locator('td').allTextContents();
      expect(cells[0]).toBe(problem.sheet);
      expect(cells[1]).toBe(String(problem.row));
      expect(cells[2]).toBe(problem.column ?? '–');
      expect(cells[4]).toBe(problem.message);
    }
    expect(report.problems.some((p) => /e-post/i.test(p.message))).toBe(true);
    expect(report.problems.some((p) => p.message.includes('Teknisk etat'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Importer' }).count()).toBe(0);
    // the ambiguous name is asked about already, to be answered once the errors are fixed
    await page.getByRole('listitem').filter({ hasText: '«Skole» (Gevinstrealiseringsplan, rad 4): Testkommune / Kultur / Skole eller Testkommune / Oppvekst / Skole' }).waitFor();
    await j.check('28b-importer-feil');
    await j.checkNarrow('28b-importer-feil');
    expect((await j.get<Project>(`/api/projects/${ids.target}`)).benefits).toHaveLength(1);

    // the fixed sheet: only the ambiguous «Skole» is left
    await page.locator('#f-fil-file').setInputFiles(await planFile([row({ title: 'Færre timer til skyss', recipient: 'Skole' })]));
    await page.getByRole('button', { name: 'Kontroller filen' }).click();
    const question = page.locator('#f-import-unit-0');
    await question.waitFor();
    const labels = await question.locator('option').allTextContents();
    expect(labels).toEqual(['Velg enhet', 'Testkommune / Kultur / Skole', 'Testkommune / Oppvekst / Skole']);
    await page.getByRole('button', { name: 'Importer' }).click();
    await j.expectFieldError('f-import-unit-0', /Skole/);
    expect((await j.get<Project>(`/api/projects/${ids.target}`)).benefits).toHaveLength(1);

    await question.selectOption({ label: 'Testkommune / Kultur / Skole' });
    await j.check('28c-importer-sporsmal');
    await j.checkNarrow('28c-importer-sporsmal');
    await Promise.all([page.waitForURL(new RegExp(`/prosjekter/${ids.target}$`)), page.getByRole('button', { name: 'Importer' }).click()]);
    await page.getByRole('heading', { name: 'Færre timer til skyss' }).waitFor();
    const target = await j.get<Project>(`/api/projects/${ids.target}`);
    expect(target.benefits.find((b) => b.title === 'Færre timer til skyss')).toMatchObject({
      recipientUnitId: ids.skoleKultur, owner: 'rektor@testkommune.no', plan: [expect.objectContaining({ period: '2026-T2', quantity: 40 })],
    });
    expect(target.benefits).toHaveLength(2);
  });
});
