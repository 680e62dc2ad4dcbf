import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './browser';
import { Journey } from './harness';
import { LEADER, MANAGEMENT, OTHER_OWNER, OWNER } from './people';

/**
 * The UI's side of the login, against the real server and its embedded OpenID provider: the header
 * shows who `/api/me` says is logged in, «Logg ut» ends the session, the server's 401 and 403 are told
 * in bokmål where they happen, and «Hvem gjorde hva, når» shows the server's own audit entries. The
 * server's clock is the test's, so the times in the audit are known.
 */

const j = new Journey();
const ids = { kommune: '', helse: '', project: '', benefit: '' };
let now = '2026-01-10T08:00:00.000Z';

interface Refusal { error: { code: string; message: string } }
interface AuditAnswer { entries: { at: string; position: string; streamName: string; type: string; userId: string | null; userName: string | null; role: string | null; data: Record<string, unknown> }[] }

/** What the server answers the page's own request (the page's session cookie goes with it). */
const inPage = <T>(page: Page, path: string) =>
  page.evaluate(async (p) => {
    const response = await fetch(p);
    return { status: response.status, body: (await response.json()) as unknown };
  }, path) as Promise<{ status: number; body: T }>;

const loginHref = (returnTo: string) => `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

beforeAll(async () => {
  await j.start({ clock: () => now });
  ids.kommune = await j.send('/api/units', { name: 'Testkommune' });
  ids.helse = await j.send('/api/units', { name: 'Helse og velferd', parentId: ids.kommune });
  ids.project = await j.send('/api/projects', { name: 'Velferdsteknologi', ownerUnitId: ids.helse, projectLeader: LEADER.email });
  now = '2026-01-20T09:30:00.000Z';
  ids.benefit = await j.send(`/api/projects/${ids.project}/benefits`, {
    title: 'Færre fall på sykehjem', recipientUnitId: ids.helse, owner: OTHER_OWNER.email, indicator: 'fall per måned',
    unitOfMeasure: 'fall', direction: 'decrease', category: 'unpriced', cashReleasing: false, plan: [{ period: '2026-T1', quantity: 5 }],
  });
  // Kari Nordmann: management for the whole municipality, finance for one unit
  await j.grant(MANAGEMENT.email, 'management', null);
  await j.grant(MANAGEMENT.email, 'finance', ids.helse);
  now = '2026-03-01T11:05:00.000Z';
});

afterAll(() => j.stop());

describe('hvem som er logget inn', () => {
  it('ikke logget inn (401 på /api/me): «Logg inn» fører gjennom innloggingen og tilbake til siden', async () => {
    const page = j.page;
    await page.context().clearCookies();
    expect((await fetch(j.url('/api/me'))).status).toBe(401);
    await j.visit('51-logg-inn', '/ledelse?fra=2026-T1&til=2026-T3&niva=1');
    expect(await page.getByRole('region', { name: 'Innlogget bruker' }).count()).toBe(0);
    const login = page.locator('header').getByRole('link', { name: 'Logg inn' });
    expect(await login.getAttribute('href')).toBe(loginHref('/ledelse?fra=2026-T1&til=2026-T3&niva=1'));
    await j.checkNarrow('51-logg-inn');

    await Promise.all([page.waitForURL(/\/oidc\/interaction\//), login.click()]);
    await Promise.all([
      page.waitForURL((url) => url.origin === j.server.url && url.pathname === '/ledelse'),
      page.locator(`button[name="email"][value="${MANAGEMENT.email}"]`).click(),
    ]);
    expect(new URL(page.url()).search).toBe('?fra=2026-T1&til=2026-T3&niva=1');
    await page.getByRole('region', { name: 'Innlogget bruker' }).getByText(MANAGEMENT.name).waitFor();
  });

  it('logget inn: navn, e-post og rollene fra /api/me på bokmål med enheten; «Logg ut» logger ut, og siden tilbyr «Logg inn»', async () => {
    const page = j.page;
    await page.goto(j.url('/prosjekter'));
    await j.useUser(MANAGEMENT.email);
    await j.visit('52-innlogget', '/prosjekter');
    const me = await inPage<{ email: string; name: string; roles: { role: string; unitId: string | null; unitName: string | null }[] }>(page, '/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: MANAGEMENT.email, name: MANAGEMENT.name });
    expect(me.body.roles).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'management', unitId: null }),
      expect.objectContaining({ role: 'finance', unitId: ids.helse, unitName: 'Helse og velferd' }),
    ]));
    expect(me.body.roles).toHaveLength(2);

    const box = page.getByRole('region', { name: 'Innlogget bruker' });
    await box.getByText(MANAGEMENT.name).waitFor();
    expect(await box.getByText(MANAGEMENT.email).count()).toBe(1);
    const roles = await box.getByRole('list', { name: 'Roller' }).getByRole('listitem').allTextContents();
    expect(roles.toSorted()).toEqual(['Ledelse', 'Økonomi – Helse og velferd']);
    await j.checkNarrow('52-innlogget');

    const logout = page.waitForRequest((request) => request.url() === j.url('/auth/logout'));
    await box.getByRole('button', { name: 'Logg ut' }).click();
    expect((await logout).method()).toBe('POST');
    await page.locator('header').getByRole('link', { name: 'Logg inn' }).waitFor();
    expect((await inPage(page, '/api/me')).status).toBe(401);
    await page.goto(j.url('/mine-gevinster'));
    await settled(page);
    expect(await page.locator('main').getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(loginHref('/mine-gevinster'));
  });

  it('«Mine gevinster» og nytt prosjekt bruker e-posten til den som er logget inn', async () => {
    const page = j.page;
    await j.useUser(OTHER_OWNER.email);
    await page.goto(j.url('/mine-gevinster'));
    await settled(page);
    expect(await page.locator('#eier').inputValue()).toBe(OTHER_OWNER.email);
    await page.getByRole('link', { name: 'Færre fall på sykehjem' }).first().waitFor();
    await page.goto(j.url('/prosjekter/ny'));
    await settled(page);
    expect(await page.locator('#f-projectLeader').inputValue()).toBe(OTHER_OWNER.email);
  });
});

describe('avvist av tjenesten', () => {
  it('401 fra et API-kall: «Du er ikke logget inn» med lenke til innloggingen, ikke en rå feil', async () => {
    const page = j.page;
    await page.context().clearCookies();
    expect((await fetch(j.url('/api/projects'))).status).toBe(401);
    await j.visit('53-ikke-logget-inn', '/prosjekter');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toBe('Du er ikke logget inn. Logg inn');
    expect(await alert.getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(loginHref('/prosjekter'));
  });

  it('403: tjenestens begrunnelse på bokmål står i feilboksen, på siden og i skjemaet', async () => {
    const page = j.page;
    // Bjørn Moe owns no benefit in the project, leads nothing and has no role
    await j.useUser(OWNER.email);
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await settled(page);
    const read = await inPage<Refusal>(page, `/api/projects/${ids.project}`);
    expect(read.status).toBe(403);
    expect(read.body.error.message).toMatch(/[æøå]/);
    expect(await page.getByRole('alert').textContent()).toBe(read.body.error.message);

    await page.goto(j.url('/prosjekter/ny'));
    await settled(page);
    await page.locator('#f-name').fill('Nytt prosjekt');
    await page.locator('#f-ownerUnitId').selectOption(ids.helse);
    await page.locator('#f-projectLeader').fill(LEADER.email);
    const answer = page.waitForResponse((response) => response.url() === j.url('/api/projects') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrer prosjekt' }).click();
    const refused = await answer;
    expect(refused.status()).toBe(403);
    // who is asking is the session's person, never a header the page sets
    expect(refused.request().headers()['x-user-id']).toBeUndefined();
    const reason = ((await refused.json()) as Refusal).error.message;
    expect(reason).toMatch(/registrere et prosjekt/);
    await page.getByRole('alert').getByText(reason).waitFor();
    await j.check('54-skjema-avvist');
    expect((await j.get<{ id: string }[]>('/api/projects')).map((p) => p.id)).toEqual([ids.project]);
  });

  it('401 på et skjema (økten er borte): meldingen sier det og lenker til innloggingen', async () => {
    const page = j.page;
    await page.goto(j.url('/prosjekter/ny'));
    await j.useUser(OWNER.email);
    await settled(page);
    await page.locator('#f-name').fill('Nytt prosjekt');
    await page.locator('#f-ownerUnitId').selectOption(ids.helse);
    await page.locator('#f-projectLeader').fill(LEADER.email);
    await page.context().clearCookies();
    const answer = page.waitForResponse((response) => response.url() === j.url('/api/projects') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrer prosjekt' }).click();
    expect((await answer).status()).toBe(401);
    const alert = page.getByRole('alert');
    await alert.getByText('Du er ikke logget inn.').waitFor();
    expect(await alert.getByRole('link', { name: 'Logg inn' }).getAttribute('href')).toBe(loginHref('/prosjekter/ny'));
  });
});

describe('hvem gjorde hva, når', () => {
  it('prosjektet: tjenestens oppføringer, nyeste først, tid i Oslo, hvem, rolle på bokmål og hva som skjedde', async () => {
    const page = j.page;
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await j.useUser(LEADER.email);
    // the project leader records a cost on the project page (the server's clock: 1 March, 11:05 UTC)
    await page.locator('#f-payerUnitId').selectOption(ids.helse);
    await page.locator('#f-amountOre').fill('120 000');
    await page.locator('#f-period').fill('2026-T1');
    await page.getByRole('button', { name: 'Registrer kostnad' }).click();
    await page.getByRole('cell', { name: /kr\s120\s000/ }).first().waitFor();

    await page.getByRole('link', { name: 'Hvem gjorde hva, når' }).click();
    await page.waitForURL(new RegExp(`/prosjekter/${ids.project}/historikk$`));
    await page.getByRole('heading', { level: 1, name: 'Hvem gjorde hva, når – Velferdsteknologi' }).waitFor();
    await j.check('55-hvem-gjorde-hva');

    const audit = await inPage<AuditAnswer>(page, `/api/audit/projects/${ids.project}`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries.map((e) => [e.at, e.type, e.userId, e.role])).toEqual([
      ['2026-03-01T11:05:00.000Z', 'CostRecorded', LEADER.email, 'project-leader'],
      ['2026-01-20T09:30:00.000Z', 'BenefitPlanned', 'admin', 'administrator'],
      ['2026-01-10T08:00:00.000Z', 'ProjectRegistered', 'admin', 'administrator'],
    ]);
    const admin = audit.body.entries[2]!.userName;
    expect(admin).toBeTruthy();

    const rows = await page.locator('table.audit tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.replace(/[\u00a0\u202f]/g, ' '))));
    expect(rows).toEqual([
      ['01.03.2026 kl. 12:05', `${LEADER.name} (${LEADER.email})`, 'Prosjektleder', 'Registrerte kostnad kr 120 000 (2026-T1) betalt av Helse og velferd'],
      ['20.01.2026 kl. 10:30', `${admin} (admin)`, 'Administrator', `Planla gevinsten «Færre fall på sykehjem» for Helse og velferd med ${OTHER_OWNER.email} som gevinsteier`],
      ['10.01.2026 kl. 09:00', `${admin} (admin)`, 'Administrator', `Registrerte prosjektet «Velferdsteknologi» med ${LEADER.email} som prosjektleder`],
    ]);
    await j.checkNarrow('55-hvem-gjorde-hva');
  });

  it('enheten: en tydelig melding når tjenesten svarer 403 (prosjektlederen ser ikke enhetens historikk) eller 404', async () => {
    const page = j.page;
    await page.goto(j.url(`/enheter/${ids.helse}`));
    await j.useUser(LEADER.email);
    await settled(page);
    await page.getByRole('link', { name: 'Hvem gjorde hva, når' }).click();
    await page.waitForURL(new RegExp(`/enheter/${ids.helse}/historikk$`));
    await settled(page);
    const refused = await inPage<Refusal>(page, `/api/audit/units/${ids.helse}`);
    expect(refused.status).toBe(403);
    expect(await page.getByRole('alert').textContent()).toBe(`Du har ikke tilgang til revisjonssporet. ${refused.body.error.message}`);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await inPage(page, `/api/audit/benefits/${missing}`)).status).toBe(404);
    await page.goto(j.url(`/gevinster/${missing}/historikk`));
    await settled(page);
    await page.getByRole('alert').filter({ hasText: 'Revisjonssporet finnes ikke for dette, eller tjenesten viser det ikke ennå.' }).waitFor();
    await j.check('56-hvem-gjorde-hva-404');
  });
});
