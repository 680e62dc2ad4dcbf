import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { LEADER, OWNER as OWNER_PERSON } from './people';

/**
 * The reminder service runs in the API with its mail server at a port nobody listens on: the
 * reminders about a value due in September are claimed, fail to deliver, and the owner sees on
 * "Mine gevinster" which reminders went out, when, and a warning that they never arrived.
 */

const j = new Journey();
const OWNER = OWNER_PERSON.email;

interface DueReminder { kind: string; sentAt: string; deliveredAt: string | null; deliveryFailed: { at: string; error: string; attempts: number } | null }
interface DueItem { benefitId: string; period: string; reminders: DueReminder[] }

/** A loopback port that refuses connections: bound, read, released. */
const closedPort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const dueOf = () => j.get<DueItem[]>(`/api/due?owner=${encodeURIComponent(OWNER)}`);
const nbInstant = new Intl.DateTimeFormat('nb-NO', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });

let benefitId = '';

/** The reminders for the benefit once delivery has given up on at least one (or after 15 s, whatever there is). */
async function untilDeliveryFailed(): Promise<DueReminder[]> {
  let failed: DueReminder[] = [];
  for (let i = 0; i < 150 && failed.length === 0; i++) {
    const item = (await dueOf()).find((d) => d.benefitId === benefitId);
    failed = item?.reminders.filter((r) => r.deliveryFailed) ?? [];
    if (!failed.length) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return failed;
}

beforeAll(() => j.launch());

// each test starts from this benefit on a fresh server whose mail server cannot be reached
beforeEach(async () => {
  const port = await closedPort();
  await j.open({ reminders: { smtpUrl: `smtp://127.0.0.1:${port}`, retry: { attempts: 2, backoffMs: 20 } } });
  const kommune = await j.send('/api/units', { name: 'Testkommune' });
  const bygg = await j.send('/api/units', { name: 'Byggesak', parentId: kommune });
  const project = await j.send('/api/projects', { name: 'Digital byggesak', ownerUnitId: kommune, projectLeader: LEADER.email });
  // the period ended 31 August: its value was due in September, long before the reminders run
  benefitId = await j.send(`/api/projects/${project}/benefits`, {
    title: 'Færre klager på saksbehandlingstid', recipientUnitId: bygg, owner: OWNER, indicator: 'klager per måned',
    unitOfMeasure: 'klager', direction: 'decrease', category: 'unpriced', cashReleasing: false, valuationOrePerUnit: null,
    plan: [{ period: '2025-T2', quantity: 10 }],
  });
});

afterEach(() => j.close());
afterAll(() => j.stop());

describe('påminnelser som ikke kom fram', () => {
  it('API-et: påminnelsene er sendt, men levering ga opp', async () => {
    const failed = await untilDeliveryFailed();
    expect(failed.length, 'en påminnelse med deliveryFailed innen 15 s').toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.deliveredAt).toBeNull();
      expect(r.deliveryFailed!.attempts).toBe(2);
      expect(Date.parse(r.sentAt)).not.toBeNaN();
    }
  });

  it('Mine gevinster: hver påminnelse med tidspunkt, og en tydelig advarsel om at den ikke ble levert', async () => {
    const page = j.page;
    await untilDeliveryFailed();
    const item = (await dueOf()).find((d) => d.benefitId === benefitId)!;
    const failed = item.reminders.filter((r) => r.deliveryFailed);
    await j.useUser(OWNER);
    await page.goto(j.url(`/mine-gevinster?eier=${encodeURIComponent(OWNER)}`));

    const warning = page.getByRole('status').filter({ hasText: 'kunne ikke leveres' });
    await warning.waitFor();
    const text = await warning.innerText();
    expect(text).toMatch(failed.length === 1 ? /Én påminnelse kunne ikke leveres/ : new RegExp(`${failed.length} påminnelser kunne ikke leveres`));
    expect(text).toContain('Færre klager på saksbehandlingstid');

    const row = page.getByRole('row', { name: /Færre klager på saksbehandlingstid/ });
    const cell = (await row.locator('td').nth(4).innerText()).replace(/\s+/g, ' ');
    for (const r of item.reminders) expect(cell).toContain(`sendt ${nbInstant.format(new Date(r.sentAt))}`.replace(/\s+/g, ' '));
    for (const r of failed) expect(cell).toContain(`Ikke levert: e-posten kom ikke fram (gitt opp ${nbInstant.format(new Date(r.deliveryFailed!.at))} etter 2 forsøk)`.replace(/\s+/g, ' '));
    expect(cell).toMatch(/Varsel før frist|Påminnelse på fristen|Purring/);

    await j.check('43-mine-gevinster-ikke-levert');
    await j.checkNarrow('43-mine-gevinster-ikke-levert');
  });

  it('levert likevel (en operatør sendte jobben på nytt): tidspunktet står, advarselen er borte', async () => {
    const page = j.page;
    await untilDeliveryFailed();
    await j.useUser(OWNER);
    const item = (await dueOf()).find((d) => d.benefitId === benefitId)!;
    const r = item.reminders.find((x) => x.deliveryFailed)!;
    const deliveredAt = '2026-11-24T09:15:00.000Z';
    await j.server.store.appendToStream(
      `reminder-${benefitId}-${item.period}-${r.kind}`,
      [{ type: 'ReminderDelivered', data: { benefitId, period: item.period, kind: r.kind, recipients: [OWNER], messageId: '<retry@test>' }, metadata: { userId: 'system:reminders', recordedAt: deliveredAt } }],
      { expectedRevision: 'stream_exists' },
    );
    let after: DueReminder | undefined;
    for (let i = 0; i < 100 && !after?.deliveredAt; i++) {
      after = (await dueOf()).find((d) => d.benefitId === benefitId)?.reminders.find((x) => x.kind === r.kind);
      if (!after?.deliveredAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(after?.deliveredAt).toBe(deliveredAt);
    expect(after?.deliveryFailed).toBeNull();

    await page.goto(j.url(`/mine-gevinster?eier=${encodeURIComponent(OWNER)}`));
    const row = page.getByRole('row', { name: /Færre klager på saksbehandlingstid/ });
    await row.waitFor();
    const cell = (await row.locator('td').nth(4).innerText()).replace(/\s+/g, ' ');
    expect(cell).toContain(`levert ${nbInstant.format(new Date(deliveredAt))}`.replace(/\s+/g, ' '));
    expect(cell).not.toContain('Ikke levert');
    expect(await page.getByText('kunne ikke leveres').count()).toBe(0);
    await j.check('44-mine-gevinster-levert');
  });
});
