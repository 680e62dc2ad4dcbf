import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settled } from './browser';
import { Journey } from './harness';
import { ADMIN, FINANCE, LEADER, OWNER } from './people';

/**
 * The first hour of a real user with the forms: every form names all that is wrong in one round, in one
 * summary under one heading, with a link to each field; an empty required field says «Må fylles ut».
 */

const HEADING = 'Skjemaet har feil. Rett feltene som er merket.';
const j = new Journey();
const ids = { kommune: '', bygg: '', digital: '', project: '', benefit: '' };

interface Benefit {
  measurements: { value: number; measuredOn: string }[];
}
const benefit = () => j.get<Benefit>(`/api/benefits/${ids.benefit}`);
const todayInOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());

/** The one error summary: its heading and the text of each linked line, in order. */
async function summary() {
  const alert = j.page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.count()).toBe(1);
  const heading = (await alert.locator('strong').textContent()) ?? '';
  const lines = await alert.getByRole('listitem').allTextContents();
  expect(await alert.getByRole('link').count()).toBe(lines.length);
  return { heading, lines };
}

/** Counts the commands (POST) the page sends, to show that client-side errors stop before the API. */
function countPosts() {
  const posts: string[] = [];
  j.page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/api/')) posts.push(request.url());
  });
  return posts;
}

beforeAll(() => j.launch());

beforeEach(async () => {
  await j.open();
  Object.assign(ids, await j.arrangeBenefit());
  await j.grant(FINANCE.email, 'finance', ids.kommune);
});

afterEach(() => j.close());
afterAll(() => j.stop());

