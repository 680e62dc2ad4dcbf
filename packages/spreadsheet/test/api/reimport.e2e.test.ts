import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanTemplate } from '../../src/template/buildPlanTemplate';
import type { PlanRow } from '../../src/plan/planRow';
import { goodRow } from '../fixtures/make-fixtures';
import { download, importFile, startSheetGevinst, type SheetGevinst } from './gevinst';

let g: SheetGevinst;
let projectId: string;
const sheet = (rows: PlanRow[]) => buildPlanTemplate({ periods: ['2026-T1', '2026-T2', '2026-T3'], rows });
const events = () => g.api.store.readAll();
const rows = [1, 2, 3, 4].map((i) => goodRow(i, { plan: [{ period: '2026-T2', quantity: 10 * i }, { period: '2026-T3', quantity: i }] }));

beforeAll(async () => {
  g = await startSheetGevinst({ demo: true });
  const kommune = g.api.readModels.units.list().find((u) => u.parentId === null)!;
  projectId = await g.send('registerProject', { name: 'Igjen', ownerUnitId: kommune.id, projectLeader: 'leder@kommune.no' });
  const first = await importFile(g, projectId, await sheet(rows));
  expect(first.status).toBe(201);
  expect(first.body.benefitIds).toHaveLength(rows.length);
});
afterAll(async () => {
  await g?.close();
});

describe('importing a plan the project already has', () => {
  it('writes no event and reports every row unchanged, from the same file or from the exported plan', async () => {
    const before = (await events()).length;
    const again = await importFile(g, projectId, await sheet(rows));
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ ok: true, benefits: rows.length, unchanged: rows.length, benefitIds: [] });
    const exported = await download(g, `/api/export/projects/${projectId}/plan.xlsx`);
    const roundtrip = await importFile(g, projectId, exported.bytes);
    expect(roundtrip.body).toMatchObject({ ok: true, unchanged: rows.length, benefitIds: [] });
    expect((await events()).length).toBe(before);
  });

  it('with one cell changed writes only the events of that row’s benefit', async () => {
    const before = (await events()).length;
    const changed = rows.map((r, i) => (i === 2 ? { ...r, target: 4 } : r));
    const answer = await importFile(g, projectId, await sheet(changed));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ ok: true, unchanged: rows.length - 1 });
    expect(answer.body.benefitIds).toHaveLength(1);
    const written = (await events()).slice(before);
    expect(written.map((e) => e.type)).toEqual(['BenefitPlanned', 'BaselineMeasured']);
    expect(new Set(written.map((e) => e.streamName))).toEqual(new Set([`benefit-${answer.body.benefitIds[0]}`]));
    expect(written[0]!.data).toMatchObject({ title: changed[2]!.title, target: 4 });
  });
});
