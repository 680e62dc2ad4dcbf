import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DueItem } from '@gevinst/domain/answers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGevinst, type TestGevinst } from './helpers';
import { loginAs } from './login';

// With the reminder service on, GET /api/due is the reminders' list: a reader whose role reaches one
// unit sees someone else's due items for the benefits received within that unit, and only those.
const dir = mkdtempSync(join(tmpdir(), 'gevinst-due-scope-'));
let g: TestGevinst;

const HEALTH_MANAGEMENT = 'helsesjef@fjordvik.kommune.no';
const NURSING_HOME_OWNER = 'sykehjemmet@fjordvik.kommune.no';
const BUILDING_OWNER = 'byggesak@fjordvik.kommune.no';
const AT = '2026-11-24';

const unitNamed = (name: string) => {
  const unit = g.readModels.units.list().find((u) => u.name === name);
  if (!unit) throw new Error(`the demo has no unit ${name}`);
  return unit.id;
};

const dueOf = async (owner: string, cookie: string) => {
  const res = await g.get(`/api/due?owner=${encodeURIComponent(owner)}&at=${AT}`, { authorization: '', cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DueItem[];
};

beforeAll(async () => {
  g = await startTestGevinst({ demo: true, reminders: { outboxDir: join(dir, 'outbox') } }, dir);
});
afterAll(async () => {
  await g.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('someone else’s due list with the reminder service on', () => {
  it('shows a scoped reader the due items of the benefits received in their scope', async () => {
    const reminders = g.reminders;
    if (!reminders) throw new Error('the reminder service should run');
    const helse = unitNamed('Helse og velferd');
    const health = await loginAs(g.url, HEALTH_MANAGEMENT);

    const items = await dueOf(NURSING_HOME_OWNER, health);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => g.readModels.units.isWithin(item.recipientUnitId, helse))).toBe(true);
    // the reminders' own list (with its delivery history), all of it within the reader's scope
    expect(items).toEqual(JSON.parse(JSON.stringify(reminders.dueFor(NURSING_HOME_OWNER, AT))));

    // an owner whose benefits are received outside Helse og velferd: nothing of theirs is shown
    expect(reminders.dueFor(BUILDING_OWNER, AT).length).toBeGreaterThan(0);
    expect(await dueOf(BUILDING_OWNER, health)).toEqual([]);
  });
});
