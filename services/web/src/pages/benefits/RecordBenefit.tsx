import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { Form, RadioGroup, TextArea, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { chosenFile, EVIDENCE_ACCEPT, evidenceProblem, uploadEvidence } from '../../components/Evidence';
import { Page } from '../../components/Page';
import { useApi } from '../../hooks/useApi';
import { todayIso } from '../../format/date';
import { formatPeriod, tertialOf } from '../../format/period';

/** One form for the benefit owner: a measurement of the indicator, or the benefit realised in a period. */
export function RecordBenefit() {
  const { benefitId = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('periode') ?? tertialOf(todayIso());
  const [kind, setKind] = useState(params.get('hva') === 'maling' ? 'measurement' : 'realisation');
  const benefit = useApi(() => api.benefits.get(benefitId), [benefitId]);
  const control = useFormControl();
  const navigate = useNavigate();
  const b = benefit.data;

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const measuring = kind === 'measurement';
    const amount = check.number(measuring ? 'value' : 'quantity', { example: measuring ? '6,5' : '120' });
    const measuredOn = measuring ? check.date('measuredOn') : null;
    const realisedIn = measuring ? null : check.period('period');
    const common = { comment: check.text('comment'), evidenceUrl: check.text('evidenceUrl') };
    const file = chosenFile(data);
    const fileProblem = file && evidenceProblem(file);
    if (fileProblem) check.refuse('file', fileProblem);
    if (amount === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      if (measuring) await api.benefits.recordMeasurement(benefitId, { value: amount, measuredOn: measuredOn ?? '', ...common });
      else await api.benefits.recordRealisation(benefitId, { period: realisedIn ?? '', quantity: amount, ...common });
      if (file) await uploadEvidence(benefitId, file, measuring ? { measuredOn } : { period: realisedIn });
      void navigate(`/gevinster/${benefitId}`, { state: { saved: true } });
    });
  };

  return (
    <Page title={b ? `Registrer: ${b.title}` : 'Registrer måling eller realisering'} intro={<p>Periode: <strong>{formatPeriod(period)}</strong>. <Link to={`/gevinster/${benefitId}`}>Tilbake til gevinsten</Link></p>}>
      <Busy loading={benefit.loading} error={benefit.error} hasData={!!b} label="Laster gevinsten …">
        {b && (
          <Form control={control} onSubmit={submit} submitLabel="Lagre" label="Registrer måling eller realisering">
            <RadioGroup name="kind" legend="Hva registrerer du?" value={kind} onChange={setKind} options={[
              { value: 'realisation', label: `Realisert gevinst i perioden (${b.unitOfMeasure})` },
              { value: 'measurement', label: `Måling av indikatoren (${b.indicator})` },
            ]} />
            {/* keyed: without it React reuses the period's input for the date, which then comes up empty */}
            {kind === 'realisation' ? (
              <div className="row" key="realisation">
                <TextField name="period" label="Periode" defaultValue={period} required hint="Tertial, f.eks. 2026-T2" />
                <TextField name="quantity" label={`Realisert mengde (${b.unitOfMeasure})`} inputMode="decimal" required />
              </div>
            ) : (
              <div className="row" key="measurement">
                <TextField name="measuredOn" label="Målt dato" type="date" required defaultValue={todayIso()} />
                <TextField name="value" label={`Målt verdi (${b.unitOfMeasure})`} inputMode="decimal" required />
              </div>
            )}
            <TextArea name="comment" label="Kommentar" hint="Hva er gjort, og hvordan er det målt?" />
            <TextField name="evidenceUrl" label="Lenke til dokumentasjon" type="url" hint="F.eks. lenke til rapport eller sak i arkivet (https://…)" />
            <TextField name="file" label="Vedlegg som dokumentasjon" type="file" accept={EVIDENCE_ACCEPT} hint="pdf, png, jpeg, docx, xlsx, txt eller csv, maks 10 MB" />
          </Form>
        )}
      </Busy>
    </Page>
  );
}
