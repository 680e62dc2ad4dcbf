import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, type CostKind } from '../../api';
import { Form, RadioGroup, SelectField, TextArea, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr, formatKrForInput } from '../../format/money';
import { formatPeriod } from '../../format/period';

const kindOptions = [{ value: 'one-off', label: 'Engangskostnad' }, { value: 'annual', label: 'Årlig driftskostnad' }];

/** Corrects a recorded cost (new figures) or reverses it (it then counts as nothing), always with a reason: the history keeps both. */
export function CostCorrection() {
  const { projectId = '', costId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const [action, setAction] = useState('correct');
  const p = project.data;
  const cost = p?.costs.find((c) => c.costId === costId);
  const back = `/prosjekter/${projectId}`;

  const submit = (_data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const reason = check.text('reason', { required: true });
    if (action === 'reverse') {
      if (reason === null || !check.ok) return control.fail(check.errors);
      return control.run(async () => {
        await api.projects.reverseCost(projectId, costId, { reason });
        void navigate(back);
      });
    }
    const amountOre = check.kr('amountOre', { required: true });
    const period = check.period('period', { required: true });
    const kind: CostKind = check.text('kind') === 'annual' ? 'annual' : 'one-off';
    const description = check.text('description');
    if (amountOre === null || period === null || reason === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.projects.correctCost(projectId, costId, { amountOre, period, kind, description, reason });
      void navigate(back);
    });
  };

  return (
    <Page title="Korriger eller reverser kostnad" intro={<p><Link to={back}>Tilbake til prosjektet{p ? ` ${p.name}` : ''}</Link></p>}>
      <Busy loading={project.loading} error={project.error} hasData={!!p} label="Laster prosjektet …">
        {p && !cost && <p role="alert">Fant ikke kostnaden i prosjektet.</p>}
        {cost && (
          <>
            <dl className="facts">
              <div><dt>Enhet som betaler</dt><dd>{units.name(cost.payerUnitId)}</dd></div>
              <div><dt>Periode</dt><dd>{formatPeriod(cost.period)}</dd></div>
              <div><dt>Beløp nå</dt><dd>{formatKr(cost.amountOre)}</dd></div>
              {cost.correctedReason && <div><dt>Sist korrigert fordi</dt><dd>{cost.correctedReason}</dd></div>}
            </dl>
            {cost.reversedReason !== null ? (
              <p role="status">Kostnaden er reversert og teller ikke med: {cost.reversedReason}</p>
            ) : (
              <Form control={control} onSubmit={submit} submitLabel={action === 'reverse' ? 'Reverser kostnaden' : 'Lagre korrigeringen'} label="Korriger eller reverser kostnad">
                <RadioGroup name="action" legend="Hva vil du gjøre?" value={action} onChange={setAction} options={[
                  { value: 'correct', label: 'Korrigere beløp, periode eller type' },
                  { value: 'reverse', label: 'Reversere kostnaden (den var feil og skal ikke telle med)' },
                ]} />
                {action === 'correct' && (
                  <>
                    <div className="row">
                      <TextField name="amountOre" label="Riktig beløp (kr)" inputMode="decimal" required defaultValue={formatKrForInput(cost.amountOre)} hint="F.eks. 250 000" />
                      <TextField name="period" label="Periode" required defaultValue={cost.period} hint="Tertial (2026-T2) eller år (2026)" />
                    </div>
                    <div className="row">
                      <SelectField name="kind" label="Type kostnad" defaultValue={cost.kind} options={kindOptions} />
                      <TextField name="description" label="Beskrivelse" defaultValue={cost.description ?? ''} />
                    </div>
                  </>
                )}
                <TextArea name="reason" label="Begrunnelse" required hint="Hvorfor var den registrerte kostnaden feil? Begrunnelsen vises i historikken." />
              </Form>
            )}
          </>
        )}
      </Busy>
    </Page>
  );
}
