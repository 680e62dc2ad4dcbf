import { Link } from 'react-router-dom';
import { api, type HistoryEntry, type PlanVersions } from '../api';
import { formatAuditTime } from '../format/audit';
import { formatDate } from '../format/date';
import { describeHistoryEntry, evidenceOf } from '../format/history';
import { decisionPointLabel, decisionPointText, roleText } from '../format/labels';
import { formatKr } from '../format/money';
import { formatNumber } from '../format/number';
import { formatPeriod } from '../format/period';
import { useApi } from '../hooks/useApi';
import { useUnits } from '../hooks/useUnits';
import { Form, SelectField, TextArea, useFormControl } from './Form';
import { Busy } from './Loading';
import { TableWrap } from './Table';

/** Who did it: the name with the e-mail, and the role they acted in. */
function Who({ entry }: { entry: HistoryEntry }) {
  const who = entry.byName ?? entry.by ?? 'ukjent';
  return (
    <>
      {who}
      {entry.byName && entry.by && entry.byName !== entry.by && <span className="muted"> ({entry.by})</span>}
      {entry.role && <span className="muted">, som {roleText(entry.role).toLowerCase()}</span>}
    </>
  );
}

/** Every change in the order it was recorded, each with who and when; `withBenefit` names the benefit (a project's history). */
export function HistoryList({ entries, withBenefit = false, label }: { entries: HistoryEntry[]; withBenefit?: boolean; label: string }) {
  const units = useUnits();
  if (entries.length === 0) return <p>Ingen endringer er registrert.</p>;
  return (
    <ol className="history" aria-label={label}>
      {entries.map((entry) => {
        const evidence = evidenceOf(entry);
        return (
          <li key={entry.position} data-kind={entry.kind}>
            <p className="history-when">
              <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time> · <Who entry={entry} />
            </p>
            <p>
              {withBenefit && entry.benefitId && entry.benefitTitle && (
                <><Link to={`/gevinster/${entry.benefitId}`}>{entry.benefitTitle}</Link>: </>
              )}
              {describeHistoryEntry(entry, (id) => units.name(id))}
              {evidence && <> · <a href={evidence.href} target="_blank" rel="noopener noreferrer">{evidence.label}</a></>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** «Historikk» of a benefit; `version` changes when the page saved something, to load again. */
export function BenefitHistory({ benefitId, version }: { benefitId: string; version: unknown }) {
  const history = useApi(() => api.benefits.history(benefitId), [benefitId, version]);
  return (
    <section aria-labelledby="historikk" className="benefit-part">
      <h2 id="historikk">Historikk</h2>
      <p className="explain">Alt som er endret på gevinsten, eldst først: opprinnelig plan, godkjenninger, prognoseendringer med begrunnelse, eierbytter, nullpunkt, målinger, realiseringer og kansellering.</p>
      <Busy loading={history.loading} error={history.error} hasData={!!history.data} label="Henter historikken …">
        {history.data && <HistoryList entries={history.data.entries} label="Gevinstens historikk" />}
      </Busy>
    </section>
  );
}

/** «Historikk» of a project: its own changes and every benefit's. */
export function ProjectHistory({ projectId, version }: { projectId: string; version: unknown }) {
  const history = useApi(() => api.projects.history(projectId), [projectId, version]);
  return (
    <section aria-labelledby="historikk">
      <h2 id="historikk">Historikk</h2>
      <Busy loading={history.loading} error={history.error} hasData={!!history.data} label="Henter historikken …">
        {history.data && <HistoryList entries={history.data.entries} withBenefit label="Prosjektets historikk" />}
      </Busy>
    </section>
  );
}

const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
const or = (n: number | null) => (n === null ? '–' : formatNumber(n));

function VarianceTable({ v }: { v: PlanVersions }) {
  const approvedLabel = v.approved ? `Godkjent (${decisionPointText(v.approved.decisionPoint)})` : 'Godkjent';
  const valued = v.valuationOrePerUnit !== null;
  return (
    <TableWrap label="Godkjent mot gjeldende plan og realisert">
      <table className="plan-versions">
        <caption className="visually-hidden">Godkjent plan mot gjeldende plan og realisert, med avvik, i {v.unitOfMeasure}</caption>
        <thead>
          <tr>
            <th scope="col">Periode</th>
            <th scope="col" className="num">{approvedLabel}</th>
            <th scope="col" className="num">Gjeldende</th>
            <th scope="col" className="num">Realisert</th>
            <th scope="col" className="num">Avvik gjeldende mot godkjent</th>
            <th scope="col" className="num">Avvik realisert mot godkjent</th>
            <th scope="col" className="num">Avvik realisert mot gjeldende</th>
            {valued && <th scope="col" className="num">Realisert verdi</th>}
          </tr>
        </thead>
        <tbody>
          {v.variance.map((r) => (
            <tr key={r.period}>
              <th scope="row">{formatPeriod(r.period)}</th>
              <td className="num">{or(r.approvedQuantity)}</td>
              <td className="num">{or(r.currentQuantity)}</td>
              <td className="num">{or(r.realisedQuantity)}</td>
              <td className="num">{signed(r.currentVsApproved)}</td>
              <td className="num">{signed(r.realisedVsApproved)}</td>
              <td className="num">{signed(r.realisedVsCurrent)}</td>
              {valued && <td className="num">{r.realisedOre === null ? '–' : formatKr(r.realisedOre)}</td>}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Sum</th>
            <td className="num">{or(v.totals.approvedQuantity)}</td>
            <td className="num">{formatNumber(v.totals.currentQuantity)}</td>
            <td className="num">{formatNumber(v.totals.realisedQuantity)}</td>
            <td className="num">{signed(v.totals.currentVsApproved)}</td>
            <td className="num">{signed(v.totals.realisedVsApproved)}</td>
            <td className="num">{signed(v.totals.realisedVsCurrent)}</td>
            {valued && <td className="num">{formatKr(v.realised.reduce((s, r) => s + r.valueOre, 0))}</td>}
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

/** «Planversjoner»: each approval (who, when, which decision point), approved vs gjeldende vs realisert with avvik, and the approval form. */
export function PlanVersionsSection({ benefitId, version, canApprove, onApproved }: {
  benefitId: string;
  version: unknown;
  canApprove: boolean;
  onApproved: () => void;
}) {
  const versions = useApi(() => api.benefits.planVersions(benefitId), [benefitId, version]);
  const v = versions.data;
  return (
    <section aria-labelledby="planversjoner" className="benefit-part">
      <h2 id="planversjoner">Planversjoner</h2>
      <p className="explain">
        Gevinstplanen godkjennes ved beslutningspunktene i Prosjektveiviseren. Tabellen sammenligner siste godkjente plan med
        gjeldende plan (etter prognoseendringer) og det som er realisert.
      </p>
      <Busy loading={versions.loading} error={versions.error} hasData={!!v} label="Henter planversjonene …">
        {v && (
          <>
            {v.versions.length === 0 ? (
              <p>Planen er ikke godkjent ved noe beslutningspunkt ennå.</p>
            ) : (
              <TableWrap label="Godkjente versjoner">
                <table>
                  <caption className="visually-hidden">Godkjente versjoner av gevinstplanen</caption>
                  <thead>
                    <tr>
                      <th scope="col">Versjon</th><th scope="col">Beslutningspunkt</th><th scope="col">Godkjent</th><th scope="col">Av</th>
                      <th scope="col" className="num">Planlagt ({v.unitOfMeasure})</th><th scope="col">Nullpunkt / mål</th><th scope="col">Merknad</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.versions.map((x) => (
                      <tr key={x.version}>
                        <th scope="row">{x.version}</th>
                        <td>{decisionPointText(x.decisionPoint)}</td>
                        <td className="nowrap"><time dateTime={x.approvedAt}>{formatAuditTime(x.approvedAt)}</time></td>
                        <td>{x.approvedByName ?? x.approvedBy ?? '–'}</td>
                        <td className="num">{formatNumber(x.plannedQuantity)}</td>
                        <td>{or(x.baseline)} / {or(x.target)}{x.targetDate ? ` innen ${formatDate(x.targetDate)}` : ''}</td>
                        <td>{x.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <h3 id="avvik">Godkjent mot gjeldende og realisert</h3>
            <VarianceTable v={v} />
          </>
        )}
      </Busy>
      {canApprove && (
        <>
          <h3 id="godkjenn">Godkjenn plan</h3>
          <ApprovePlanForm benefitId={benefitId} onSaved={() => { versions.reload(); onApproved(); }} />
        </>
      )}
    </section>
  );
}

const decisionPoints = Object.entries(decisionPointLabel).map(([value, label]) => ({ value, label }));

/** Approves the plan as it stands (plan, nullpunkt, mål) at a decision point (BenefitPlanApproved). */
export function ApprovePlanForm({ benefitId, onSaved }: { benefitId: string; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="godkjenn"
      label="Godkjenn plan"
      submitLabel="Godkjenn plan"
      onSubmit={(_data, form, check) => {
        const decisionPoint = check.text('decisionPoint');
        const note = check.text('note');
        return control.submit(check, async () => {
          await api.benefits.approvePlan(benefitId, { decisionPoint: decisionPoint ?? '', note: note || null });
          form.reset();
          onSaved();
        });
      }}
    >
      <SelectField name="decisionPoint" label="Beslutningspunkt" options={decisionPoints} placeholder="Velg beslutningspunkt" required />
      <TextArea name="note" label="Merknad (valgfritt)" hint="F.eks. hvilket møte som godkjente planen" />
    </Form>
  );
}