describe('skjemaene viser alle feil på én gang', () => {
  it('en tom ny gevinst: alle manglende felt i én oppsummering med én overskrift, uten å spørre API-et', async () => {
    const page = j.page;
    await page.goto(j.url(`/prosjekter/${ids.project}/gevinster/ny`));
    await j.useUser(LEADER.email);
    await page.locator('#f-title').waitFor();
    const posts = countPosts();
    await page.getByRole('button', { name: 'Lagre gevinstplan' }).click();
    const { heading, lines } = await summary();
    expect(heading).toBe(HEADING);
    expect(lines).toEqual([
      'Gevinst: Må fylles ut',
      'Gevinstmottaker (enhet): Må fylles ut',
      'Gevinsteier (e-post): Må fylles ut',
      'Måleindikator: Må fylles ut',
      'Måleenhet: Må fylles ut',
      'Planlagt mengde 1: Må fylles ut',
    ]);
    for (const field of ['f-title', 'f-recipientUnitId', 'f-owner', 'f-indicator', 'f-unitOfMeasure', 'f-plan-0-quantity'])
      await j.expectFieldError(field, /^⚠ Må fylles ut$/);
    expect(posts).toEqual([]);
    await j.check('60-gevinst-ny-tom');

    // the link in the summary takes the user to the field
    await page.getByRole('alert').getByRole('link', { name: 'Måleindikator: Må fylles ut' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-indicator');

    // what is filled in wrongly is named in the same round as what is missing
    await page.locator('#f-title').fill('Raskere svar');
    await page.locator('#f-owner').fill('ikke en e-post');
    await page.locator('#f-plan-0-quantity').fill('mye');
    await page.getByRole('button', { name: 'Lagre gevinstplan' }).click();
    await expect.poll(async () => (await summary()).lines).toEqual([
      'Gevinstmottaker (enhet): Må fylles ut',
      'Gevinsteier (e-post): Skriv en gyldig e-postadresse, f.eks. navn@kommune.no.',
      'Måleindikator: Må fylles ut',
      'Måleenhet: Må fylles ut',
      'Planlagt mengde 1: Må være et tall, f.eks. 120.',
    ]);
    expect((await summary()).heading).toBe(HEADING);
    expect(posts).toEqual([]);
  });

  it('«Måling av indikatoren» viser dagens dato, og lagring med en verdi virker på første forsøk', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}/registrer`));
    await j.useUser(OWNER.email);
    await page.locator('#f-period').waitFor();
    await page.getByLabel(/Måling av indikatoren/).check();
    await expect.poll(() => page.locator('#f-measuredOn').inputValue()).toBe(todayInOslo());
    await page.locator('#f-value').fill('6,5');
    await Promise.all([page.waitForURL(new RegExp(`/gevinster/${ids.benefit}$`)), page.getByRole('button', { name: 'Lagre' }).click()]);
    expect((await benefit()).measurements).toEqual([expect.objectContaining({ value: 6.5, measuredOn: todayInOslo() })]);
  });

  it('en tømt dato sier «Må fylles ut» sammen med de andre feilene, og ingenting lagres', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}/registrer?hva=maling`));
    await j.useUser(OWNER.email);
    await page.locator('#f-measuredOn').fill('');
    await page.locator('#f-evidenceUrl').fill('https://arkiv.testkommune.no/sak/26-1');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const { heading, lines } = await summary();
    expect(heading).toBe(HEADING);
    expect(lines).toEqual(['Målt dato: Må fylles ut', 'Målt verdi (timer): Må fylles ut']);
    const text = await j.expectFieldError('f-measuredOn', /må fylles ut/i);
    expect(text).not.toMatch(/Ugyldig dato/);
    await j.check('61-registrer-tom-dato');
    expect((await benefit()).measurements).toEqual([]);

    // back to the realisation and to the measurement: each kind's fields come up fresh, with their defaults
    await page.getByLabel(/Realisert gevinst i perioden/).check();
    await page.getByLabel(/Måling av indikatoren/).check();
    await expect.poll(() => page.locator('#f-measuredOn').inputValue()).toBe(todayInOslo());
  });

  it('kostnad: beløp, periode og betalende enhet feiler i samme runde', async () => {
    const page = j.page;
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await j.useUser(LEADER.email);
    await page.locator('#f-amountOre').waitFor();
    const posts = countPosts();
    await page.locator('#f-amountOre').fill('mye');
    await page.locator('#f-period').fill('2026-T7');
    await page.getByRole('button', { name: 'Registrer kostnad' }).click();
    const form = page.getByRole('form', { name: 'Registrer kostnad' });
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('strong').textContent()).toBe(HEADING);
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      'Enhet som betaler: Må fylles ut',
      'Beløp (kr): Skriv beløpet i kroner, f.eks. 250 000.',
      'Periode: Skriv perioden som tertial (2026-T2), år (2026) eller måned (2026-03).',
    ]);
    await j.expectFieldError('f-payerUnitId', /Må fylles ut/);
    await j.expectFieldError('f-period', /tertial/);
    expect(posts).toEqual([]);
  });

  it('sammenslåing: ingen enheter valgt og ingen etterfølger gir begge feilene på én gang', async () => {
    const page = j.page;
    await page.goto(j.url('/enheter/sammenslaing'));
    await j.useUser(ADMIN.email);
    await page.locator('#f-successorName').waitFor();
    const posts = countPosts();
    await page.getByRole('button', { name: 'Slå sammen' }).click();
    const { heading, lines } = await summary();
    expect(heading).toBe(HEADING);
    expect(lines).toEqual(['Enheter som slås sammen: Velg minst én enhet som skal slås sammen.', 'Navn på ny enhet: Må fylles ut']);
    await j.expectFieldError('f-successorName', /Må fylles ut/);
    expect(posts).toEqual([]);
  });

  it('avregning: en tom avregning viser alle manglende felt; API-ets feil vises under samme overskrift', async () => {
    const page = j.page;
    await page.goto(j.url('/okonomi/avregning'));
    await j.useUser(FINANCE.email);
    await page.locator('#f-fromUnitId').waitFor();
    expect(await page.locator('#f-projectId option').first().textContent()).toBe('Ikke knyttet til et prosjekt');
    await page.locator('#f-period').fill('');
    await page.getByRole('button', { name: 'Registrer avregning' }).click();
    const { heading, lines } = await summary();
    expect(heading).toBe(HEADING);
    expect(lines).toEqual([
      'Fra enhet (fikk gevinsten): Må fylles ut',
      'Til enhet (investerte): Må fylles ut',
      'Beløp (kr): Må fylles ut',
      'Periode: Må fylles ut',
      'Saksnummer: Må fylles ut',
    ]);
    await j.check('62-avregning-tom');

    // the client lets it through; the API's refusal names its field under the same heading
    await page.locator('#f-fromUnitId').selectOption(ids.bygg);
    await page.locator('#f-toUnitId').selectOption(ids.digital);
    await page.locator('#f-amountOre').fill('0');
    await page.locator('#f-period').fill('2026-T1');
    await page.locator('#f-saksnummer').fill('26/04321');
    const answer = page.waitForResponse((response) => response.url() === j.url('/api/settlements') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrer avregning' }).click();
    expect((await answer).status()).toBe(400);
    await settled(page);
    await expect.poll(async () => (await summary()).lines).toEqual(['Beløp (kr): Beløpet må være større enn null']);
    expect((await summary()).heading).toBe(HEADING);
  });
});

