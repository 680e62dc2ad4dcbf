import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './browser';
import { Journey } from './harness';
import { FINANCE, LEADER, MANAGEMENT, OWNER } from './people';

/**
 * The first hour of a newcomer on the demo municipality, as the README's first command leaves it:
 * a project leader plans a benefit and its owner records the first measurement, counted in clicks
 * and typed fields (printed, not asserted: the figure is for the closing note, the test asserts that
 * each step works on the first try); then every page each role opens, photographed at 1400 px and at
 * 390 px, with axe at 0 violations and nothing wider than the screen.
 */

const j = new Journey();
const counts = { clicks: 0, fields: 0 };
const click = async (target: Locator) => {
  counts.clicks++;
  await target.click();
};
const type = async (target: Locator, value: string) => {
  counts.fields++;
  await target.fill(value);
};
const choose = async (target: Locator, value: string) => {
  counts.fields++;
  await target.selectOption(value);
};

interface DemoProject { id: string; name: string; benefits: { id: string; title: string }[] }

beforeAll(async () => {
  await j.launch();
  await j.open({ demo: true });
}, 300_000);
afterAll(async () => {
  await j.stop();
});

const wide = async (name: string) => {
  await j.page.setViewportSize({ width: 1400, height: 900 });
  await j.check(`first-hour-${name}-1400`);
  await j.checkNarrow(`first-hour-${name}`);
};

describe('den første timen i demokommunen', () => {
  let project: DemoProject;
  let benefitId = '';

  it('prosjektleder planlegger en gevinst og gevinsteieren registrerer den første målingen, hver på første forsøk', async () => {
    const projects = await j.get<{ id: string; name: string }[]>('/api/projects');
    const summary = projects.find((p) => p.name === 'Digitalisering av byggesaksarkivet');
    if (!summary) throw new Error('the demo has no byggesak project');
    project = await j.get<DemoProject>(`/api/projects/${summary.id}`);
    const units = await j.get<{ id: string; name: string }[]>('/api/units');
    const byggesak = units.find((u) => u.name === 'Byggesak');
    if (!byggesak) throw new Error('the demo has no Byggesak unit');

    const { page } = j;
    await page.goto(j.url('/'));
    await j.useUser(LEADER.email);
    await click(page.getByRole('link', { name: 'Prosjekter', exact: true }).first());
    await click(page.getByRole('link', { name: project.name }).first());
    await click(page.getByRole('link', { name: 'Planlegg gevinst' }).first());
    await page.waitForURL(/\/gevinster\/ny$/);
    await settled(page);
    await type(page.locator('#f-title'), 'Digital nabovarsling');
    await choose(page.locator('#f-recipientUnitId'), byggesak.id);
    await type(page.locator('#f-owner'), OWNER.email);
    await type(page.locator('#f-indicator'), 'Timer brukt på nabovarsel per sak');
    await type(page.locator('#f-unitOfMeasure'), 'timer');
    await type(page.locator('#f-plan-0-period'), '2027-T1');
    await type(page.locator('#f-plan-0-quantity'), '120');
    // the form offers three tertials; the two left empty are not part of the plan
    await Promise.all([page.waitForURL(/\/gevinster\/[0-9a-f-]{36}$/), click(page.getByRole('button', { name: 'Lagre gevinstplan' }))]);
    benefitId = page.url().split('/').pop() ?? '';
    const plannedBy = { ...counts };

    await j.useUser(OWNER.email);
    await click(page.getByRole('link', { name: 'Registrer måling eller realisering' }).first());
    await page.waitForURL(/\/registrer/);
    await settled(page);
    await click(page.getByLabel(/Måling av indikatoren/));
    // the date is today's unless the owner says otherwise: only the value is typed
    expect(await page.locator('#f-measuredOn').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await type(page.locator('#f-value'), '3,5');
    await Promise.all([page.waitForURL(new RegExp(`/gevinster/${benefitId}$`)), click(page.getByRole('button', { name: 'Lagre' }))]);

    // a capacity gain is not cash: the page offers no budget withdrawal for it
    await settled(page);
    expect(await page.getByRole('link', { name: /Registrer gevinstuttak/ }).count()).toBe(0);

    const benefit = await j.get<{ title: string; plan: { period: string; quantity: number }[]; measurements: { value: number }[] }>(`/api/benefits/${benefitId}`);
    expect(benefit.title).toBe('Digital nabovarsling');
    expect(benefit.plan.map((line) => [line.period, line.quantity])).toEqual([['2027-T1', 120]]);
    expect(benefit.measurements.map((m) => m.value)).toEqual([3.5]);
    console.log(
      `Første time: planlegge en gevinst = ${plannedBy.clicks} klikk og ${plannedBy.fields} felt; ` +
        `registrere første måling = ${counts.clicks - plannedBy.clicks} klikk og ${counts.fields - plannedBy.fields} felt ` +
        `(til sammen ${counts.clicks} klikk, ${counts.fields} felt; innlogging ikke medregnet)`,
    );
  });

  it('hver side, slik hver rolle ser den, på 1400 og 390 piksler', async () => {
    const { page } = j;
    const pages: [string, string][] = [
      ['hjem', '/'],
      ['prosjekter', '/prosjekter'],
      ['prosjekt', `/prosjekter/${project.id}`],
      ['statusrapport', `/prosjekter/${project.id}/status`],
      ['gevinst', `/gevinster/${benefitId}`],
      ['registrer', `/gevinster/${benefitId}/registrer`],
      ['mine-gevinster', '/mine-gevinster'],
    ];
    for (const [name, path] of pages) {
      await page.goto(j.url(path));
      await wide(`eier-${name}`);
    }
    await j.useUser(FINANCE.email);
    for (const [name, path] of [['okonomi', '/okonomi'], ['enheter', '/enheter']] as const) {
      await page.goto(j.url(path));
      await wide(`okonomi-${name}`);
    }
    await j.useUser(MANAGEMENT.email);
    await page.goto(j.url('/ledelse'));
    await wide('ledelse');
  });
});
