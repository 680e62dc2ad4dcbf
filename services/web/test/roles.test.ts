import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../src/format/audit';
import { settled } from './browser';
import { Journey } from './harness';
import { FINANCE, LEADER, MANAGEMENT, OTHER_OWNER, OWNER } from './people';

/**
 * The four roles, each logged in through the embedded provider, see what their role may see: finance
 * and management the ledger and the scorecard, the project leader their project, the benefit owner
 * their benefit; where the role does not reach, the page says the server's reason in bokmål. And the
 * audit's sentences for RoleGranted/RoleRevoked read the events the server really records.
 */

const j = new Journey();
const ids = { kommune: '', helse: '', teknisk: '', project: '', benefit: '' };
const SPAN = 'fra=2026-T1&til=2026-T3&niva=1';

interface Refusal { error: { code: string; message: string } }

/** The API's 403s while `open` runs, with their reasons. */
async function refusalsWhile(open: () => Promise<void>): Promise<string[]> {
  const seen: Promise<string>[] = [];
  const onResponse = (response: Response) => {
    if (response.url().includes('/api/') && response.status() === 403) seen.push(response.json().then((b) => (b as Refusal).error.message));
  };
  j.page.on('response', onResponse);
  try {
    await open();
  } finally {
    j.page.off('response', onResponse);
  }
  return Promise.all(seen);
}

const open = (path: string) => async () => {
  await j.page.goto(j.url(path));
  await settled(j.page);
};

beforeAll(async () => {
  await j.start();
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.helse = await j.send('/api/units', { name: 'Helse og velferd', parentId: ids.kommune });
  ids.teknisk = await j.send('/api/units', { name: 'Teknisk', parentId: ids.kommune });
  ids.project = await j.send('/api/projects', { name: 'Trygghetsalarmer', ownerUnitId: ids.teknisk, projectLeader: LEADER.email });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.teknisk, amountOre: 30_000_000, period: '2026-T1', kind: 'one-off' });
  ids.benefit = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Færre akuttbesøk', recipientUnitId: ids.helse, owner: OWNER.email, indicator: 'timer per måned', unitOfMeasure: 'timer',
    direction: 'decrease', category: 'budget', cashReleasing: true, valuationOrePerUnit: 65_000, plan: [{ period: '2026-T1', quantity: 100 }, { period: '2026-T2', quantity: 100 }],
  });
  // T1 realised (the ledger has a flow), T2 still due (on the owner's list)
  await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 100 });
  await j.grant(FINANCE.email, 'finance', ids.kommune);
  await j.grant(MANAGEMENT.email, 'management', ids.kommune);
});

afterAll(() => j.stop());

describe('hver rolle ser det rollen gir', () => {
  it('gevinsteieren: sin gevinst og «Mine gevinster», men ikke gevinstregnskapet eller målekortet – med begrunnelsen', async () => {
    const page = j.page;
    await j.useUser(OWNER.email);
    expect(await refusalsWhile(open(`/gevinster/${ids.benefit}`))).toEqual([]);
    await page.getByRole('heading', { level: 1, name: /Færre akuttbesøk/ }).waitFor();
    expect(await refusalsWhile(open('/mine-gevinster'))).toEqual([]);
    await page.getByRole('link', { name: 'Færre akuttbesøk' }).first().waitFor();

    const ledger = await refusalsWhile(open(`/okonomi?${SPAN}`));
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger[0]).toMatch(/gevinstregnskapet/);
    const alerts = await page.getByRole('alert').allTextContents();
    expect(alerts.length).toBeGreaterThan(0);
    for (const text of alerts) expect(ledger).toContain(text);
    expect(await page.locator('[data-testid="sankey"] svg').count()).toBe(0);
    expect(await page.getByRole('row', { name: /Teknisk\s+Helse og velferd/ }).count()).toBe(0);
    await j.check('60-okonomi-gevinsteier-avvist');
    await j.checkNarrow('60-okonomi-gevinsteier-avvist');

    const scorecard = await refusalsWhile(open(`/ledelse?${SPAN}`));
    expect(scorecard[0]).toMatch(/målekortet/);
    expect(await page.getByRole('alert').first().textContent()).toBe(scorecard[0]);
  });

  it('en annen gevinsteier ser ikke gevinsten', async () => {
    await j.useUser(OTHER_OWNER.email);
    const refused = await refusalsWhile(open(`/gevinster/${ids.benefit}`));
    expect(refused[0]).toMatch(/se gevinsten/);
    expect(await j.page.getByRole('alert').first().textContent()).toBe(refused[0]);
  });

  it('prosjektlederen: sitt prosjekt med gevinsten, men ikke gevinstregnskapet', async () => {
    const page = j.page;
    await j.useUser(LEADER.email);
    expect(await refusalsWhile(open(`/prosjekter/${ids.project}`))).toEqual([]);
    await page.getByRole('heading', { level: 1, name: 'Trygghetsalarmer' }).waitFor();
    await page.locator('.benefit-card').filter({ hasText: 'Færre akuttbesøk' }).waitFor();
    const ledger = await refusalsWhile(open(`/okonomi?${SPAN}`));
    expect(ledger[0]).toMatch(/gevinstregnskapet/);
    expect(await page.getByRole('alert').first().textContent()).toBe(ledger[0]);
  });

  it('økonomi: gevinstregnskapet med strømmen fra Teknisk til Helse og velferd', async () => {
    const page = j.page;
    await j.useUser(FINANCE.email);
    expect(await refusalsWhile(open(`/okonomi?${SPAN}`))).toEqual([]);
    await page.getByRole('row', { name: /Teknisk\s+Helse og velferd\s+kr\s65\s000/ }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await j.check('61-okonomi-okonomi');
  });

  it('ledelse: målekortet med Helse og velferd', async () => {
    const page = j.page;
    await j.useUser(MANAGEMENT.email);
    expect(await refusalsWhile(open(`/ledelse?${SPAN}`))).toEqual([]);
    await page.getByRole('row', { name: /Helse og velferd/ }).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('tildelte og fjernede roller i revisjonssporet', () => {
  it('setningene for RoleGranted og RoleRevoked leser hendelsene slik tjenesten lagrer dem', async () => {
    const grantId = await j.send('/api/access/grants', { personId: OTHER_OWNER.email, role: 'finance', unitId: ids.helse, reason: 'Vikar for økonomisjefen' });
    await j.send(`/api/access/grants/${grantId}/revoke`, { reason: 'Vikariatet er slutt' });
    const whole = await j.grant(OTHER_OWNER.email, 'management', null);

    const events = [...(await j.server.store.readStream(`access-${grantId}`)), ...(await j.server.store.readStream(`access-${whole}`))];
    expect(events.map((e) => e.type)).toEqual(['RoleGranted', 'RoleRevoked', 'RoleGranted']);
    const units = new Map([[ids.helse, 'Helse og velferd']]);
    const sentences = events.map((e) => describeAuditEntry({ type: e.type, data: e.data as Record<string, unknown> }, (id) => units.get(id) ?? id));
    expect(sentences).toEqual([
      `Ga ${OTHER_OWNER.email} rollen Økonomi – Helse og velferd: «Vikar for økonomisjefen»`,
      `Fjernet rollen Økonomi – Helse og velferd fra ${OTHER_OWNER.email}: «Vikariatet er slutt»`,
      `Ga ${OTHER_OWNER.email} rollen Ledelse`,
    ]);
  });
});
