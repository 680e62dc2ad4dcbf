import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarAnswerSchema, CalendarMissingSchema, type CalendarAnswer, type CalendarMissing, type ErrorResponse, type WriteResult } from '@gevinst/domain/answers';
import { daysBetween } from '@gevinst/domain/calendar';
import { countEvents, startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';
import { todayInOslo } from '../src/http/routers/today';

// The årshjul on the demo municipality: the year's deadlines (Fjordvik's own and the defaults), what
// is still missing for a tertial cut to the reader's units, and finance setting and removing deadlines.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-calendar-'));
let g: TestGevinst;
const cookies = new Map<string, string>();
const as = async (email: string): Promise<Record<string, string>> => {
  if (!cookies.has(email)) cookies.set(email, await loginAs(g.url, email));
  return { authorization: '', cookie: cookies.get(email)!, origin: g.url };
};
const FINANCE = 'okonomisjef@fjordvik.kommune.no';
const HEALTH_MANAGEMENT = 'helsesjef@fjordvik.kommune.no';
const OWNER = 'byggesak@fjordvik.kommune.no';

const unitNamed = (name: string) => g.readModels.units.list().find((u) => u.name === name)!.id;

beforeAll(async () => {
  g = await startTestGevinst({ demo: true }, dir);
});
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('årshjul', () => {
  it('shows the year by date: the demo\'s own tertial and budget dates, the default for the tertials without, upcoming or past with days left', async () => {
    const res = await g.get<CalendarAnswer>('/api/calendar?year=2026', await as(OWNER));
    expect(res.status).toBe(200);
    const wheel = CalendarAnswerSchema.parse(res.body);
    const today = todayInOslo(new Date().toISOString());
    expect(wheel.today).toBe(today);
    expect(wheel.deadlines.map((d) => [d.date, d.source])).toEqual([
      ['2026-01-20', 'default'],
      ['2026-05-27', 'explicit'],
      ['2026-06-17', 'explicit'],
      ['2026-09-23', 'explicit'],
      ['2026-10-14', 'explicit'],
      ['2026-11-25', 'explicit'],
      ['2026-12-16', 'explicit'],
    ]);
    for (const d of wheel.deadlines) {
      expect(d.daysLeft).toBe(daysBetween(today, d.date));
      expect(d.status).toBe(d.date >= today ? 'upcoming' : 'past');
    }
    expect(wheel.next?.date ?? null).not.toBeNull();
    expect(wheel.next!.date >= today).toBe(true);
    const bad = await g.get<ErrorResponse>('/api/calendar?year=totusen');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'year', message: expect.stringContaining('årstall') }]);
    expect((await g.get('/api/calendar', { authorization: '' })).status).toBe(401);
  });

  it('lists what is still missing for a tertial with owner, benefit and project, cut to the reader\'s units; an owner sees their own', async () => {
    const all = CalendarMissingSchema.parse((await g.get<CalendarMissing>('/api/calendar/2026-T3/missing')).body);
    expect(all.benefits.length).toBeGreaterThan(0);
    expect(all.deadline).toMatchObject({ period: '2026-T3', date: '2027-01-20', source: 'default' });
    expect(all.missingCount).toBe(all.benefits.reduce((n, b) => n + b.missing.length, 0));
    for (const b of all.benefits) {
      const benefit = g.readModels.portfolio.benefits.get(b.benefitId)!;
      expect(benefit.cancelled).toBe(false);
      for (const m of b.missing) expect(benefit.realisations.has(m.period), `${b.benefitTitle} ${m.period}`).toBe(false);
    }
    // a unit and those under it
    const helse = unitNamed('Helse og velferd');
    const inHelse = CalendarMissingSchema.parse((await g.get<CalendarMissing>(`/api/calendar/2026-T3/missing?unit=${helse}`)).body);
    expect(inHelse.benefits.every((b) => g.readModels.units.isWithin(b.recipientUnitId, helse))).toBe(true);
    expect(inHelse.benefits.length).toBeLessThan(all.benefits.length);
    // management of a sector sees its sector only, whatever unit it asks for
    const health = CalendarMissingSchema.parse((await g.get<CalendarMissing>('/api/calendar/2026-T3/missing', await as(HEALTH_MANAGEMENT))).body);
    expect(health.benefits.map((b) => b.benefitId)).toEqual(inHelse.benefits.map((b) => b.benefitId));
    // a benefit owner without a report role: their own benefits
    const own = CalendarMissingSchema.parse((await g.get<CalendarMissing>('/api/calendar/2026-T3/missing', await as(OWNER))).body);
    expect(own.benefits.every((b) => b.owner === OWNER)).toBe(true);
    expect(own.benefits.length).toBe(all.benefits.filter((b) => b.owner === OWNER).length);
    // bad input
    for (const period of ['2026-T4', '2026', 'neste'])
      expect((await g.get<ErrorResponse>(`/api/calendar/${period}/missing`)).body.error.fields[0]?.path).toBe('period');
    expect((await g.get(`/api/calendar/2026-T3/missing?unit=finnes-ikke`)).status).toBe(404);
  });

  it('lets finance set and remove a deadline (bokmål refusals with field, nothing written), and no one else', async () => {
    const finance = await as(FINANCE);
    const before = await countEvents(g);
    // malformed input is 400; a rule of the årshjul (a date before the tertial, a duplicate) 422, as every refusal of a decider
    const refused = async (body: unknown, path: string, status = 400) => {
      const res = await g.post<ErrorResponse>('/api/calendar/deadlines', body, finance);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.fields.map((f) => f.path)).toContain(path);
      expect(res.body.error.fields.every((f) => f.message.length > 0)).toBe(true);
    };
    const good = { kind: 'tertial', period: '2026-T3', date: '2027-01-27', title: '3. tertialrapport 2026 til formannskapet' };
    await refused({ ...good, period: '2026-T4' }, 'period');
    await refused({ ...good, date: '2026-08-31' }, 'date', 422);
    await refused({ ...good, date: '27.01.2027' }, 'date');
    await refused({ ...good, title: '' }, 'title');
    await refused({ ...good, remindDaysBefore: -1 }, 'remindDaysBefore');
    await refused({ ...good, kind: 'festmiddag' }, 'kind');
    await refused({ ...good, period: '2026-T2', date: '2026-09-23', title: 'Samme dag' }, 'date', 422);
    await refused({ ...good, kind: 'budget', period: '2027-T1' }, 'period');
    expect(await countEvents(g)).toBe(before);

    const forbidden = await g.post<ErrorResponse>('/api/calendar/deadlines', good, await as(HEALTH_MANAGEMENT));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('årshjulet');

    const set = await g.post<WriteResult>('/api/calendar/deadlines', good, finance);
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const deadlineId = set.body.id;
    const [stored] = (await g.store.readStream('calendar-installation')).slice(-1);
    expect(stored).toMatchObject({ type: 'ReportingDeadlineSet', data: { ...good, deadlineId, remindDaysBefore: 14 }, metadata: { userId: FINANCE } });
    await g.readModels.waitFor(BigInt(set.body.position!));
    // the explicit date replaces the default for 2026-T3
    const wheel2027 = (await g.get<CalendarAnswer>('/api/calendar?year=2027')).body;
    expect(wheel2027.deadlines.filter((d) => d.period === '2026-T3').map((d) => [d.date, d.source])).toEqual([['2027-01-27', 'explicit']]);
    expect((await g.get<CalendarMissing>('/api/calendar/2026-T3/missing')).body.deadline).toMatchObject({ deadlineId, date: '2027-01-27' });

    const noReason = await g.post<ErrorResponse>(`/api/calendar/deadlines/${deadlineId}/remove`, { reason: '' }, finance);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]?.path).toBe('reason');
    const unknown = await g.post<ErrorResponse>('/api/calendar/deadlines/finnes-ikke/remove', { reason: 'Feil' }, finance);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0]?.path).toBe('deadlineId');
    const removed = await g.post<WriteResult>(`/api/calendar/deadlines/${deadlineId}/remove`, { reason: 'Møtet er flyttet' }, finance);
    expect(removed.status).toBe(201);
    expect(removed.body.id).toBe(deadlineId);
    await g.readModels.waitFor(BigInt(removed.body.position!));
    const back = (await g.get<CalendarAnswer>('/api/calendar?year=2027')).body;
    expect(back.deadlines.filter((d) => d.period === '2026-T3').map((d) => d.source)).toEqual(['default']);
  });
});
