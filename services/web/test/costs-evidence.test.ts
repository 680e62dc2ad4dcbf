import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journey } from './harness';
import { LEADER, OWNER } from './people';

/**
 * The first hour of a real user (issue 17): a cost recorded wrong is corrected, another reversed, each
 * with a reason the form asks for beside its field; the project shows the new figures and why.
 */

const j = new Journey();
const ids = { kommune: '', bygg: '', digital: '', project: '', benefit: '' };

interface Project {
  totalCostOre: number;
  costs: {
    costId: string;
    payerUnitId: string;
    amountOre: number;
    period: string;
    kind: string;
    startYear: number | null;
    endYear: number | null;
    correctedReason: string | null;
    reversedReason: string | null;
    stoppedReason: string | null;
  }[];
}
const project = () => j.get<Project>(`/api/projects/${ids.project}`);

beforeAll(() => j.launch());

beforeEach(async () => {
  await j.open();
  Object.assign(ids, await j.arrangeBenefit({ category: 'capacity', cashReleasing: false }));
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.digital, amountOre: 250_000_00, period: '2026-T1', kind: 'one-off', description: 'Lisens' });
  await j.send(`/api/projects/${ids.project}/costs`, { payerUnitId: ids.bygg, amountOre: 40_000_00, period: '2026-T1', kind: 'one-off' });
});

afterEach(() => j.close());
afterAll(() => j.stop());

describe('kostnader', () => {
  it('korrigerer en kostnad og reverserer en annen, med begrunnelse; prosjektet viser nytt beløp og totalen uten den reverserte', async () => {
    const page = j.page;
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await j.useUser(LEADER.email);
    await page.getByRole('link', { name: /Korriger eller reverser kostnaden til Digitalisering/ }).click();
    await page.getByRole('button', { name: 'Lagre korrigeringen' }).waitFor();
    expect(await page.locator('#f-amountOre').inputValue()).toMatch(/^250\s000$/);
    await j.check('60-kostnad-korriger');

    await page.locator('#f-amountOre').fill('300 000');
    await page.getByRole('button', { name: 'Lagre korrigeringen' }).click();
    await j.expectFieldError('f-reason', /Må fylles ut/);
    expect((await project()).costs.find((c) => c.payerUnitId === ids.digital)?.amountOre).toBe(250_000_00);
    await j.check('60b-kostnad-korriger-feil');

    await page.locator('#f-reason').fill('Fakturaen var på 300 000 kr');
    await page.getByRole('button', { name: 'Lagre korrigeringen' }).click();
    await page.getByRole('heading', { name: 'Digital byggesak' }).waitFor();
    await page.getByRole('row', { name: /Digitalisering.*kr\s300\s000.*Korrigert: Fakturaen var på 300 000 kr/ }).waitFor();
    expect((await project()).costs.find((c) => c.payerUnitId === ids.digital)).toMatchObject({ amountOre: 300_000_00, correctedReason: 'Fakturaen var på 300 000 kr' });

    await page.getByRole('link', { name: /Korriger eller reverser kostnaden til Byggesak/ }).click();
    await page.getByLabel(/Reversere kostnaden/).check();
    await page.getByRole('button', { name: 'Reverser kostnaden' }).click();
    await j.expectFieldError('f-reason', /Må fylles ut/);
    await page.locator('#f-reason').fill('Ført på feil prosjekt');
    await page.getByRole('button', { name: 'Reverser kostnaden' }).click();
    await page.getByRole('row', { name: /Byggesak.*Reversert: Ført på feil prosjekt/ }).waitFor();
    // the total leaves the reversed cost out
    await page.getByText(/Kostnader i alt\s*kr\s300\s000/).waitFor();
    const after = await project();
    expect(after.totalCostOre).toBe(300_000_00);
    expect(after.costs.find((c) => c.payerUnitId === ids.bygg)?.reversedReason).toBe('Ført på feil prosjekt');
    await j.check('61-prosjekt-kostnader-korrigert');
  });
});

