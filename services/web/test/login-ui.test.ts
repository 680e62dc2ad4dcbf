import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './browser';
import { Journey } from './harness';
import { person } from './identity';

/**
 * The UI's side of the login contract, against the real server (which has no login yet in this branch):
 * the answers it does not give yet — `/api/me`, a 401, a 403, `/api/audit/…` — are given in the page,
 * in the contract's shape. What the real server answers today (404 on /api/me and /api/audit) is used as is.
 */

const j = new Journey();
const ids = { kommune: '', helse: '', project: '' };

/** TODO(login, issue 11): add the bearer header here once anonymous writes get 401. */
async function apiPost(url: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  expect(response.ok, `${path} → ${response.status} ${text}`).toBe(true);
  return (JSON.parse(text) as { id: string }).id;
}

const json = (status: number, body: unknown) => (route: Route) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
const refusal = (status: number, code: string, message: string) => json(status, { error: { code, message, fields: [] } });

async function answerMe(page: Page, status: number, body: unknown) {
  await page.unroute('**/api/me');
  await page.route('**/api/me', json(status, body));
}

beforeAll(async () => {
  await j.start();
  ids.kommune = await apiPost(j.server.url, '/api/units', { name: 'Testkommune' });
  ids.helse = await apiPost(j.server.url, '/api/units', { name: 'Helse og velferd', parentId: ids.kommune });
  ids.project = await apiPost(j.server.url, '/api/projects', { name: 'Velferdsteknologi', ownerUnitId: ids.helse, projectLeader: 'leder@testkommune.no' });
});

afterAll(() => j.stop());

describe('hvem som er logget inn', () => {
  it('en server uten innlogging (404 på /api/me): brukerboksen er tom, ingen feil vises, og X-User-Id sendes ikke', async () => {
    const page = j.page;
    await j.visit('50-uten-innlogging', '/enheter');
    expect(await page.locator('.userbox').textContent()).toBe('');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByText('Bruker (e-post)').count()).toBe(0);

    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/units'));
    await page.locator('#f-name').fill('Oppvekst');
    await page.locator('#f-parentId').selectOption(ids.kommune);
    await page.getByRole('button', { name: 'Registrer enhet' }).click();
    expect((await sent).headers()['x-user-id']).toBeUndefined();
    await page.getByRole('link', { name: 'Oppvekst', exact: true }).waitFor();
  });

  it('ikke logget inn (401): «Logg inn» fører til innloggingen og tilbake til siden', async () => {
    const page = j.page;
    await answerMe(page, 401, { error: { code: 'unauthenticated', message: 'Du er ikke logget inn.', fields: [] } });
    await j.visit('51-logg-inn', '/ledelse?fra=2026-T1&til=2026-T3&niva=1');
    const login = page.locator('header').getByRole('link', { name: 'Logg inn' });
    expect(await login.getAttribute('href')).toBe(`/auth/login?returnTo=${encodeURIComponent('/ledelse?fra=2026-T1&til=2026-T3&niva=1')}`);
    await j.checkNarrow('51-logg-inn');
  });

  it('logget inn: navn, e-post og rollene på bokmål med enheten; «Logg ut» poster til /auth/logout', async () => {
    const page = j.page;
    await answerMe(page, 200, {
      ...person('kari.nordmann@testkommune.no', [
        { role: 'administrator', unitId: null, unitName: null },
        { role: 'finance', unitId: ids.helse, unitName: 'Helse og velferd' },
        { role: 'benefit-owner', unitId: null, unitName: null },
      ]),
      name: 'Kari Nordmann',
    });
    await j.visit('52-innlogget', '/prosjekter');
    const box = page.getByRole('region', { name: 'Innlogget bruker' });
    await box.getByText('Kari Nordmann').waitFor();
    expect(await box.getByText('kari.nordmann@testkommune.no').count()).toBe(1);
    expect(await box.getByRole('list', { name: 'Roller' }).getByRole('listitem').allTextContents()).toEqual(['Administrator', 'Økonomi – Helse og velferd', 'Gevinsteier']);
    await j.checkNarrow('52-innlogget');

    let logout: { method: string } | undefined;
    await page.route('**/auth/logout', (route) => {
      logout = { method: route.request().method() };
      return route.fulfill({ status: 303, headers: { Location: '/' } });
    });
    await answerMe(page, 401, { error: { code: 'unauthenticated', message: 'Du er ikke logget inn.', fields: [] } });
    await Promise.all([page.waitForURL(j.url('/')), box.getByRole('button', { name: 'Logg ut' }).click()]);
    expect(logout).toEqual({ method: 'POST' });
    await page.locator('header').getByRole('link', { name: 'Logg inn' }).waitFor();
    await page.goto(j.url('/mine-gevinster'));
    await settled(page);
    expect(await page.locator('main').getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(`/auth/login?returnTo=${encodeURIComponent('/mine-gevinster')}`);
  });

  it('«Mine gevinster» og nytt prosjekt bruker e-posten til den som er logget inn', async () => {
    const page = j.page;
    await apiPost(j.server.url, `/api/projects/${ids.project}/benefits`, {
      title: 'Færre fall på sykehjem', recipientUnitId: ids.helse, owner: 'kari.nordmann@testkommune.no', indicator: 'fall per måned',
      unitOfMeasure: 'fall', direction: 'decrease', category: 'unpriced', cashReleasing: false, plan: [{ period: '2026-T1', quantity: 5 }],
    });
    await answerMe(page, 200, person('kari.nordmann@testkommune.no'));
    await page.goto(j.url('/mine-gevinster'));
    await settled(page);
    expect(await page.locator('#eier').inputValue()).toBe('kari.nordmann@testkommune.no');
    await page.getByRole('link', { name: 'Færre fall på sykehjem' }).first().waitFor();
    await page.goto(j.url('/prosjekter/ny'));
    await settled(page);
    expect(await page.locator('#f-projectLeader').inputValue()).toBe('kari.nordmann@testkommune.no');
  });
});

