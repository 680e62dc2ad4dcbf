import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitMapView, ErrorResponse, WriteResult } from '@gevinst/domain/answers';
import { BenefitMapViewSchema } from '@gevinst/domain/answers';
import { answerOf, AS_ADMIN, countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// The gevinstkart over HTTP, on the demo municipality: the demo's maps are complete, a project leader
// draws a map for their own project, bad input is 400 naming the field, someone else is 403, a clash
// with the map (a duplicate edge, a cycle, a stale If-Match) is 409/412, and nothing is written then.
let g: TestGevinst;
const LEADER = 'prosjektleder.byggesak@fjordvik.kommune.no';
const OWNER = 'byggesak@fjordvik.kommune.no';
const cookies = new Map<string, string>();
const as = async (email: string): Promise<Record<string, string>> => {
  if (!cookies.has(email)) cookies.set(email, await loginAs(g.url, email));
  return { authorization: '', cookie: cookies.get(email)!, origin: g.url };
};
const send = async <T,>(method: string, path: string, body?: unknown, headers: Record<string, string> = AS_ADMIN) =>
  answerOf<T>(
    await fetch(g.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
let projectId: string;
let benefitId: string;
const mapOf = async (id = projectId, headers: Record<string, string> = AS_ADMIN) => {
  const res = await g.get<BenefitMapView>(`/api/projects/${id}/benefit-map`, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return BenefitMapViewSchema.parse(res.body);
};

beforeAll(async () => {
  g = await startTestGevinst({ demo: true });
  const rm = g.readModels;
  const demo = rm.projects.list().find((p) => p.projectLeader === LEADER)!;
  const byggesak = [...rm.portfolio.benefits.values()].find((b) => b.owner === OWNER && rm.units.get(b.recipientUnitId)?.mergedInto === null)!.recipientUnitId;
  projectId = await g.created('/api/projects', { name: 'Digitale ferdigattester', ownerUnitId: demo.ownerUnitId, projectLeader: LEADER });
  benefitId = await g.created(`/api/projects/${projectId}/benefits`, {
    title: 'Færre purringer på ferdigattest',
    recipientUnitId: byggesak,
    owner: OWNER,
    indicator: 'Purringer per år',
    unitOfMeasure: 'purringer',
    direction: 'decrease',
    category: 'unpriced',
    cashReleasing: false,
    valuationOrePerUnit: null,
    plan: [{ period: '2026', quantity: 50 }],
  });
});
afterAll(async () => {
  await g?.destroy();
});

describe('the gevinstkart', () => {
  it('the demo has complete maps for at least three projects, benefit nodes with their live status', async () => {
    const complete = [];
    for (const p of g.readModels.projects.list()) {
      const map = await mapOf(p.id);
      if (map.nodes.length === 0) continue;
      const kinds = new Set(map.nodes.map((n) => n.kind));
      expect(map.flags, p.name).toEqual({ benefitsWithoutGoal: [], changesWithoutBenefit: [] });
      expect([...kinds].sort(), p.name).toEqual(expect.arrayContaining(['benefit', 'change', 'delivery', 'goal']));
      const benefits = map.nodes.filter((n) => n.benefitId);
      for (const n of benefits) expect(n.benefit?.title, p.name).toBe(g.readModels.portfolio.benefits.get(n.benefitId!)!.title);
      expect(benefits.some((n) => n.benefit?.status !== null), `${p.name}: some benefit judged`).toBe(true);
      complete.push(p.name);
    }
    expect(complete.length).toBeGreaterThanOrEqual(3);
  });

  it('a project leader draws their project\'s map from delivery to goal; every event names them', async () => {
    const leader = await as(LEADER);
    const add = async (body: unknown) => {
      const res = await send<WriteResult>('POST', `/api/projects/${projectId}/benefit-map/nodes`, body, leader);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    const delivery = await add({ kind: 'delivery', label: 'Digital ferdigattest i søknadsportalen' });
    const change = await add({ kind: 'change', label: 'Tiltakshaver søker selv når arbeidet er ferdig' });
    const benefit = await add({ kind: 'benefit', benefitId });
    let map = await mapOf(projectId, leader);
    expect(map.editable).toBe(true);
    expect(map.nodes.find((n) => n.nodeId === benefit)).toMatchObject({ label: 'Færre purringer på ferdigattest', benefitId, benefit: { title: 'Færre purringer på ferdigattest' } });
    expect(map.unmappedBenefits).toEqual([]);
    expect(map.flags).toEqual({ benefitsWithoutGoal: [benefit], changesWithoutBenefit: [change] });

    const goal = await add({ kind: 'goal', label: 'Delmål: Byggesaker avgjort innen lovens frister' });
    for (const [from, to] of [[delivery, change], [change, benefit], [benefit, goal]]) {
      const res = await send<WriteResult>('POST', `/api/projects/${projectId}/benefit-map/edges`, { from, to, assumption: 'Forutsetningen holder' }, leader);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const renamed = await send<WriteResult>('PATCH', `/api/projects/${projectId}/benefit-map/nodes/${goal}`, { label: 'Hovedmål: Effektiv byggesak' }, leader);
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    map = await mapOf();
    expect(map.flags).toEqual({ benefitsWithoutGoal: [], changesWithoutBenefit: [] });
    expect(map.edges.map((e) => [e.from, e.to])).toEqual([[delivery, change], [change, benefit], [benefit, goal]]);
    expect(map.nodes.find((n) => n.nodeId === goal)?.label).toBe('Hovedmål: Effektiv byggesak');

    const events = await g.store.readStream(`benefitmap-${projectId}`);
    expect(events.map((e) => e.metadata?.userId)).toEqual(events.map(() => LEADER));
    expect(new Set(events.map((e) => e.metadata?.actingRole))).toEqual(new Set(['project-leader']));

    // removing the change removes its two edges first, each an event
    const removed = await send<WriteResult>('DELETE', `/api/projects/${projectId}/benefit-map/nodes/${change}`, undefined, leader);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const after = await g.store.readStream(`benefitmap-${projectId}`);
    expect(after.slice(events.length).map((e) => e.type)).toEqual(['MapEdgeRemoved', 'MapEdgeRemoved', 'MapNodeRemoved']);
    map = await mapOf();
    expect(map.edges.map((e) => [e.from, e.to])).toEqual([[benefit, goal]]);
  });

  it('answers bad input with 400 naming the field and the reason, and writes nothing', async () => {
    const before = await countEvents(g);
    const cases: [string, string, unknown, string][] = [
      ['POST', 'nodes', { kind: 'wish', label: 'X' }, 'kind'],
      ['POST', 'nodes', { kind: 'change', label: '   ' }, 'label'],
      ['POST', 'nodes', { kind: 'change', label: 'X', benefitId }, 'benefitId'],
      ['POST', 'edges', { from: 'a', to: 'b', assumption: '' }, 'assumption'],
      ['POST', 'edges', { from: 'a', to: 'b' }, 'assumption'],
    ];
    for (const [method, what, body, field] of cases) {
      const res = await send<ErrorResponse>(method, `/api/projects/${projectId}/benefit-map/${what}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      const named = res.body.error.fields.find((f) => f.path === field);
      expect(named?.message.length, `${field}: ${JSON.stringify(res.body)}`).toBeGreaterThan(0);
    }
    expect(await countEvents(g)).toBe(before);
  });

  it('refuses with 403 someone who neither leads the project nor manages its unit, and writes nothing', async () => {
    const before = await countEvents(g);
    const owner = await as(OWNER);
    const res = await send<ErrorResponse>('POST', `/api/projects/${projectId}/benefit-map/nodes`, { kind: 'delivery', label: 'Noe' }, owner);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('redigere gevinstkartet');
    const map = await mapOf();
    const del = await send<ErrorResponse>('DELETE', `/api/projects/${projectId}/benefit-map/nodes/${map.nodes[0]!.nodeId}`, undefined, owner);
    expect(del.status).toBe(403);
    expect(await countEvents(g)).toBe(before);
    // the owner of the project's benefit may read the map, but not edit it
    expect((await mapOf(projectId, owner)).editable).toBe(false);
  });

  it('answers 409 for a duplicate edge or a cycle and 412 for a stale If-Match, writing nothing; 422 for a wrong direction; 404 for an unknown project', async () => {
    const nodes = async (kind: string, label: string) => (await send<WriteResult>('POST', `/api/projects/${projectId}/benefit-map/nodes`, { kind, label })).body.id;
    const a = await nodes('change', 'Endring A');
    const b = await nodes('change', 'Endring B');
    const edge = (from: string, to: string, headers: Record<string, string> = AS_ADMIN) =>
      send<ErrorResponse & WriteResult>('POST', `/api/projects/${projectId}/benefit-map/edges`, { from, to, assumption: 'A muliggjør B' }, headers);
    const first = await edge(a, b);
    expect(first.status).toBe(201);
    const before = await countEvents(g);
    const duplicate = await edge(a, b);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'edge_duplicate', fields: [{ path: 'to' }] });
    const cycle = await edge(b, a);
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.code).toBe('edge_cycle');
    const stale = await edge(b, a, { ...AS_ADMIN, 'if-match': '"0"' });
    expect(stale.status).toBe(412);
    const goal = (await mapOf()).nodes.find((n) => n.kind === 'goal')!.nodeId;
    const wrongWay = await edge(goal, a);
    expect(wrongWay.status).toBe(422);
    expect(wrongWay.body.error).toMatchObject({ code: 'edge_direction', fields: [{ path: 'to' }] });
    expect(await countEvents(g)).toBe(before);
    expect((await g.get('/api/projects/nope/benefit-map')).status).toBe(404);
    expect((await send('POST', '/api/projects/nope/benefit-map/nodes', { kind: 'delivery', label: 'X' })).status).toBe(404);
  });
});
