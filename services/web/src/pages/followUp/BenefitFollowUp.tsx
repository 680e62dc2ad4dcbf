import { useState } from 'react';
import { api, type BenefitAction, type BenefitRisk, type BenefitView } from '../../api';
import { Form, SelectField, TextArea, TextField, text, useFormControl } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatDate } from '../../format/date';
import { actionStatusLabel, gradeLabel } from '../../format/labels';
import { RiskBadge } from './RiskBadge';

const STATUS_OPTIONS = (['planned', 'inProgress', 'done', 'cancelled'] as const).map((value) => ({ value, label: actionStatusLabel[value] }));
const GRADE_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} – ${gradeLabel[n]}` }));

/** «Tiltak»: the benefit's realisation actions, with forms to add one and to update one. */
export function ActionsSection({ benefit }: { benefit: BenefitView }) {
  const actions = useApi(() => api.followUp.actions(benefit.id), [benefit.id]);
  const list = actions.data ?? [];
  const open = list.filter((a) => a.status === 'planned' || a.status === 'inProgress');
  return (
    <section aria-labelledby="tiltak" className="benefit-part" id="tiltak-del">
      <h2 id="tiltak">Tiltak</h2>
      <p className="explain">Gevinstrealiseringstiltak: det som må gjøres for at gevinsten skal tas ut, hvem som har ansvaret og når det skal være gjort. Forfalte tiltak står først.</p>
      <Busy loading={actions.loading} error={actions.error} hasData={!!actions.data} label="Laster tiltakene …">
        {list.length === 0 ? <p>Ingen tiltak registrert ennå.</p> : (
          <TableWrap label="Tiltak">
            <table>
              <caption className="visually-hidden">Tiltak for gevinsten</caption>
              <thead><tr><th scope="col">Tiltak</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th><th scope="col">Kommentar</th></tr></thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.actionId}>
                    <th scope="row">{a.title}</th>
                    <td>{a.owner}</td>
                    <td>{formatDate(a.deadline)}{a.overdue && <> <span className="due-badge due-overdue">Forfalt</span></>}</td>
                    <td>{actionStatusLabel[a.status]}</td>
                    <td>{a.comment ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Busy>
      {!benefit.cancelled && (
        <>
          <h3>Nytt tiltak</h3>
          <AddActionForm benefitId={benefit.id} onSaved={actions.reload} />
          {open.length > 0 && (
            <>
              <h3>Oppdater et tiltak</h3>
              <UpdateActionForm key={open.map((a) => a.actionId + a.status).join()} benefitId={benefit.id} actions={open} onSaved={actions.reload} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function AddActionForm({ benefitId, onSaved }: { benefitId: string; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="tiltak"
      label="Nytt tiltak"
      submitLabel="Legg til tiltak"
      onSubmit={(data, form, check) => {
        const title = check.text('title');
        const owner = check.email('owner');
        const deadline = check.date('deadline');
        return control.submit(check, async () => {
          await api.followUp.addAction(benefitId, { title: title ?? '', owner: owner ?? '', deadline: deadline ?? '', comment: text(data, 'comment') });
          form.reset();
          onSaved();
        });
      }}
    >
      <TextField name="title" label="Tiltak" hint="Hva skal gjøres, f.eks. «Opplæring i nytt fagsystem»" required />
      <div className="row">
        <TextField name="owner" label="Ansvarlig (e-post)" type="email" required autoComplete="off" />
        <TextField name="deadline" label="Frist" type="date" required />
      </div>
      <TextArea name="comment" label="Kommentar" />
    </Form>
  );
}

function UpdateActionForm({ benefitId, actions, onSaved }: { benefitId: string; actions: BenefitAction[]; onSaved: () => void }) {
  const control = useFormControl();
  const [chosen, setChosen] = useState(actions[0]?.actionId ?? '');
  const action = actions.find((a) => a.actionId === chosen) ?? actions[0];
  return (
    <Form
      control={control}
      prefix="oppdater-tiltak"
      label="Oppdater et tiltak"
      submitLabel="Lagre tiltaket"
      onSubmit={(data, _form, check) => {
        const deadline = check.date('deadline');
        return control.submit(check, async () => {
          await api.followUp.updateAction(benefitId, chosen, {
            status: (text(data, 'status') as BenefitAction['status'] | null) ?? null,
            deadline,
            comment: text(data, 'comment'),
          });
          onSaved();
        });
      }}
    >
      <SelectField name="actionId" label="Tiltak" options={actions.map((a) => ({ value: a.actionId, label: a.title }))} value={chosen} onChange={(e) => setChosen(e.target.value)} />
      <div className="row" key={action?.actionId}>
        <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={action?.status} />
        <TextField name="deadline" label="Frist" type="date" defaultValue={action?.deadline} required />
      </div>
      <TextArea key={`c-${action?.actionId}`} name="comment" label="Kommentar" defaultValue={action?.comment ?? ''} />
    </Form>
  );
}

/** «Risiko»: the benefit's risks (probability × consequence), with forms to assess one and to close one. */
export function RisksSection({ benefit }: { benefit: BenefitView }) {
  const risks = useApi(() => api.followUp.risks(benefit.id), [benefit.id]);
  const list = risks.data ?? [];
  const open = list.filter((r) => !r.closed);
  return (
    <section aria-labelledby="risiko" className="benefit-part">
      <h2 id="risiko">Risiko</h2>
      <p className="explain">Trusler mot gevinsten, vurdert som sannsynlighet × konsekvens (1–5 hver). Risikoen er lav (1–4), middels (5–12) eller høy (15–25).</p>
      <Busy loading={risks.loading} error={risks.error} hasData={!!risks.data} label="Laster risikoene …">
        {list.length === 0 ? <p>Ingen risikoer registrert ennå.</p> : (
          <TableWrap label="Risiko">
            <table>
              <caption className="visually-hidden">Risikoer for gevinsten</caption>
              <thead><tr><th scope="col">Trussel</th><th scope="col" className="num">Sannsynlighet</th><th scope="col" className="num">Konsekvens</th><th scope="col">Risiko</th><th scope="col">Tiltak mot risikoen</th><th scope="col">Vurdert</th></tr></thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.riskId}>
                    <th scope="row">{r.threat}{r.closed && <> (lukket: {r.closedReason})</>}</th>
                    <td className="num">{r.probability}</td>
                    <td className="num">{r.consequence}</td>
                    <td><RiskBadge risk={r} /></td>
                    <td>{r.mitigation || '–'}</td>
                    <td>{r.history.length > 1 ? `${r.history.length} ganger, sist ${formatDate(r.assessed.at.slice(0, 10))}` : formatDate(r.assessed.at.slice(0, 10))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Busy>
      {!benefit.cancelled && (
        <>
          <h3>Vurder en risiko</h3>
          <AssessRiskForm key={open.map((r) => r.riskId).join()} benefitId={benefit.id} risks={open} onSaved={risks.reload} />
          {open.length > 0 && (
            <>
              <h3>Lukk en risiko</h3>
              <CloseRiskForm key={`lukk-${open.map((r) => r.riskId).join()}`} benefitId={benefit.id} risks={open} onSaved={risks.reload} />
            </>
          )}
        </>
      )}
    </section>
  );
}

const NEW_RISK = '';

function AssessRiskForm({ benefitId, risks, onSaved }: { benefitId: string; risks: BenefitRisk[]; onSaved: () => void }) {
  const control = useFormControl();
  const [chosen, setChosen] = useState(NEW_RISK);
  const risk = risks.find((r) => r.riskId === chosen);
  return (
    <Form
      control={control}
      prefix="risiko"
      label="Vurder en risiko"
      submitLabel="Lagre vurderingen"
      onSubmit={(data, form, check) => {
        const threat = check.text('threat');
        const probability = Number(text(data, 'probability'));
        const consequence = Number(text(data, 'consequence'));
        return control.submit(check, async () => {
          await api.followUp.assessRisk(benefitId, { ...(risk ? { riskId: risk.riskId } : {}), threat: threat ?? '', probability, consequence, mitigation: text(data, 'mitigation') });
          form.reset();
          setChosen(NEW_RISK);
          onSaved();
        });
      }}
    >
      {risks.length > 0 && (
        <SelectField name="riskId" label="Hvilken risiko" options={[{ value: NEW_RISK, label: 'En ny risiko' }, ...risks.map((r) => ({ value: r.riskId, label: `Vurder på nytt: ${r.threat}` }))]} value={chosen} onChange={(e) => setChosen(e.target.value)} />
      )}
      <div key={chosen}>
        <TextField name="threat" label="Trussel" hint="Hva kan hindre gevinsten, f.eks. «Ansatte tar ikke i bruk løsningen»" defaultValue={risk?.threat ?? ''} required />
        <div className="row">
          <SelectField name="probability" label="Sannsynlighet (1–5)" options={GRADE_OPTIONS} defaultValue={String(risk?.probability ?? 3)} required />
          <SelectField name="consequence" label="Konsekvens (1–5)" options={GRADE_OPTIONS} defaultValue={String(risk?.consequence ?? 3)} required />
        </div>
        <TextArea name="mitigation" label="Tiltak mot risikoen" defaultValue={risk?.mitigation ?? ''} />
      </div>
    </Form>
  );
}

function CloseRiskForm({ benefitId, risks, onSaved }: { benefitId: string; risks: BenefitRisk[]; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="lukk-risiko"
      label="Lukk en risiko"
      submitLabel="Lukk risikoen"
      onSubmit={(data, form, check) => {
        const riskId = text(data, 'riskId') ?? '';
        const reason = check.text('reason');
        return control.submit(check, async () => {
          await api.followUp.closeRisk(benefitId, riskId, { reason: reason ?? '' });
          form.reset();
          onSaved();
        });
      }}
    >
      <SelectField name="riskId" label="Risiko" options={risks.map((r) => ({ value: r.riskId, label: r.threat }))} required />
      <TextArea name="reason" label="Hvorfor risikoen lukkes" required />
    </Form>
  );
}
