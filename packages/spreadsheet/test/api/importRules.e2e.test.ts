import { AS_ADMIN } from '../../../../services/api/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanTemplate } from '../../src/template/buildPlanTemplate';
import type { PlanRow } from '../../src/plan/planRow';
import { goodRow } from '../fixtures/make-fixtures';
import { importFile, startSheetGevinst, type Refusal, type SheetGevinst } from './gevinst';

let g: SheetGevinst;
let projectId: string;
const unitId = (name: string) => g.api.readModels.units.list().find((u) => u.name === name)!.id;
const sheet = (rows: PlanRow[]) => buildPlanTemplate({ periods: ['2026-T1', '2026-T2'], rows });
const eventCount = async () => (await g.api.store.readAll()).length;

beforeAll(async () => {
  g = await startSheetGevinst({ demo: true });
  projectId = await g.send('registerProject', { name: 'Regler', ownerUnitId: unitId('Fjordvik kommune'), projectLeader: 'leder@kommune.no' });
});
afterAll(async () => {
  await g?.close();
});

describe('import checks every row with the API’s own rules before writing anything', () => {
  it('domain refusals land on their row and column, and nothing is written', async () => {
    const rows = [
      goodRow(1, { recipient: 'Oppvekst' }),
      goodRow(2, { recipient: 'Oppvekst', cashReleasing: true, category: 'budget', valuationOrePerUnit: null }),
      goodRow(3, { recipient: 'Oppvekst', direction: 'decrease', baseline: 5, target: 7 }),
      goodRow(4, { recipient: 'Oppvekst', baselineDate: '2099-01-01' }),
      goodRow(5, { recipient: 'Oppvekst', category: 'unpriced', valuationOrePerUnit: 100 }),
    ];
    const before = await eventCount();
    const dry = await importFile(g, projectId, await sheet(rows), '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body.ok).toBe(false);
    expect(dry.body.problems.map((p) => [p.row, p.column, p.cell])).toEqual([
      [3, 'Verdsetting (kr per enhet)', 'M3'],
      [4, 'Målverdi', 'K4'],
      [5, 'Nullpunkt dato', 'J5'],
      [6, 'Verdsetting (kr per enhet)', 'M6'],
    ]);
    expect(dry.body.problems[1]!.message).toBe('Målverdien må være lavere enn nullpunktet');
    const commit = await importFile(g, projectId, await sheet(rows));
    expect(commit.status).toBe(422);
    expect(commit.body.problems).toHaveLength(4);
    expect(await eventCount()).toBe(before);
  });

  it('an ambiguous unit name is a question; the answer (or the path in the cell) settles it', async () => {
    const a = await g.send('registerUnit', { name: 'Skolekontor', parentId: unitId('Oppvekst') });
    const b = await g.send('registerUnit', { name: 'Skolekontor', parentId: unitId('Helse og velferd') });
    const bytes = await sheet([goodRow(1, { recipient: 'Skolekontor' }), goodRow(2, { recipient: 'skolekontor' })]);
    const asked = await importFile(g, projectId, bytes, '?dryRun=1');
    expect(asked.body.ok).toBe(false);
    expect(asked.body.problems).toEqual([]);
    expect(asked.body.questions).toEqual([
      expect.objectContaining({
        value: 'Skolekontor',
        rows: [2, 3],
        candidates: [
          expect.objectContaining({ unitId: a, path: 'Fjordvik kommune / Oppvekst / Skolekontor' }),
          expect.objectContaining({ unitId: b, path: 'Fjordvik kommune / Helse og velferd / Skolekontor' }),
        ],
      }),
    ]);
    const answered = await importFile(g, projectId, bytes, `?units=${encodeURIComponent(JSON.stringify({ Skolekontor: b }))}`);
    expect(answered.status).toBe(201);
    const benefits = g.api.readModels.projects.project(projectId)!.benefits;
    expect(benefits.map((x) => x.recipientUnitId)).toEqual([b, b]);
    const byPath = await importFile(g, projectId, await sheet([goodRow(9, { recipient: 'Oppvekst / Skolekontor' })]));
    expect(byPath.status).toBe(201);
    expect(g.api.readModels.projects.benefit(byPath.body.benefitIds[0]!)!.recipientUnitId).toBe(a);
  });

  it('refuses what is not an xlsx upload', async () => {
    const wrongType = await fetch(`${g.url}/api/projects/${projectId}/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...AS_ADMIN }, body: '{}' });
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as Refusal).error.fields[0]!.path).toBe('Content-Type');
    const notFound = await importFile(g, 'ukjent-prosjekt', await sheet([goodRow(1)]), '?dryRun=1');
    expect(notFound.status).toBe(404);
  });
});
