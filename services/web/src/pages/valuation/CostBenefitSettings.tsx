import { useState } from 'react';
import { CheckboxField, Form, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatDate } from '../../format/date';
import { valuationApi, type CostBenefitSettingsAnswer } from './api';

const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 4 });
/** a number as a person types it back into the field: a decimal comma, no thousands spaces */
const editable = (n: number) => String(n).replace('.', ',');

/** a whole year of four digits, or a refusal on the field */
const yearOf = (check: FormCheck, name: string, required: boolean): number | null => {
  const raw = check.text(name, { required });
  if (raw === null) return null;
  if (!/^\d{4}$/.test(raw)) {
    check.refuse(name, 'Skriv året med fire sifre, f.eks. 2026.');
    return null;
  }
  return Number(raw);
};

function DefaultsForm({ settings, onSaved }: { settings: CostBenefitSettingsAnswer; onSaved: () => void }) {
  const control = useFormControl();
  const d = settings.defaults;
  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const discountRatePct = check.number('discountRatePct', { required: true, example: '4' });
    const years = check.text('analysisYears', { required: true });
    let analysisYears: number | null = null;
    if (years !== null) {
      if (/^\d{1,2}$/.test(years)) analysisYears = Number(years);
      else check.refuse('analysisYears', 'Skriv antall år som et helt tall, f.eks. 10.');
    }
    const priceYear = yearOf(check, 'priceYear', false);
    const mvaRatePct = check.number('mvaRatePct', { example: '25' });
    const note = check.text('note');
    return control.submit(check, async () => {
      await valuationApi.setDefaults({
        discountRatePct: discountRatePct ?? 0,
        analysisYears: analysisYears ?? 0,
        priceYear,
        costsIncludeMva: data.get('costsIncludeMva') === 'on',
        ...(mvaRatePct === null ? {} : { mvaRatePct }),
        note,
      });
      onSaved();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Lagre standardverdiene" label="Standardverdier for kost/nytte" prefix="kost-nytte-standard">
      <div className="row">
        <TextField name="discountRatePct" label="Standard kalkulasjonsrente (%)" hint="Reell rente; DFØ anbefaler 4 %" required inputMode="decimal" defaultValue={editable(d.discountRatePct)} />
        <TextField name="analysisYears" label="Standard analyseperiode (år)" hint="1–40 år" required inputMode="numeric" defaultValue={String(d.analysisYears)} />
        <TextField name="priceYear" label="Standard prisår" hint="Tomt: analysens første år" inputMode="numeric" defaultValue={d.priceYear === null ? '' : String(d.priceYear)} />
      </div>
      <div className="row">
        <CheckboxField name="costsIncludeMva" label="Kostnadene er ført med mva" hint="Mva trekkes da ut (mva-kompensasjon) og vises som egen linje" defaultChecked={d.costsIncludeMva} />
        <TextField name="mvaRatePct" label="Mva-sats (%)" inputMode="decimal" defaultValue={editable(d.mvaRatePct)} />
      </div>
      <TextField name="note" label="Merknad" hint="F.eks. vedtaket eller kilden for valgene" defaultValue={d.note ?? ''} />
    </Form>
  );
}

function PriceIndexForm({ onSaved }: { onSaved: () => void }) {
  const control = useFormControl();
  const submit = (_data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const year = yearOf(check, 'year', true);
    const index = check.number('index', { required: true, example: '112,4' });
    if (index !== null && index <= 0) check.refuse('index', 'Indeksen må være større enn 0.');
    const source = check.text('source', { required: true });
    return control.submit(check, async () => {
      await valuationApi.setPriceIndex({ year: year ?? 0, index: index ?? 0, source: source ?? '' });
      form.reset();
      onSaved();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Lagre prisindeksen" label="Prisindeks for et år" prefix="prisindeks">
      <div className="row">
        <TextField name="year" label="År" required inputMode="numeric" />
        <TextField name="index" label="Indeks" hint="F.eks. SSBs konsumprisindeks for året" required inputMode="decimal" />
      </div>
      <TextField name="source" label="Kilde" hint="F.eks. «SSB, KPI årsgjennomsnitt 2025»" required />
    </Form>
  );
}

/**
 * The installation's kost/nytte settings for finance: the defaults every analysis starts from, and the
 * price index per year for fixed prices. The API decides who may change them; only those who may see this.
 */
export function CostBenefitSettings({ onChanged }: { onChanged: () => void }) {
  const settings = useApi(() => valuationApi.settings(), []);
  const [saved, setSaved] = useState<string | null>(null);
  const s = settings.data;
  const savedAs = (what: string) => () => {
    setSaved(what);
    settings.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="kost-nytte-innstillinger" className="cost-benefit-settings">
      <h2 id="kost-nytte-innstillinger">Innstillinger for kost/nytte</h2>
      <p role="status">{saved}</p>
      <Busy loading={settings.loading} error={settings.error} hasData={!!s}>
        {s && (
          <>
            <p>
              {s.defaultsSet && s.defaultsRecordedAt
                ? `Installasjonens standardverdier, sist endret ${formatDate(s.defaultsRecordedAt.slice(0, 10))}.`
                : 'Ingen egne standardverdier er satt; DFØs verdier brukes.'}
            </p>
            <h3>Standardverdier</h3>
            <DefaultsForm key={s.defaultsRecordedAt ?? 'dfo'} settings={s} onSaved={savedAs('Standardverdiene er lagret.')} />
            <h3>Prisindekser</h3>
            {s.priceIndex.length === 0 ? (
              <p>Ingen prisindekser er satt.</p>
            ) : (
              <TableWrap label="Prisindekser">
                <table className="price-indexes">
                  <thead>
                    <tr>
                      <th scope="col">År</th>
                      <th scope="col" className="num">Indeks</th>
                      <th scope="col">Kilde</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.priceIndex.map((i) => (
                      <tr key={i.year}>
                        <th scope="row">{i.year}</th>
                        <td className="num">{decimal.format(i.index)}</td>
                        <td>{i.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <PriceIndexForm onSaved={savedAs('Prisindeksen er lagret.')} />
          </>
        )}
      </Busy>
    </section>
  );
}
