import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api';
import { CheckboxField, Form, SelectField, TextArea, TextField, text, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { todayIso } from '../../format/date';
import { tertialOf } from '../../format/period';

/** The API's refusal of a settlement above what the paying unit owes: the form then offers the override. */
const EXCEEDS_OWED = 'settlement_exceeds_owed';

/**
 * Avregning: finance moves value from the unit that gained to the unit that invested, with the
 * decision's saksnummer. A settlement above what the ledger says is owed is refused; the form then
 * offers to override it, with a reason, which the ledger shows as «Overstyrt».
 */
export function SettlementPage() {
  const units = useUnits();
  const projects = useApi(() => api.projects.list(), []);
  const control = useFormControl();
  const navigate = useNavigate();
  const [overrideOffered, setOverrideOffered] = useState(false);
  const [overriding, setOverriding] = useState(false);

  const submit = (data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const amountOre = check.kr('amountOre', { example: '50 000' });
    const period = check.period('period');
    const override = overrideOffered && data.get('override') === 'on';
    const overrideReason = override ? check.text('overrideReason', { required: true }) : null;
    if (amountOre === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      try {
        await api.settlements.record({
          fromUnitId: text(data, 'fromUnitId') ?? '',
          toUnitId: text(data, 'toUnitId') ?? '',
          amountOre,
          period: period ?? '',
          saksnummer: text(data, 'saksnummer') ?? '',
          projectId: text(data, 'projectId'),
          comment: text(data, 'comment'),
          ...(override ? { override: true, overrideReason } : {}),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === EXCEEDS_OWED) setOverrideOffered(true);
        throw error;
      }
      void navigate('/okonomi');
    });
  };

  return (
    <Page title="Registrer avregning" intro={<p>Flytt verdi fra enheten som fikk gevinsten til enheten som investerte. Beløpet kan ikke være større enn det enheten skylder etter gevinstregnskapet, med mindre du overstyrer med en begrunnelse. <Link to="/okonomi">Til gevinstregnskapet</Link></p>}>
      <Busy loading={units.loading || projects.loading} hasData={!units.loading && !projects.loading} label="Laster enheter …">
        <Form control={control} onSubmit={submit} submitLabel="Registrer avregning" label="Avregning">
          <div className="row">
            <UnitSelect name="fromUnitId" label="Fra enhet (fikk gevinsten)" units={units.units} required />
            <UnitSelect name="toUnitId" label="Til enhet (investerte)" units={units.units} required />
          </div>
          <div className="row">
            <TextField name="amountOre" label="Beløp (kr)" inputMode="decimal" required />
            <TextField name="period" label="Periode" required defaultValue={tertialOf(todayIso())} />
            <TextField name="saksnummer" label="Saksnummer" required hint="Vedtakets saksnummer, f.eks. 26/01234" />
          </div>
          <SelectField name="projectId" label="Prosjekt (valgfritt)" placeholder="Ikke knyttet til et prosjekt" options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <TextArea name="comment" label="Kommentar" />
          {overrideOffered && (
            <fieldset className="override">
              <legend>Overstyring</legend>
              <p className="hint">
                Beløpet er større enn det enheten skylder etter gevinstregnskapet. Du kan likevel registrere avregningen hvis et vedtak
                sier det: den vises da som «Overstyrt» med begrunnelsen.
              </p>
              <CheckboxField name="override" label="Overstyr: registrer avregningen likevel" checked={overriding} onChange={(e) => setOverriding(e.target.checked)} />
              {overriding && <TextArea name="overrideReason" label="Begrunnelse for overstyringen" required hint="F.eks. vedtaket som gir kompensasjon ut over det beregnede" />}
            </fieldset>
          )}
        </Form>
      </Busy>
    </Page>
  );
}
