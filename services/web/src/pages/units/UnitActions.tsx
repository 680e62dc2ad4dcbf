import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Category, type ProjectSummary, type UnitDetail } from '../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { TableWrap } from '../../components/Table';
import { categoryLabel } from '../../format/labels';
import { formatDate } from '../../format/date';
import { formatKr } from '../../format/money';

const SOURCE_FIELDS = [
  ['wageOre', 'Lønn per time (kr)'],
  ['employerContributionOre', 'Arbeidsgiveravgift per time (kr)'],
  ['socialCostsOre', 'Sosiale kostnader per time (kr)'],
] as const;

/** The unit's hourly rate for a year, built from its source figures (HourlyRateSet); the rate is their sum. */
export function HourlyRates({ unit, onSaved }: { unit: UnitDetail; onSaved: () => void }) {
  const control = useFormControl();
  const rates = [...(unit.hourlyRates ?? [])].sort((a, b) => a.year - b.year);
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const yearText = check.text('year');
    const year = yearText !== null && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
    if (yearText !== null && year === null) check.refuse('year', 'Skriv året med fire sifre, f.eks. 2026.');
    const source = { wageOre: 0, employerContributionOre: 0, socialCostsOre: 0 };
    for (const [name] of SOURCE_FIELDS) source[name] = check.kr(name, { example: '437 eller 437,50' }) ?? 0;
    if (year === null || !check.ok) return control.fail(check.errors);
    const note = check.text('note');
    return control.run(async () => {
      await api.units.setHourlyRate(unit.id, {
        year,
        rateOre: source.wageOre + source.employerContributionOre + source.socialCostsOre,
        source: { ...source, ...(note ? { note } : {}) },
      });
      form.reset();
      onSaved();
    });
  };
  return (
    <>
      {rates.length > 0 ? (
        <TableWrap label="Timesatser">
          <table>
            <caption className="visually-hidden">Timesatser per år med grunnlag</caption>
            <thead>
              <tr>
                <th scope="col">År</th><th scope="col" className="num">Timesats</th><th scope="col" className="num">Lønn</th>
                <th scope="col" className="num">Arbeidsgiveravgift</th><th scope="col" className="num">Sosiale kostnader</th><th scope="col">Kilde</th><th scope="col">Registrert</th>
              </tr>
            </thead>
            <tbody>
              {rates.map((rate) => (
                <tr key={`${rate.year}-${rate.recordedAt}`}>
                  <th scope="row">{rate.year}</th>
                  <td className="num">{formatKr(rate.rateOre)}</td>
                  <td className="num">{formatKr(rate.source.wageOre)}</td>
                  <td className="num">{formatKr(rate.source.employerContributionOre)}</td>
                  <td className="num">{formatKr(rate.source.socialCostsOre)}</td>
                  <td>{rate.source.note ?? '–'}</td>
                  <td>{formatDate(rate.recordedAt?.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : <p>Ingen timesats er satt.</p>}
      <Form control={control} prefix="timesats" label="Sett timesats" submitLabel="Lagre timesats" onSubmit={submit}>
        <TextField name="year" label="År" inputMode="numeric" defaultValue={String(new Date().getFullYear())} required />
        <div className="row">
          {SOURCE_FIELDS.map(([name, label]) => <TextField key={name} name={name} label={label} inputMode="decimal" required />)}
        </div>
        <TextField name="note" label="Kilde (valgfri)" hint="F.eks. «KS lønnsstatistikk 2026». Timesatsen blir summen av de tre beløpene." />
      </Form>
    </>
  );
}

/** A benefit nobody planned, received by this unit (UnplannedBenefitRecorded). */
export function UnplannedBenefitForm({ unit, projects }: { unit: UnitDetail; projects: ProjectSummary[] }) {
  const control = useFormControl();
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const period = check.period('period');
    const quantity = check.number('quantity', { example: '40' });
    const valueOre = check.kr('valueOre', { example: '26 000' });
    if (quantity === null || valueOre === null || !check.ok) return control.fail(check.errors);
    const title = text(data, 'title') ?? '';
    return control.run(async () => {
      setCreated(null);
      const answer = await api.benefits.recordUnplanned({
        projectId: text(data, 'projectId'),
        title,
        recipientUnitId: unit.id,
        category: (text(data, 'category') ?? 'capacity') as Category,
        period: period ?? '',
        quantity,
        unitOfMeasure: text(data, 'unitOfMeasure') ?? '',
        valueOre,
        description: text(data, 'description') ?? '',
      });
      form.reset();
      setCreated({ id: answer.id, title });
    });
  };
  return (
    <>
      {created && (
        <div className="alert alert-ok" role="status">
          <p>Registrert: <Link to={`/gevinster/${created.id}`}>{created.title}</Link>.</p>
        </div>
      )}
      <Form control={control} prefix="uplanlagt" label="Registrer ikke-planlagt gevinst" submitLabel="Registrer ikke-planlagt gevinst" onSubmit={submit}>
        <TextField name="title" label="Gevinst" required />
        <div className="row">
          <SelectField name="projectId" label="Prosjekt (valgfritt)" placeholder="Ikke knyttet til et prosjekt" options={projects.map((p) => ({ value: p.id, label: p.name }))} />
          <SelectField name="category" label="Gevinstkategori" defaultValue="capacity" options={Object.entries(categoryLabel).map(([value, label]) => ({ value, label }))} />
        </div>
        <div className="row">
          <TextField name="period" label="Periode" hint="F.eks. 2026-T2" required />
          <TextField name="quantity" label="Mengde" inputMode="decimal" required />
          <TextField name="unitOfMeasure" label="Måleenhet" hint="F.eks. «timer»" required />
          <TextField name="valueOre" label="Verdi (kr)" inputMode="decimal" required />
        </div>
        <TextArea name="description" label="Beskrivelse" hint="Hva skjedde, og hvordan er verdien beregnet?" required />
      </Form>
    </>
  );
}
