import { useState } from 'react';
import { api, type BenefitView } from '../../api';
import { ControlMessage, Form, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { PlanLinesFields, planLineRow } from '../../components/PlanLines';


/** A new plan per period, with the reason for the change (BenefitForecastRevised). */
export function ForecastForm({ benefit, onSaved }: { benefit: BenefitView; onSaved: () => void }) {
  const control = useFormControl();
  const [rows, setRows] = useState(() =>
    benefit.plan.length ? benefit.plan.map((p) => planLineRow(p.period, String(p.quantity).replace('.', ','))) : [planLineRow()],
  );
  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const plan = check.plan(rows.length);
    const reason = check.text('reason');
    return control.submit(check, async () => {
      await api.benefits.reviseForecast(benefit.id, { plan, reason: reason ?? '' });
      onSaved();
    });
  };
  return (
    <Form control={control} prefix="prognose" label="Revider prognosen" submitLabel="Lagre ny prognose" onSubmit={submit}>
      <PlanLinesFields legend={`Ny plan per periode (${benefit.unitOfMeasure})`} rows={rows} onChange={setRows} />
      <TextArea name="reason" label="Begrunnelse for endringen" required />
    </Form>
  );
}

/** A corrected figure for a period already realised (BenefitRealisationCorrected). */
export function CorrectionForm({ benefit, onSaved }: { benefit: BenefitView; onSaved: () => void }) {
  const control = useFormControl();
  const last = benefit.realisations[benefit.realisations.length - 1];
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const period = check.period('period');
    const quantity = check.number('quantity', { example: '110' });
    if (quantity === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.benefits.correctRealisation(benefit.id, { period: period ?? '', quantity, reason: text(data, 'reason') ?? '' });
      form.reset();
      onSaved();
    });
  };
  return (
    <Form control={control} prefix="korriger" label="Korriger realisert gevinst" submitLabel="Lagre korrigering" onSubmit={submit}>
      <div className="row">
        <TextField name="period" label="Periode" defaultValue={last?.period ?? ''} hint="Perioden som skal rettes, f.eks. 2026-T1" required />
        <TextField name="quantity" label={`Riktig mengde (${benefit.unitOfMeasure})`} inputMode="decimal" required />
      </div>
      <TextArea name="reason" label="Begrunnelse for korrigeringen" required />
    </Form>
  );
}

/** Hands the benefit to another owner (BenefitOwnerAssigned). */
export function OwnerForm({ benefit, onSaved }: { benefit: BenefitView; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="eier"
      label="Ny gevinsteier"
      submitLabel="Bytt gevinsteier"
      onSubmit={(_data, _form, check) => {
        const owner = check.email('owner');
        return control.submit(check, async () => {
          await api.benefits.assignOwner(benefit.id, { owner: owner ?? '' });
          onSaved();
        });
      }}
    >
      <TextField name="owner" label="Ny gevinsteier (e-post)" type="email" defaultValue={benefit.owner ?? ''} required autoComplete="off" />
    </Form>
  );
}

/** Cancels the benefit after the user confirms (BenefitCancelled). */
export function CancelForm({ benefit, onSaved }: { benefit: BenefitView; onSaved: () => void }) {
  const control = useFormControl();
  const [reason, setReason] = useState<string | null>(null);
  if (reason !== null) {
    return (
      <div className="confirm" role="alertdialog" aria-labelledby="bekreft-kanseller" aria-describedby="bekreft-kanseller-tekst">
        <h3 id="bekreft-kanseller">Vil du kansellere «{benefit.title}»?</h3>
        <p id="bekreft-kanseller-tekst">Gevinsten tas ut av planen og regnskapet fra nå. Begrunnelse: «{reason}». Dette kan ikke angres.</p>
        {control.message && <div className="alert alert-error" role="alert"><p><ControlMessage control={control} /></p></div>}
        <div className="form-actions">
          <button
            type="button"
            className="button danger"
            disabled={control.submitting}
            onClick={() => void control.run(async () => {
              await api.benefits.cancel(benefit.id, { reason });
              setReason(null);
              onSaved();
            })}
          >Ja, kanseller gevinsten</button>{' '}
          <button type="button" className="button secondary" autoFocus onClick={() => setReason(null)}>Nei, behold den</button>
        </div>
      </div>
    );
  }
  return (
    <Form
      control={control}
      prefix="kanseller"
      label="Kanseller gevinsten"
      submitLabel="Kanseller gevinsten …"
      onSubmit={(_data, _form, check) => {
        const given = check.text('reason');
        if (!given || !check.ok) return control.fail(check.errors);
        control.fail({}, '');
        setReason(given);
      }}
    >
      <TextArea name="reason" label="Begrunnelse for kanselleringen" required />
    </Form>
  );
}