describe('årlige kostnader', () => {
  it('registrerer en årlig kostnad «Årlig fra–til», viser årene i listen, og stopper den med begrunnelse via «Stopp»', async () => {
    const page = j.page;
    await page.goto(j.url(`/prosjekter/${ids.project}`));
    await j.useUser(LEADER.email);
    await page.locator('#f-kind').selectOption('annual');
    await page.getByRole('group', { name: 'Årlig fra–til' }).waitFor();
    await page.locator('#f-payerUnitId').selectOption(ids.bygg);
    await page.locator('#f-amountOre').fill('100 000');
    await page.locator('#f-startYear').fill('2027');
    await page.locator('#f-endYear').fill('2026');
    await page.getByRole('button', { name: 'Registrer kostnad' }).click();
    await j.expectFieldError('f-endYear', /Sluttåret kan ikke være før startåret/);
    expect((await project()).costs).toHaveLength(2);

    await page.locator('#f-startYear').fill('2026');
    await page.locator('#f-endYear').fill('');
    await page.getByRole('button', { name: 'Registrer kostnad' }).click();
    await page.getByRole('row', { name: /Byggesak.*Årlig fra 2026, løpende.*kr\s100\s000 per år/ }).waitFor();
    const annual = (await project()).costs.find((c) => c.period === '2026');
    expect(annual).toMatchObject({ payerUnitId: ids.bygg, amountOre: 100_000_00, kind: 'annual', startYear: 2026, endYear: null });
    await j.check('64-prosjekt-arlig-kostnad');

    await page.getByRole('link', { name: /Stopp den årlige kostnaden til Byggesak/ }).click();
    await page.getByRole('button', { name: 'Stopp kostnaden' }).waitFor();
    await page.locator('#f-lastYear').fill('2028');
    await page.getByRole('button', { name: 'Stopp kostnaden' }).click();
    await j.expectFieldError('f-reason', /Må fylles ut/);
    await j.check('65-kostnad-stopp');
    await page.locator('#f-reason').fill('Lisensen er sagt opp');
    await page.getByRole('button', { name: 'Stopp kostnaden' }).click();
    await page.getByRole('row', { name: /Byggesak.*Årlig 2026–2028.*Stoppet: Lisensen er sagt opp/ }).waitFor();
    expect((await project()).costs.find((c) => c.costId === annual?.costId)).toMatchObject({ endYear: 2028, stoppedReason: 'Lisensen er sagt opp' });
  });
});

describe('vedlegg som dokumentasjon', () => {
  it('gevinsteieren legger ved en fil til en måling: feil filtype vises ved feltet, filen listes på gevinsten og lastes ned med samme innhold', async () => {
    const page = j.page;
    await page.goto(j.url(`/gevinster/${ids.benefit}/registrer?hva=maling`));
    await j.useUser(OWNER.email);
    await page.locator('#f-value').fill('6,5');
    await page.locator('#f-file').setInputFiles({ name: 'side.html', mimeType: 'text/html', buffer: Buffer.from('<p>hei</p>') });
    await page.getByRole('button', { name: 'Lagre' }).click();
    await j.expectFieldError('f-file', /Filtypen er ikke tillatt/);
    expect((await j.get<{ measurements: unknown[] }>(`/api/benefits/${ids.benefit}`)).measurements).toEqual([]);

    const content = 'sak;timer\n2026-001;5,5\n2026-002;7,5\n';
    await page.locator('#f-file').setInputFiles({ name: 'målinger mars.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await j.check('62-maling-med-vedlegg');
    await page.getByRole('button', { name: 'Lagre' }).click();
    const link = page.getByRole('link', { name: 'målinger mars.csv', exact: true });
    await link.waitFor();
    await j.check('63-gevinst-vedlegg');

    const href = (await link.getAttribute('href')) ?? '';
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, text: await res.text(), disposition: res.headers.get('content-disposition') ?? '' };
    }, href);
    expect(download).toMatchObject({ status: 200, text: content });
    expect(download.disposition).toMatch(/^attachment/);
  });
});
