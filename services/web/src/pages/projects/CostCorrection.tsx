import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, type CostKind } from '../../api';
import { Form, RadioGroup, SelectField, TextArea, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr, formatKrForInput } from '../../format/money';
import { AnnualYears, costKindOptions, readAnnualYears } from './CostForm';
import { costWhen } from './costYears';

/**
 * Corrects a recorded cost (new figures), reverses it (it then counts as nothing) or stops an annual
 * cost after a last year, always with a reason: the history keeps them all.
 */
export function CostCorrection() {
  const { projectId = '', costId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const units = useUnits();
  const control = useFormControl();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [action, setAction] = useState(search.get('handling') === 'stopp' ? 'stop' : 'correct');
  const p = project.data;
  const cost = p?.costs.find((c) => c.costId === costId);
  const [kind, setKind] = useState<CostKind | null>(null);
  const shownKind: CostKind = kind ?? cost?.kind ?? 'one-off';
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
    if (action === 'stop') {
      const lastYear = check.year('lastYear', { required: true });
      if (lastYear === null || reason === null || !check.ok) return control.fail(check.errors);
      return control.run(async () => {
        await api.projects.stopAnnualCost(projectId, costId, { lastYear, reason });
        void navigate(back);
      });
    }
    const amountOre = check.kr('amountOre', { required: true });
    const description = check.text('description');
    if (shownKind === 'annual') {
      const { startYear, endYear } = readAnnualYears(check);
      if (amountOre === null || startYear === null || reason === null || !check.ok) return control.fail(check.errors);
      return control.run(async () => {
        await api.projects.correctCost(projectId, costId, { amountOre, period: String(startYear), kind: 'annual', startYear, endYear, description, reason });
        void navigate(back);
      });
    }
    const period = check.period('period', { required: true });
    if (amountOre === null || period === null || reason === null || !check.ok) return control.fail(check.errors);
    return control.run(async () => {
      await api.projects.correctCost(projectId, costId, { amountOre, period, kind: 'one-off', description, reason });
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
              <div><dt>Periode eller år</dt><dd>{costWhen(cost)}</dd></div>
              <div><dt>Beløp nå</dt><dd>{formatKr(cost.amountOre)}{cost.kind === 'annual' && ' per år'}</dd></div>
              {cost.correctedReason && <div><dt>Sist korrigert fordi</dt><dd>{cost.correctedReason}</dd></div>}
              {cost.stoppedReason && <div><dt>Stoppet fordi</dt><dd>{cost.stoppedReason}</dd></div>}
            </dl>
            {cost.reversedReason !== null ? (
              <p role="status">Kostnaden er reversert og teller ikke med: {cost.reversedReason}</p>
            ) : (
              <Form control={control} onSubmit={submit} submitLabel={action === 'reverse' ? 'Reverser kostnaden' : action === 'stop' ? 'Stopp kostnaden' : 'Lagre korrigeringen'} label="Korriger eller reverser kostnad">
                <RadioGroup name="action" legend="Hva vil du gjøre?" value={action} onChange={setAction} options={[
                  { value: 'correct', label: 'Korrigere beløp, periode eller type' },
                  { value: 'reverse', label: 'Reversere kostnaden (den var feil og skal ikke telle med)' },
                  ...(cost.kind === 'annual' ? [{ value: 'stop', label: 'Stoppe den årlige kostnaden (den teller til og med et siste år)' }] : []),
                ]} />
                {action === 'stop' && (
                  <TextField name="lastYear" label="Siste år kostnaden teller i" inputMode="numeric" required defaultValue={cost.endYear ?? cost.startYear ?? ''} hint="Kostnaden teller ikke i årene etter" />
                )}
                {action === 'correct' && (
                  <>
                    <div className="row">
                      <TextField name="amountOre" label={shownKind === 'annual' ? 'Riktig beløp per år (kr)' : 'Riktig beløp (kr)'} inputMode="decimal" required defaultValue={formatKrForInput(cost.amountOre)} hint="F.eks. 250 000" />
                      <SelectField name="kind" label="Type kostnad" value={shownKind} options={costKindOptions} onChange={(e) => setKind(e.target.value === 'annual' ? 'annual' : 'one-off')} />
                    </div>
                    {shownKind === 'annual' ? (
                      <AnnualYears startYear={cost.startYear} endYear={cost.endYear} />
                    ) : (
                      <TextField name="period" label="Periode" required defaultValue={cost.period} hint="Tertial (2026-T2) eller år (2026)" />
                    )}
                    <TextField name="description" label="Beskrivelse" defaultValue={cost.description ?? ''} />
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
