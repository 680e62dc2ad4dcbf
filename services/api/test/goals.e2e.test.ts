import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalListSchema, GoalScorecardSchema, type ErrorResponse, type GoalScorecard, type GoalSummary, type WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Goals (målstruktur) on the demo municipality: the list, the målekort per goal and per unit, and the
// writes as the people of the demo make them — refused with field and reason, by role, and on a race.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-goals-'));
let g: TestGevinst;
const cookies = new Map<string, string>();
const as = async (email: string): Promise<Record<string, string>> => {
  if (!cookies.has(email)) cookies.set(email, await loginAs(g.url, email));
  return { authorization: '', cookie: cookies.get(email)!, origin: g.url };
};
const HEALTH_MANAGEMENT = 'helsesjef@fjordvik.kommune.no';
const OWNER = 'byggesak@fjordvik.kommune.no';
const VELFERD_LEADER = 'prosjektleder.velferd@fjordvik.kommune.no';

const unitNamed = (name: string) => g.readModels.units.list().find((u) => u.name === name)!.id;
const goals = async () => GoalListSchema.parse((await g.get<GoalSummary[]>('/api/goals')).body);
const goalTitled = async (title: string) => (await goals()).find((goal) => goal.title === title)!;

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
});
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('goals', () => {
  it('lists the demo\'s målstruktur, parents before children, each sub under a main and each indicator under a sub', async () => {
    const list = await goals();
    expect(list.filter((goal) => goal.kind === 'main').map((goal) => goal.title)).toContain('Innbyggerne kan bo trygt hjemme lengst mulig');
    const byId = new Map(list.map((goal) => [goal.goalId, goal]));
    for (const [index, goal] of list.entries()) {
      const parent = goal.parentGoalId ? byId.get(goal.parentGoalId) : undefined;
      expect(parent?.kind ?? null, goal.title).toBe(goal.kind === 'main' ? null : goal.kind === 'sub' ? 'main' : 'sub');
      if (parent) expect(list.indexOf(parent)).toBeLessThan(index);
    }
    const helse = unitNamed('Helse og velferd');
    const owned = GoalListSchema.parse((await g.get(`/api/goals?unitId=${helse}`)).body);
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((goal) => goal.unitId === helse)).toBe(true);
  });

  it('answers the målekort of a goal: each year\'s resultatkrav, result and verdict, the change since the last result, and its benefits rolled up', async () => {
    const main = await goalTitled('Fjordvik leverer gode og effektive tjenester til innbyggerne');
    const res = await g.get<GoalScorecard>(`/api/goals/${main.goalId}/scorecard`);
    expect(res.status).toBe(200);
    const card = GoalScorecardSchema.parse(res.body);
    expect(card.rows[0]).toMatchObject({ goalId: main.goalId, depth: 0 });
    const days = card.rows.find((r) => r.title.startsWith('Gjennomsnittlig saksbehandlingstid'))!;
    expect(days.depth).toBe(2);
    // fewer days is better: 27 against a limit of 25 is uakseptabelt, 20 within 21 akseptabelt, 16 → 15/18 akseptabelt
    expect(days.years.map((y) => [y.year, y.result?.value, y.verdict])).toEqual([
      [2024, 27, 'unacceptable'],
      [2025, 20, 'acceptable'],
      [2026, 16, 'acceptable'],
    ]);
    expect(days.change).toEqual({ fromYear: 2025, delta: -4, better: true });
    const linked = card.benefits.map((b) => b.title);
    expect(linked).toEqual(expect.arrayContaining(['Færre timer per byggesak', 'Innsynskrav uten arkivhenting']));
    const timer = card.benefits.find((b) => b.title === 'Færre timer per byggesak')!;
    const view = g.readModels.projects.benefit(timer.benefitId)!;
    expect(timer.plannedOre).toBe(view.plan.reduce((s, p) => s + p.plannedOre, 0));
    expect(timer.realisedOre).toBe(view.realisations.reduce((s, r) => s + r.valueOre, 0));
    expect(card.totals.plannedOre).toBe(card.benefits.filter((b) => !b.cancelled).reduce((s, b) => s + b.plannedOre, 0));
  });

  it('answers the målekort of a unit with the goals it owns, and 400 without a unit', async () => {
    const okit = unitNamed('Organisasjon, økonomi og IKT');
    const card = GoalScorecardSchema.parse((await g.get(`/api/goals/scorecard?unitId=${okit}`)).body);
    expect(card.rows.filter((r) => r.depth === 0).map((r) => r.title)).toEqual(
      expect.arrayContaining(['Innbyggerne møter en digital førstelinje', 'Effektiv og bærekraftig drift']),
    );
    const missing = await g.get<ErrorResponse>('/api/goals/scorecard');
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'unitId', message: 'Velg en enhet' }]);
  });

  it('lets management define a goal structure in their unit, naming them and their role in each event', async () => {
    const helse = unitNamed('Helse og velferd');
    const main = await goalTitled('Innbyggerne kan bo trygt hjemme lengst mulig');
    const headers = await as(HEALTH_MANAGEMENT);
    const sub = await g.post<WriteResult>('/api/goals', { kind: 'sub', title: 'Flere får hjelp tidlig', unitId: helse, parentGoalId: main.goalId }, headers);
    expect(sub.status, JSON.stringify(sub.body)).toBe(201);
    const indicator = await g.post<WriteResult>('/api/goals', { kind: 'indicator', title: 'Andel med hverdagsrehabilitering', unitId: helse, parentGoalId: sub.body.id }, headers);
    expect(indicator.status).toBe(201);
    const req = { year: 2026, requiredValue: 40, unitOfMeasure: 'prosent', direction: 'increase', desiredLimit: 40, acceptableLimit: 30 };
    expect((await g.post(`/api/goals/${indicator.body.id}/requirements`, req, headers)).status).toBe(201);
    expect((await g.post(`/api/goals/${indicator.body.id}/results`, { year: 2026, value: 33 }, headers)).status).toBe(201);
    const stream = await g.store.readStream(`goal-${indicator.body.id}`);
    expect(stream.map((e) => e.type)).toEqual(['GoalDefined', 'GoalRequirementSet', 'GoalResultRecorded']);
    for (const e of stream) expect(e.metadata).toMatchObject({ userId: HEALTH_MANAGEMENT, userName: 'Hanne Lie', actingRole: 'management' });
    const card = GoalScorecardSchema.parse((await g.get(`/api/goals/${sub.body.id}/scorecard`)).body);
    expect(card.rows[1]).toMatchObject({ title: 'Andel med hverdagsrehabilitering', latest: { year: 2026, value: 33, verdict: 'acceptable' } });
  });

  it('refuses bad input with 400 naming the field and the reason, and a broken structure with the rule, writing nothing', async () => {
    const helse = unitNamed('Helse og velferd');
    const before = await countEvents(g);
    const blank = await g.post<ErrorResponse>('/api/goals', { kind: 'sub', title: ' ', unitId: helse, parentGoalId: null });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields).toEqual([{ path: 'title', message: 'Må fylles ut' }]);
    const kind = await g.post<ErrorResponse>('/api/goals', { kind: 'vision', title: 'X', unitId: helse, parentGoalId: null });
    expect(kind.status).toBe(400);
    expect(kind.body.error.fields[0]?.path).toBe('kind');
    const orphan = await g.post<ErrorResponse>('/api/goals', { kind: 'indicator', title: 'Foreldreløs indikator', unitId: helse, parentGoalId: null });
    expect(orphan.status).toBe(422);
    expect(orphan.body.error).toMatchObject({ code: 'goal_parent_required', fields: [{ path: 'parentGoalId' }] });
    const indicator = (await goals()).find((goal) => goal.kind === 'indicator')!;
    const limits = await g.post<ErrorResponse>(`/api/goals/${indicator.goalId}/requirements`, {
      year: 2026, requiredValue: 90, unitOfMeasure: 'prosent', direction: 'increase', desiredLimit: 90, acceptableLimit: 95,
    });
    expect(limits.status).toBe(400);
    expect(limits.body.error.fields.map((f) => f.path)).toEqual(['acceptableLimit']);
    const ghost = await g.post<ErrorResponse>(`/api/goals/${indicator.goalId}/benefits`, { benefitId: 'finnes-ikke' });
    expect(ghost.status).toBe(422);
    expect(ghost.body.error).toMatchObject({ code: 'benefit_not_found', fields: [{ path: 'benefitId' }] });
    expect(await countEvents(g)).toBe(before);
  });

  it('refuses with 403 a role without the right, writing nothing; a project leader links their own benefit', async () => {
    const teknisk = unitNamed('Samfunnsutvikling');
    const before = await countEvents(g);
    const owner = await g.post<ErrorResponse>('/api/goals', { kind: 'main', title: 'Gevinsteierens mål', unitId: unitNamed('Byggesak'), parentGoalId: null }, await as(OWNER));
    expect(owner.status).toBe(403);
    expect(owner.body.error.message).toMatch(/^Du har ikke lov til å definere et mål/);
    const elsewhere = await g.post<ErrorResponse>('/api/goals', { kind: 'main', title: 'Helsesjefens mål for teknisk', unitId: teknisk, parentGoalId: null }, await as(HEALTH_MANAGEMENT));
    expect(elsewhere.status).toBe(403);
    expect(await countEvents(g)).toBe(before);

    const velferd = [...g.readModels.portfolio.projects.values()].find((p) => p.projectLeader === VELFERD_LEADER)!;
    const benefitId = velferd.benefitIds.find((id) => !g.readModels.portfolio.benefits.get(id)!.cancelled)!;
    const target = await goalTitled('Effektiv og bærekraftig drift');
    const linked = await g.post(`/api/goals/${target.goalId}/benefits`, { benefitId }, await as(VELFERD_LEADER));
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    expect((await g.store.readStream(`goal-${target.goalId}`)).at(-1)!.metadata).toMatchObject({ userId: VELFERD_LEADER, actingRole: 'project-leader' });
    const again = await g.post<ErrorResponse>(`/api/goals/${target.goalId}/benefits`, { benefitId }, await as(VELFERD_LEADER));
    expect(again.body.error).toMatchObject({ code: 'goal_link_exists' });
  });

  it('answers 409 with the current revision when two writes on one goal race', async () => {
    const indicator = await goalTitled('Andel innbyggere over 80 år som bor hjemme');
    const store = g.store;
    const original = store.readStream.bind(store);
    let waiting: (() => void)[] = [];
    store.readStream = async (streamName, options) => {
      const result = await original(streamName, options);
      if (streamName === `goal-${indicator.goalId}` && options?.direction !== 'backwards')
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 2) for (const w of waiting) w();
        });
      return result;
    };
    try {
      const req = { requiredValue: 88, unitOfMeasure: 'prosent', direction: 'increase', desiredLimit: 88, acceptableLimit: 85 };
      const [a, b] = await Promise.all([
        g.post<WriteResult | ErrorResponse>(`/api/goals/${indicator.goalId}/requirements`, { ...req, year: 2027 }),
        g.post<WriteResult | ErrorResponse>(`/api/goals/${indicator.goalId}/requirements`, { ...req, year: 2028 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const conflict = (a.status === 409 ? a : b).body;
      const winner = (a.status === 201 ? a : b).body;
      if (!('error' in conflict) || !('revision' in winner)) throw new Error('one answer is the 409, the other the 201');
      expect(conflict.error).toMatchObject({ code: 'conflict', currentRevision: winner.revision });
    } finally {
      store.readStream = original;
      waiting = [];
    }
  });
});
