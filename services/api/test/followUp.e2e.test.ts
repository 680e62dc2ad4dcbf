import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitAction, BenefitRisk, ErrorResponse, MyAction, RiskMatrix, WriteResult } from '@gevinst/domain/answers';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// Realisation actions and risks per benefit over HTTP, on the demo municipality: the benefit owner
// writes them (attributed), bad input is 400 with the field, others are 403 and write nothing, two
// writes on one revision give one 409; management reads the portfolio's risk matrix.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-followup-'));
let g: TestGevinst;
const OWNER = 'byggesak@fjordvik.kommune.no';
const MANAGEMENT = 'kommunedirektor@fjordvik.kommune.no';
const OTHER_MANAGER = 'helsesjef@fjordvik.kommune.no';
let benefitId: string;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
  benefitId = [...g.readModels.portfolio.benefits.values()].find((b) => b.owner === OWNER && !b.cancelled && !b.unplanned)!.id;
  for (const who of [OWNER, MANAGEMENT, OTHER_MANAGER]) as[who] = { authorization: '', cookie: await loginAs(g.url, who), origin: g.url };
});
afterAll(async () => {
  await g?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const actions = async (who = OWNER) => (await g.get<BenefitAction[]>(`/api/benefits/${benefitId}/actions`, as[who])).body;

describe('realisation actions', () => {
  it('lets the benefit owner add an action, attributed to them, and lists it overdue first', async () => {
    const later = await g.post<WriteResult>(`/api/benefits/${benefitId}/actions`, { title: 'Ta i bruk ny mal', owner: 'saksbehandler@fjordvik.kommune.no', deadline: '2099-06-30' }, as[OWNER]);
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const overdue = await g.post<WriteResult>(
      `/api/benefits/${benefitId}/actions`,
      { title: 'Opplæring i digital byggesøknad', owner: OWNER, deadline: '2020-01-15', comment: 'Alle saksbehandlere' },
      as[OWNER],
    );
    expect(overdue.status).toBe(201);
    const list = await actions();
    expect(list.map((a) => [a.title, a.status, a.overdue, a.added.by])).toEqual([
      ['Opplæring i digital byggesøknad', 'planned', true, OWNER],
      ['Ta i bruk ny mal', 'planned', false, OWNER],
    ]);
    const mine = (await g.get<MyAction[]>('/api/actions', as[OWNER])).body;
    expect(mine.slice(0, 2).map((a) => [a.title, a.benefitId, a.overdue])).toEqual([
      ['Opplæring i digital byggesøknad', benefitId, true],
      ['Ta i bruk ny mal', benefitId, false],
    ]);
  });

  it('updates the status, and refuses going back from done (422)', async () => {
    const action = (await actions()).find((a) => a.title === 'Ta i bruk ny mal')!;
    const done = await g.post(`/api/benefits/${benefitId}/actions/${action.actionId}`, { status: 'done', comment: 'Malen er i bruk' }, as[OWNER]);
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect((await actions()).find((a) => a.actionId === action.actionId)).toMatchObject({ status: 'done', comment: 'Malen er i bruk', updated: { by: OWNER } });
    const back = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/actions/${action.actionId}`, { status: 'inProgress' }, as[OWNER]);
    expect(back.status).toBe(422);
    expect(back.body.error.code).toBe('action_closed');
  });

  it('answers 400 naming the field and the reason, and writes nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/actions`, { title: 'X', owner: 'ikke-epost', deadline: '2026-02-30' }, as[OWNER]);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.path).sort()).toEqual(['deadline', 'owner']);
    expect(res.body.error.fields.every((f) => f.message.length > 0)).toBe(true);
    const status = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/actions/x1`, { status: 'ferdig' }, as[OWNER]);
    expect(status.status).toBe(400);
    expect(status.body.error.fields.map((f) => f.path)).toEqual(['status']);
    expect(await countEvents(g)).toBe(before);
  });

  it('answers 403 to a manager of another unit, and writes nothing', async () => {
    const before = await countEvents(g);
    const res = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/actions`, { title: 'Noe', owner: OTHER_MANAGER, deadline: '2027-01-01' }, as[OTHER_MANAGER]);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('tiltak');
    const risk = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/risks`, { threat: 'Noe', probability: 2, consequence: 2 }, as[MANAGEMENT]);
    expect(risk.status).toBe(403);
    expect(await countEvents(g)).toBe(before);
  });

  it('gives one of two writes on the same revision 409', async () => {
    const store = g.store;
    const original = store.readStream.bind(store);
    const waiting: (() => void)[] = [];
    store.readStream = async (streamName, options) => {
      const result = await original(streamName, options);
      if (streamName.startsWith('benefit-') && options?.direction !== 'backwards')
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === 2) for (const w of waiting) w();
        });
      return result;
    };
    try {
      const body = (title: string) => ({ title, owner: OWNER, deadline: '2027-03-01' });
      const [a, b] = await Promise.all([
        g.post(`/api/benefits/${benefitId}/actions`, body('Første'), as[OWNER]),
        g.post(`/api/benefits/${benefitId}/actions`, body('Andre'), as[OWNER]),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
    } finally {
      store.readStream = original;
    }
  });
});

describe('risks', () => {
  it('assesses and re-assesses a risk (history kept), 400 on a grade outside 1–5', async () => {
    const bad = await g.post<ErrorResponse>(`/api/benefits/${benefitId}/risks`, { threat: 'For få brukere', probability: 6, consequence: 2.5 }, as[OWNER]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.path).sort()).toEqual(['consequence', 'probability']);
    const res = await g.post(`/api/benefits/${benefitId}/risks`, { threat: 'Søkerne bruker fortsatt papir', probability: 4, consequence: 4, mitigation: 'Veiledning på servicetorget' }, as[OWNER]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [risk] = (await g.get<BenefitRisk[]>(`/api/benefits/${benefitId}/risks`, as[OWNER])).body;
    expect(risk).toMatchObject({ score: 16, level: 'high', closed: false, assessed: { by: OWNER } });
    const again = await g.post(`/api/benefits/${benefitId}/risks`, { riskId: risk!.riskId, threat: risk!.threat, probability: 2, consequence: 4, mitigation: 'Papirskjema fjernet' }, as[OWNER]);
    expect(again.status).toBe(201);
    const [after] = (await g.get<BenefitRisk[]>(`/api/benefits/${benefitId}/risks`, as[OWNER])).body;
    expect(after).toMatchObject({ riskId: risk!.riskId, probability: 2, consequence: 4, score: 8, level: 'medium' });
    expect(after!.history.map((h) => h.score)).toEqual([16, 8]);
  });

  it('shows management the open risks in the 5×5 matrix; a benefit owner may not read it', async () => {
    const matrix = (await g.get<RiskMatrix>('/api/portfolio/risks', as[MANAGEMENT])).body;
    expect(matrix.cells).toHaveLength(25);
    const cell = matrix.cells.find((c) => c.probability === 2 && c.consequence === 4)!;
    expect(cell.count).toBe(1);
    expect(cell.risks[0]).toMatchObject({ benefitId, threat: 'Søkerne bruker fortsatt papir', benefitOwner: OWNER });
    expect(matrix.total).toBe(matrix.cells.reduce((n, c) => n + c.count, 0));
    // Helse's manager sees no risk of Byggesak's benefit
    expect((await g.get<RiskMatrix>('/api/portfolio/risks', as[OTHER_MANAGER])).body.total).toBe(0);
    expect((await g.get('/api/portfolio/risks', as[OWNER])).status).toBe(403);
  });

  it('closes a risk with a reason; it leaves the matrix', async () => {
    const [risk] = (await g.get<BenefitRisk[]>(`/api/benefits/${benefitId}/risks`, as[OWNER])).body;
    const res = await g.post(`/api/benefits/${benefitId}/risks/${risk!.riskId}/close`, { reason: 'Papirskjemaet er fjernet' }, as[OWNER]);
    expect(res.status).toBe(201);
    expect((await g.get<RiskMatrix>('/api/portfolio/risks', as[MANAGEMENT])).body.total).toBe(0);
  });
});
