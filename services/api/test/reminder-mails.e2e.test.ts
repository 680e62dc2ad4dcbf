import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGevinst, type TestGevinst } from './helpers';

// The first hour of a real user: the demo's first start, and a benefit planned after its first deadline.
let dir = '';
let g: TestGevinst | undefined;

const outbox = () => join(dir, 'outbox');
const mails = () => (existsSync(outbox()) ? readdirSync(outbox()).filter((f) => f.endsWith('.eml')) : []);

/** Until the reminders have run every job that is due now. */
const drained = async (gevinst: TestGevinst) => {
  const reminders = gevinst.reminders;
  if (!reminders) throw new Error('the reminder service should run');
  for (let i = 0; i < 300; i++) {
    const counts = await reminders.queue.counts();
    if (counts.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the reminder queue did not drain');
};

afterEach(async () => {
  await g?.destroy();
  g = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('reminder mails from a fresh Gevinst', () => {
  it('the demo’s first start mails nothing about what was already late in its history', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gevinst-reminder-mails-'));
    g = await startTestGevinst({ demo: true, reminders: { outboxDir: outbox() } }, dir);
    await drained(g);
    // the history has late values: the due list shows them, the outbox stays empty
    const owners = new Set([...g.readModels.portfolio.benefits.values()].flatMap((b) => (b.owner ? [b.owner] : [])));
    const overdue = [...owners].flatMap((owner) => g?.reminders?.dueFor(owner).filter((item) => item.state === 'overdue') ?? []);
    expect(overdue.length).toBeGreaterThan(0);
    expect(mails()).toEqual([]);
  });

  it('a benefit planned after its first deadline: one summary to the owner, linking to the port Gevinst listens on', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gevinst-reminder-mails-'));
    g = await startTestGevinst({ reminders: { outboxDir: outbox() } }, dir);
    expect(g.port).not.toBe(3000);
    const unit = await g.created('/api/units', { name: 'Byggesak' });
    const project = await g.created('/api/projects', { name: 'Digital byggesak', ownerUnitId: unit, projectLeader: 'leder@kommune.no' });
    const benefitId = await g.created(`/api/projects/${project}/benefits`, {
      title: 'Færre klager', recipientUnitId: unit, owner: 'eier@kommune.no', indicator: 'klager per måned', unitOfMeasure: 'klager',
      direction: 'decrease', category: 'unpriced', cashReleasing: false, valuationOrePerUnit: null,
      plan: [{ period: '2024-T1', quantity: 10 }, { period: '2024-T2', quantity: 10 }, { period: '2024-T3', quantity: 10 }],
    });
    for (let i = 0; i < 300 && mails().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await drained(g);

    expect(mails()).toEqual([`${benefitId}.overdue-summary_gevinst.eml`]);
    // headers unfolded (a long header continues on the next line after a line break and a space)
    const eml = readFileSync(join(outbox(), mails()[0] ?? ''), 'utf8').replace(/\r?\n(?=[ \t])/g, '');
    expect(eml).toMatch(/^To: eier@kommune\.no$/m);
    expect(eml).not.toMatch(/^Cc:/m);
    expect(eml).toContain(`X-Gevinst-Link: ${g.url}/gevinster/${benefitId}/registrer?periode=2024-T1`);
    expect(eml).not.toContain('localhost:3000');
  });
});
