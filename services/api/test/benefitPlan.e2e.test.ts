import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitView, ErrorResponse, ProjectDetail, WriteResult } from '@gevinst/domain/answers';
import { startTestGevinst, type TestGevinst } from './helpers';

let g: TestGevinst;
let unit: string;
let project: string;

const plan = (extra: Record<string, unknown> = {}) => ({
  title: 'Færre purringer',
  recipientUnitId: unit,
  owner: 'eier@kommune.no',
  indicator: 'Purringer per måned',
  unitOfMeasure: 'purringer',
  direction: 'decrease',
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 120_00,
  baseline: 400,
  target: 100,
  plan: [{ period: '2026-T1', quantity: 50 }],
  ...extra,
});

beforeAll(async () => {
  g = await startTestGevinst({ clock: () => '2026-03-01T10:00:00.000Z' });
  unit = (await g.post<WriteResult>('/api/units', { name: 'Økonomi' })).body.id;
  project = (await g.post<WriteResult>('/api/projects', { name: 'Digital purring', ownerUnitId: unit, projectLeader: 'leder@kommune.no' })).body.id;
});
afterAll(async () => {
  await g?.destroy();
});

describe('a benefit plan with Endring/tiltak, Kommentar and a measured baseline', () => {
  it('stores change and comment on BenefitPlanned (v3) and shows them with baselineMeasuredOn', async () => {
    const res = await g.post<WriteResult>(`/api/projects/${project}/benefits`, plan({ change: 'Digital purring via Altinn', comment: 'Avklart med økonomisjefen' }));
    expect(res.status).toBe(201);
    const id = res.body.id;
    const [stored] = await g.store.readStream(`benefit-${id}`);
    expect(stored!.metadata.schemaVersion).toBe(3);
    expect(stored!.data).toMatchObject({ change: 'Digital purring via Altinn', comment: 'Avklart med økonomisjefen' });

    let view = (await g.get<BenefitView>(`/api/benefits/${id}`)).body;
    expect(view).toMatchObject({ change: 'Digital purring via Altinn', comment: 'Avklart med økonomisjefen', baseline: 400, baselineMeasuredOn: null });
    expect((await g.post(`/api/benefits/${id}/baseline`, { value: 410, measuredOn: '2026-02-15' })).status).toBe(201);
    view = (await g.get<BenefitView>(`/api/benefits/${id}`)).body;
    expect(view).toMatchObject({ baseline: 410, baselineMeasuredOn: '2026-02-15' });
    const inProject = (await g.get<ProjectDetail>(`/api/projects/${project}`)).body.benefits.find((b) => b.id === id);
    expect(inProject).toMatchObject({ change: 'Digital purring via Altinn', comment: 'Avklart med økonomisjefen', baselineMeasuredOn: '2026-02-15' });
  });

  it('leaves them null when not given, and refuses a comment that is too long, naming the field', async () => {
    const res = await g.post<WriteResult>(`/api/projects/${project}/benefits`, plan({ title: 'Uten tiltak' }));
    expect(res.status).toBe(201);
    expect((await g.get(`/api/benefits/${res.body.id}`)).body).toMatchObject({ change: null, comment: null, baselineMeasuredOn: null });
    const tooLong = await g.post<ErrorResponse>(`/api/projects/${project}/benefits`, plan({ comment: 'x'.repeat(5001) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.map((f) => f.path)).toEqual(['comment']);
  });

  it('reads a BenefitPlanned stored at v2 (before change and comment) with both null', async () => {
    const v2 = {
      benefitId: 'gammel-v2',
      projectId: project,
      ...plan({ title: 'Lagret før v3' }),
      targetDate: null,
      measurementSchedule: 'tertial',
      disbenefit: false,
    };
    const appended = await g.store.appendToStream('benefit-gammel-v2', [{ type: 'BenefitPlanned', data: v2, metadata: { schemaVersion: 2, userId: 'x' } }]);
    await g.readModels.waitFor(appended.globalPosition);
    expect((await g.get('/api/benefits/gammel-v2')).body).toMatchObject({ title: 'Lagret før v3', change: null, comment: null });
    // the stored event is left as it was written
    const [stored] = await g.store.readStream('benefit-gammel-v2');
    expect(stored!.metadata.schemaVersion).toBe(2);
    expect(Object.keys(stored!.data)).not.toContain('change');
  });
});
