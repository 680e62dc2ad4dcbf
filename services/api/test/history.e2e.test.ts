import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HistorySchema,
  PlanVersionsSchema,
  type ErrorResponse,
  type History,
  type HistoryEntry,
  type PlanVersions,
  type WriteResult,
} from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Every change visible (issue 12, 5): a benefit's plan is approved at decision points, and its history
// shows the original plan, each approval, each revision with its reason and author, the owners, the
// new baseline's reason, measurements with comment and evidence, corrections and the cancellation.
let g: TestGevinst;
beforeAll(async () => {
  // the demo's people log in: a project leader who may approve, a benefit owner who may not
  g = await startTestGevinst({ demo: true });
});
afterAll(() => g.destroy());

const LEADER = 'prosjektleder.byggesak@fjordvik.kommune.no';
const OWNER = 'byggesak@fjordvik.kommune.no';
const NEW_OWNER = 'ny.eier@testvik.no';

const as = async (email: string) => ({ authorization: '', cookie: await loginAs(g.url, email), origin: g.url });
const of = <K extends HistoryEntry['kind']>(entries: HistoryEntry[], kind: K) =>
  entries.filter((e): e is Extract<HistoryEntry, { kind: K }> => e.kind === kind);

describe('plan versions and history', () => {
  let project: string, benefit: string, other: string;

  const history = async (path: string) => {
    const res = await g.get<History>(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    HistorySchema.parse(res.body);
    return res.body.entries;
  };
  const versions = async () => {
    const res = await g.get<PlanVersions>(`/api/benefits/${benefit}/plan-versions`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return PlanVersionsSchema.parse(res.body);
  };

  it('sets up a project led by a demo project leader, with a benefit owned by a demo owner', async () => {
    const kommune = await g.created('/api/units', { name: 'Testvik kommune' });
    const ikt = await g.created('/api/units', { name: 'IKT', parentId: kommune });
    const byggesak = await g.created('/api/units', { name: 'Byggesak', parentId: kommune });
    project = await g.created('/api/projects', { name: 'Digital byggesak', ownerUnitId: ikt, projectLeader: LEADER });
    benefit = await g.created(`/api/projects/${project}/benefits`, {
      title: 'Færre timer per byggesak',
      recipientUnitId: byggesak,
      owner: OWNER,
      indicator: 'Timer per sak',
      unitOfMeasure: 'timer',
      direction: 'decrease',
      category: 'capacity',
      cashReleasing: false,
      valuationOrePerUnit: 600_00,
      baseline: 10,
      target: 7,
      targetDate: '2026-12-31',
      plan: [
        { period: '2026-T1', quantity: 100 },
        { period: '2026-T2', quantity: 200 },
      ],
    });
    other = await g.created(`/api/projects/${project}/benefits`, {
      title: 'Færre klager',
      recipientUnitId: byggesak,
      owner: OWNER,
      indicator: 'Klager per år',
      unitOfMeasure: 'klager',
      direction: 'decrease',
      category: 'unpriced',
      cashReleasing: false,
      plan: [{ period: '2026', quantity: 5 }],
    });
  });

  it('the project leader approves the plan at BP2; the event records who, when and the plan as approved', async () => {
    const leader = await as(LEADER);
    const res = await g.post<WriteResult>(`/api/benefits/${benefit}/approvals`, { decisionPoint: 'BP2', note: 'Styringsgruppen 12. mars' }, leader);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [stored] = (await g.store.readStream(`benefit-${benefit}`)).filter((e) => e.type === 'BenefitPlanApproved');
    expect(stored?.data).toEqual({
      benefitId: benefit,
      decisionPoint: 'BP2',
      plan: [
        { period: '2026-T1', quantity: 100 },
        { period: '2026-T2', quantity: 200 },
      ],
      baseline: 10,
      target: 7,
      targetDate: '2026-12-31',
      note: 'Styringsgruppen 12. mars',
    });
    expect(stored?.metadata).toMatchObject({ userId: LEADER, actingRole: 'project-leader' });
  });

  it('answers 403 to the benefit owner (who may not approve), 400 to a bad decision point, 422 to the same plan approved twice; nothing is stored', async () => {
    const events = await countEvents(g);
    const owner = await as(OWNER);
    const forbidden = await g.post<ErrorResponse>(`/api/benefits/${benefit}/approvals`, { decisionPoint: 'BP3' }, owner);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/godkjenne gevinstplanen/);
    // the owner may still read the versions and the history
    expect((await g.get(`/api/benefits/${benefit}/plan-versions`, owner)).status).toBe(200);
    expect((await g.get(`/api/benefits/${benefit}/history`, owner)).status).toBe(200);

    const bad = await g.post<ErrorResponse>(`/api/benefits/${benefit}/approvals`, { decisionPoint: 'BP7' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path)).toContain('decisionPoint');
    expect((await g.post<ErrorResponse>(`/api/benefits/${benefit}/approvals`, {})).status).toBe(400);

    const twice = await g.post<ErrorResponse>(`/api/benefits/${benefit}/approvals`, { decisionPoint: 'BP2' });
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('plan_already_approved');
    expect((await g.post(`/api/benefits/unknown-benefit/approvals`, { decisionPoint: 'BP2' })).status).toBe(404);
    expect(await countEvents(g)).toBe(events);
  });

  it('records the changes a controller asks about', async () => {
    await g.created(`/api/benefits/${benefit}/forecast`, {
      plan: [
        { period: '2026-T1', quantity: 80 },
        { period: '2026-T2', quantity: 150 },
        { period: '2026-T3', quantity: 100 },
      ],
      reason: 'Innføringen ble forsinket to måneder',
    });
    await g.created(`/api/benefits/${benefit}/baseline`, { value: 10.5, measuredOn: '2026-01-15' });
    // a second baseline needs a reason
    const noReason = await g.post<ErrorResponse>(`/api/benefits/${benefit}/baseline`, { value: 11, measuredOn: '2026-02-01' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.map((f) => f.path)).toContain('reason');
    await g.created(`/api/benefits/${benefit}/baseline`, { value: 11, measuredOn: '2026-02-01', reason: 'Ny telling med nytt fagsystem' });
    await g.created(`/api/benefits/${benefit}/measurements`, {
      value: 9.2,
      measuredOn: '2026-03-31',
      comment: 'Målt i fagsystemet',
      evidenceUrl: 'https://sak.testvik.no/2026/77',
    });
    await g.created(`/api/benefits/${benefit}/realisations`, { period: '2026-T1', quantity: 70, comment: 'Første tertial' });
    await g.created(`/api/benefits/${benefit}/corrections`, { period: '2026-T1', quantity: 75, reason: 'Fem saker manglet i uttrekket' });
    const leader = await as(LEADER);
    expect((await g.post(`/api/benefits/${benefit}/approvals`, { decisionPoint: 'BP3' }, leader)).status).toBe(201);
    await g.created(`/api/benefits/${benefit}/owner`, { owner: NEW_OWNER });
    await g.created(`/api/benefits/${other}/cancel`, { reason: 'Klagene måles ikke lenger' });
    await g.created(`/api/projects/${project}/phase`, { phase: 'execution' });
  });

  it('the benefit history shows each change in order with its reason, who and when', async () => {
    const entries = await history(`/api/benefits/${benefit}/history`);
    expect(entries.map((e) => e.kind)).toEqual([
      'benefitPlanned',
      'planApproved',
      'forecastRevised',
      'baselineMeasured',
      'baselineMeasured',
      'measurementRecorded',
      'realised',
      'realisationCorrected',
      'planApproved',
      'ownerChanged',
    ]);
    for (const e of entries) {
      expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(e.by).toBeTruthy();
      expect(e.benefitId).toBe(benefit);
      expect(e.projectId).toBe(project);
    }
    const [planned] = of(entries, 'benefitPlanned');
    expect(planned?.plan).toEqual([
      { period: '2026-T1', quantity: 100 },
      { period: '2026-T2', quantity: 200 },
    ]);
    expect(planned?.owner).toBe(OWNER);
    const approvals = of(entries, 'planApproved');
    expect(approvals.map((a) => [a.decisionPoint, a.by, a.role, a.note])).toEqual([
      ['BP2', LEADER, 'project-leader', 'Styringsgruppen 12. mars'],
      ['BP3', LEADER, 'project-leader', null],
    ]);
    const [revision] = of(entries, 'forecastRevised');
    expect(revision).toMatchObject({ reason: 'Innføringen ble forsinket to måneder', by: 'admin', previousPlan: planned?.plan });
    expect(of(entries, 'baselineMeasured').map((b) => [b.previousValue, b.value, b.reason])).toEqual([
      [10, 10.5, null],
      [10.5, 11, 'Ny telling med nytt fagsystem'],
    ]);
    expect(of(entries, 'measurementRecorded')[0]).toMatchObject({ value: 9.2, comment: 'Målt i fagsystemet', evidenceUrl: 'https://sak.testvik.no/2026/77', period: '2026-T1' });
    expect(of(entries, 'realisationCorrected')[0]).toMatchObject({ previousQuantity: 70, quantity: 75, reason: 'Fem saker manglet i uttrekket' });
    expect(of(entries, 'ownerChanged')[0]).toMatchObject({ previousOwner: OWNER, owner: NEW_OWNER });
  });

  it('the project history holds the project\'s own changes and every benefit\'s, with the cancellation reason', async () => {
    const entries = await history(`/api/projects/${project}/history`);
    const positions = entries.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(entries[0]).toMatchObject({ kind: 'projectRegistered', projectLeader: LEADER, benefitId: null });
    expect(of(entries, 'benefitCancelled')).toEqual([expect.objectContaining({ benefitId: other, benefitTitle: 'Færre klager', reason: 'Klagene måles ikke lenger' })]);
    expect(of(entries, 'phaseChanged')).toEqual([expect.objectContaining({ phase: 'execution', previousPhase: 'planning' })]);
    expect(of(entries, 'forecastRevised').map((e) => e.benefitTitle)).toEqual(['Færre timer per byggesak']);
    expect((await g.get(`/api/projects/nope/history`)).status).toBe(404);
  });

  it('plan versions: each approval with who, when and which point; the current plan; the realised; the variance', async () => {
    const v = await versions();
    expect(v.versions.map((x) => [x.version, x.decisionPoint, x.approvedBy, x.plannedQuantity])).toEqual([
      [1, 'BP2', LEADER, 300],
      [2, 'BP3', LEADER, 330],
    ]);
    expect(v.versions[1]).toMatchObject({ baseline: 11, target: 7, targetDate: '2026-12-31' });
    expect(v.approved?.version).toBe(2);
    expect(v.current.plan).toEqual([
      { period: '2026-T1', quantity: 80 },
      { period: '2026-T2', quantity: 150 },
      { period: '2026-T3', quantity: 100 },
    ]);
    expect(v.realised).toEqual([{ period: '2026-T1', quantity: 75, valueOre: 75 * 600_00, corrected: true }]);
    expect(v.variance[0]).toEqual({
      period: '2026-T1',
      approvedQuantity: 80,
      currentQuantity: 80,
      realisedQuantity: 75,
      currentVsApproved: 0,
      realisedVsApproved: -5,
      realisedVsCurrent: -5,
      approvedOre: 80 * 600_00,
      currentOre: 80 * 600_00,
      realisedOre: 75 * 600_00,
    });
    expect(v.totals).toEqual({ approvedQuantity: 330, currentQuantity: 330, realisedQuantity: 75, currentVsApproved: 0, realisedVsApproved: -255, realisedVsCurrent: -255 });
  });

  it('after a revision the variance shows current against the approved plan', async () => {
    await g.created(`/api/benefits/${benefit}/forecast`, {
      plan: [
        { period: '2026-T2', quantity: 120 },
        { period: '2026-T3', quantity: 60 },
      ],
      reason: 'Saksmengden falt',
    });
    const v = await versions();
    expect(v.variance.map((r) => [r.period, r.approvedQuantity, r.currentQuantity, r.realisedQuantity, r.currentVsApproved, r.realisedVsApproved, r.realisedVsCurrent])).toEqual([
      ['2026-T1', 80, null, 75, -80, -5, 75],
      ['2026-T2', 150, 120, null, -30, null, null],
      ['2026-T3', 100, 60, null, -40, null, null],
    ]);
    expect(v.totals).toMatchObject({ approvedQuantity: 330, currentQuantity: 180, currentVsApproved: -150 });
  });

  it('the demo municipality has approved plans at BP2 and BP3, by the demo loader', async () => {
    const projects = (await g.get<{ id: string; name: string }[]>('/api/projects')).body;
    const archive = projects.find((p) => p.name === 'Digitalisering av byggesaksarkivet');
    const detail = (await g.get<{ benefits: { id: string; cancelled: boolean }[] }>(`/api/projects/${archive!.id}`)).body;
    const demoVersions = await g.get<PlanVersions>(`/api/benefits/${detail.benefits[0]!.id}/plan-versions`);
    expect(demoVersions.body.versions.map((x) => x.decisionPoint)).toEqual(['BP2', 'BP3']);
    expect(demoVersions.body.variance.some((r) => r.realisedVsApproved !== null && r.realisedVsApproved !== 0)).toBe(true);
    const demoHistory = await history(`/api/projects/${archive!.id}/history`);
    expect(of(demoHistory, 'planApproved').length).toBeGreaterThanOrEqual(4);
  });

  it('the history after a rebuild is the same as live', async () => {
    const before = await history(`/api/projects/${project}/history`);
    const versionsBefore = await versions();
    expect((await g.post('/api/admin/rebuild', {})).status).toBe(200);
    expect(await history(`/api/projects/${project}/history`)).toEqual(before);
    expect(await versions()).toEqual(versionsBefore);
  });
});