describe('penger med vern (gevinstuttak og avregning)', () => {
  it('gevinstuttak: saksnummer må fylles ut før skjemaet spør API-et', async () => {
    const page = j.page;
    await page.goto(j.url(`/okonomi/gevinstuttak?gevinst=${ids.benefit}`));
    await j.useUser(FINANCE.email);
    await page.locator('#f-amountOre').waitFor();
    const posts = countPosts();
    await page.locator('#f-amountOre').fill('1 000');
    await page.locator('#f-period').fill('2026-T1');
    await page.getByRole('button', { name: 'Registrer gevinstuttak' }).click();
    expect((await summary()).lines).toEqual(['Saksnummer: Må fylles ut']);
    await j.expectFieldError('f-saksnummer', /Må fylles ut/);
    expect(posts).toEqual([]);
  });

  it('avregning over det som skyldes: feilen står ved beløpet, skjemaet tilbyr overstyring med begrunnelse, og sporet viser «Overstyrt»', async () => {
    // Byggesak's gain of kr 65 000 came from Digitalisering's project: Byggesak owes Digitalisering kr 65 000
    await j.send(`/api/benefits/${ids.benefit}/realisations`, { period: '2026-T1', quantity: 100 });
    const page = j.page;
    await page.goto(j.url('/okonomi/avregning'));
    await j.useUser(FINANCE.email);
    await page.locator('#f-fromUnitId').waitFor();
    await page.locator('#f-fromUnitId').selectOption(ids.bygg);
    await page.locator('#f-toUnitId').selectOption(ids.digital);
    await page.locator('#f-amountOre').fill('100 000');
    await page.locator('#f-period').fill('2026-T1');
    await page.locator('#f-saksnummer').fill('26/05555');
    const refused = page.waitForResponse((response) => response.url() === j.url('/api/settlements') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Registrer avregning' }).click();
    expect((await refused).status()).toBe(422);
    await j.expectFieldError('f-amountOre', /skylder[\s\S]*kr\s65\s000,00/);
    const override = page.getByLabel('Overstyr: registrer avregningen likevel');
    await override.waitFor();
    await j.check('63-avregning-overstyring');

    // overriding needs its reason: the form says so without asking the API
    await override.check();
    const posts = countPosts();
    await page.getByRole('button', { name: 'Registrer avregning' }).click();
    expect((await summary()).lines).toEqual(['Begrunnelse for overstyringen: Må fylles ut']);
    expect(posts).toEqual([]);

    await page.locator('#f-overrideReason').fill('Formannskapet vedtok full kompensasjon');
    await Promise.all([page.waitForURL(/\/okonomi$/), page.getByRole('button', { name: 'Registrer avregning' }).click()]);
    await page.goto(j.url(`/okonomi/spor?fra=2026-T1&til=2026-T3&niva=1&fraEnhet=${ids.digital}&tilEnhet=${ids.bygg}`));
    const row = page.getByRole('row', { name: /Overstyrt/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Begrunnelse: Formannskapet vedtok full kompensasjon');
    expect(await row.textContent()).toContain('26/05555');
    await j.check('64-spor-overstyrt');
  });
});