describe('avvist av tjenesten', () => {
  it('401 fra et API-kall: «Du er ikke logget inn» med lenke til innloggingen, ikke en rå feil', async () => {
    const page = j.page;
    await page.route('**/api/projects', refusal(401, 'unauthenticated', 'Unauthorized'));
    await j.visit('53-ikke-logget-inn', '/prosjekter');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe('Du er ikke logget inn. Logg inn');
    expect(await alert.getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(`/auth/login?returnTo=${encodeURIComponent('/prosjekter')}`);
    await page.unroute('**/api/projects');
  });

  it('403: tjenestens begrunnelse på bokmål står i feilboksen, på siden og i skjemaet', async () => {
    const page = j.page;
    const reason = 'Du har ikke rollen Prosjektleder for Helse og velferd.';
    await page.route('**/api/projects/*', (route) => refusal(403, 'forbidden', reason)(route));
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await settled(page);
    expect(await page.getByRole('alert').textContent()).toBe(reason);
    await page.unroute('**/api/projects/*');

    await page.route('**/api/projects', (route) => (route.request().method() === 'POST' ? refusal(403, 'forbidden', reason)(route) : route.fallback()));
    await page.goto(j.url('/prosjekter/ny'));
    await settled(page);
    await page.locator('#f-name').fill('Nytt prosjekt');
    await page.locator('#f-ownerUnitId').selectOption(ids.helse);
    await page.locator('#f-projectLeader').fill('leder@testkommune.no');
    await page.getByRole('button', { name: 'Registrer prosjekt' }).click();
    await page.getByRole('alert').getByText(reason).waitFor();
    await j.check('54-skjema-avvist');
    await page.unroute('**/api/projects');
  });

  it('401 på et skjema: meldingen sier det og lenker til innloggingen', async () => {
    const page = j.page;
    await page.route('**/api/projects', (route) => (route.request().method() === 'POST' ? refusal(401, 'unauthenticated', 'Unauthorized')(route) : route.fallback()));
    await page.goto(j.url('/prosjekter/ny'));
    await settled(page);
    await page.locator('#f-name').fill('Nytt prosjekt');
    await page.locator('#f-ownerUnitId').selectOption(ids.helse);
    await page.locator('#f-projectLeader').fill('leder@testkommune.no');
    await page.getByRole('button', { name: 'Registrer prosjekt' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Du er ikke logget inn.').waitFor();
    expect(await alert.getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(`/auth/login?returnTo=${encodeURIComponent('/prosjekter/ny')}`);
    await page.unroute('**/api/projects');
  });
});

describe('hvem gjorde hva, når', () => {
  it('prosjektet: nyeste først, tid i Oslo, hvem, rolle på bokmål og hva som skjedde', async () => {
    const page = j.page;
    await page.route(`**/api/audit/projects/${ids.project}`, json(200, {
      entries: [
        { at: '2026-01-10T08:00:00.000Z', position: '1', type: 'ProjectRegistered', userId: 'leder@testkommune.no', userName: 'Lise Leder', role: 'project-leader',
          data: { projectId: ids.project, name: 'Velferdsteknologi', ownerUnitId: ids.helse, projectLeader: 'leder@testkommune.no' } },
        { at: '2026-06-30T22:30:00.000Z', position: '3', type: 'SomethingNew', userId: 'admin', userName: null, role: 'administrator', data: {} },
        { at: '2026-03-01T11:05:00.000Z', position: '2', type: 'CostRecorded', userId: 'okonomi@testkommune.no', userName: 'Ola Økonomi', role: 'finance',
          data: { projectId: ids.project, costId: 'c1', payerUnitId: ids.helse, amountOre: 12_000_000, period: '2026-T1', kind: 'one-off' } },
      ],
    }));
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await settled(page);
    await page.getByRole('link', { name: 'Hvem gjorde hva, når' }).click();
    await page.waitForURL(new RegExp(`/prosjekter/${ids.project}/historikk$`));
    await page.getByRole('heading', { level: 1, name: 'Hvem gjorde hva, når – Velferdsteknologi' }).waitFor();
    await j.check('55-hvem-gjorde-hva');
    const rows = await page.locator('table.audit tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/[\u00a0\u202f]/g, ' '))));
    expect(rows).toEqual([
      ['01.07.2026 kl. 00:30', 'admin', 'Administrator', 'Hendelse: SomethingNew'],
      ['01.03.2026 kl. 12:05', 'Ola Økonomi (okonomi@testkommune.no)', 'Økonomi', 'Registrerte kostnad kr 120 000 (2026-T1) betalt av Helse og velferd'],
      ['10.01.2026 kl. 09:00', 'Lise Leder (leder@testkommune.no)', 'Prosjektleder', 'Registrerte prosjektet «Velferdsteknologi» med leder@testkommune.no som prosjektleder'],
    ]);
    await j.checkNarrow('55-hvem-gjorde-hva');
    await page.unroute(`**/api/audit/projects/${ids.project}`);
  });

  it('gevinsten og enheten: en tydelig melding når tjenesten svarer 404 (i dag) eller 403', async () => {
    const page = j.page;
    await page.goto(j.url(`/enheter/${ids.helse}`));
    await settled(page);
    await page.getByRole('link', { name: 'Hvem gjorde hva, når' }).click();
    await page.waitForURL(new RegExp(`/enheter/${ids.helse}/historikk$`));
    await settled(page);
    expect(await page.getByRole('alert').textContent()).toBe('Revisjonssporet finnes ikke for dette, eller tjenesten viser det ikke ennå.');
    await j.check('56-hvem-gjorde-hva-404');

    const benefit = (await j.get<{ benefits: { id: string }[] }>(`/api/projects/${ids.project}`)).benefits[0].id;
    await page.route(`**/api/audit/benefits/${benefit}`, refusal(403, 'forbidden', 'Bare økonomi og ledelse for Helse og velferd ser dette.'));
    await page.goto(j.url(`/gevinster/${benefit}`));
    await settled(page);
    await page.getByRole('link', { name: 'Hvem gjorde hva, når' }).click();
    await page.waitForURL(new RegExp(`/gevinster/${benefit}/historikk$`));
    await settled(page);
    expect(await page.getByRole('alert').textContent()).toBe('Du har ikke tilgang til revisjonssporet. Bare økonomi og ledelse for Helse og velferd ser dette.');
  });
});
