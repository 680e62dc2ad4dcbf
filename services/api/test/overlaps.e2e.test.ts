import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredOverlaps, ErrorResponse, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// The double-counting guard over HTTP, on the demo municipality: a second project planning a gain a
// demo benefit already claims is refused with 409 naming it; with declared shares it is planned and
// listed in GET /api/portfolio/overlaps, which a benefit owner may not read.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-overlaps-'));
let g: TestGevinst;
const OWNER = 'byggesak@fjordvik.kommune.no';
const FINANCE = 'okonomisjef@fjordvik.kommune.no';

type Benefit = ReturnType<TestGevinst['readModels']['portfolio']['benefits']['get']> & object;
let claimed: Benefit;
let otherProject: string;
let newBenefit: string;

/** the demo benefit's plan, planned again in another project with its indicator and unit written differently */
const copyOf = (b: Benefit, extra: Record<string, unknown> = {}) => ({
  title: `Kopi av ${b.title}`,
  recipientUnitId: b.recipientUnitId,
  owner: 'eier@fjordvik.kommune.no',
  indicator: `  ${b.indicator!.toUpperCase()} `,
  unitOfMeasure: b.unitOfMeasure.toLowerCase(),
  direction: b.direction,
  category: 'capacity',
  cashReleasing: false,
  valuationOrePerUnit: 100_00,
  plan: b.plan.map((e) => ({ period: e.period, quantity: e.quantity })),
  ...extra,
});

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
  const rm = g.readModels;
  claimed = [...rm.portfolio.benefits.values()].find(
    (b) =>
      !b.unplanned && !b.cancelled && !b.disbenefit && b.plan.length > 0 && b.indicator && rm.units.get(b.recipientUnitId)?.mergedInto === null,
  )!;
  otherProject = [...rm.portfolio.projects.values()].find((p) => !p.closed && p.id !== claimed.projectId)!.id;
});
afterAll(async () => {
  await g?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('one gain, one claim', () => {
  it('refuses with 409 a benefit in another project claiming the same gain, naming the benefit it overlaps, and writes nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>(`/api/projects/${otherProject}/benefits`, copyOf(claimed));
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.code).toBe('benefit_overlaps');
    const project = g.readModels.portfolio.projects.get(claimed.projectId!)!;
    expect(res.body.error.overlaps).toEqual([{ benefitId: claimed.id, title: claimed.title, projectId: project.id, projectName: project.name }]);
    expect(res.body.error.message).toContain(`«${claimed.title}» i prosjektet «${project.name}»`);
    expect(await countEvents(g)).toBe(before);
  });

  it('refuses shares over 100 % with 400 naming the field', async () => {
    const res = await g.post<ErrorResponse>(
      `/api/projects/${otherProject}/benefits`,
      copyOf(claimed, { sharedWith: [{ benefitId: claimed.id, sharePercent: 70, otherSharePercent: 40 }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path)).toEqual(['sharedWith.0.sharePercent']);
  });

  it('plans it with declared shares (201), storing BenefitOverlapDeclared with the plan', async () => {
    const res = await g.post<WriteResult>(
      `/api/projects/${otherProject}/benefits`,
      copyOf(claimed, { sharedWith: [{ benefitId: claimed.id, sharePercent: 40, otherSharePercent: 60 }] }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    newBenefit = res.body.id;
    const stream = await g.store.readStream(`benefit-${newBenefit}`);
    expect(stream.map((e) => e.type)).toEqual(['BenefitPlanned', 'BenefitOverlapDeclared']);
    expect(stream[1]!.data).toEqual({
      benefitId: newBenefit,
      otherBenefitId: claimed.id,
      otherProjectId: claimed.projectId,
      sharePercent: 40,
      otherSharePercent: 60,
    });
  });

  it('lists the declared overlap in GET /api/portfolio/overlaps with both benefits, projects, recipient, indicator and shares', async () => {
    const res = await g.get<DeclaredOverlaps>('/api/portfolio/overlaps');
    expect(res.status).toBe(200);
    const project = (id: string) => g.readModels.portfolio.projects.get(id)!.name;
    expect(res.body).toEqual([
      expect.objectContaining({
        benefit: { benefitId: newBenefit, title: `Kopi av ${claimed.title}`, projectId: otherProject, projectName: project(otherProject), sharePercent: 40, cancelled: false },
        other: { benefitId: claimed.id, title: claimed.title, projectId: claimed.projectId, projectName: project(claimed.projectId!), sharePercent: 60, cancelled: false },
        recipientUnitId: claimed.recipientUnitId,
        recipientUnitName: g.readModels.units.get(claimed.recipientUnitId)!.name,
        indicator: claimed.indicator!.toUpperCase(),
        totalPercent: 100,
        declaredBy: 'admin',
      }),
    ]);
    // finance reads it too
    const finance = await g.get<DeclaredOverlaps>('/api/portfolio/overlaps', { authorization: '', cookie: await loginAs(g.url, FINANCE) });
    expect(finance.status).toBe(200);
    expect(finance.body.map((o) => o.benefit.benefitId)).toContain(newBenefit);
  });

  it('answers 403 to a person without the right to read the portfolio', async () => {
    const res = await g.get<ErrorResponse>('/api/portfolio/overlaps', { authorization: '', cookie: await loginAs(g.url, OWNER) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('does not block once the claimed benefit is cancelled', async () => {
    // the same gain claimed a third time: blocked by both, then only by the new one once the demo's is cancelled
    const third = [...g.readModels.portfolio.projects.values()].find((p) => !p.closed && p.id !== claimed.projectId && p.id !== otherProject)!.id;
    const blocked = await g.post<ErrorResponse>(`/api/projects/${third}/benefits`, copyOf(claimed, { title: 'Tredje krav' }));
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.overlaps!.map((o) => o.benefitId).sort()).toEqual([claimed.id, newBenefit].sort());
    expect((await g.post(`/api/benefits/${claimed.id}/cancel`, { reason: 'Gevinsten følges opp i det andre prosjektet' })).status).toBe(201);
    const after = await g.post<ErrorResponse>(`/api/projects/${third}/benefits`, copyOf(claimed, { title: 'Tredje krav' }));
    expect(after.status).toBe(409);
    expect(after.body.error.overlaps!.map((o) => o.benefitId)).toEqual([newBenefit]);
  });
});
