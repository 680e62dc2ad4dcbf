import { Link, useParams } from 'react-router-dom';
import { api, type BenefitView } from '../../api';
import { CurrentStatus, isValued, nextDueRow, benefitRows, signed, toDate } from '../../components/BenefitSummary';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { describeAuditEntry, formatAuditTime } from '../../format/audit';
import { formatDate, todayIso } from '../../format/date';
import { phaseLabel } from '../../format/labels';
import { formatKr } from '../../format/money';
import { formatNumber, formatPct } from '../../format/number';
import { formatPeriod } from '../../format/period';
import './StatusReport.css';

export const statusReportPath = (projectId: string) => `/prosjekter/${encodeURIComponent(projectId)}/status`;

const RECENT_CHANGES = 10;

/** Statusrapport: one project as it stands today, on one printable page. */
export function StatusReport() {
  const { projectId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const audit = useApi(() => api.audit.of('projects', projectId), [projectId]);
  const units = useUnits();
  const p = project.data;
  const today = todayIso();
  const benefits = p?.benefits ?? [];
  const titleOf = new Map(benefits.map((b) => [`benefit-${b.id}`, b.title]));
  const overdue = benefits.filter((b) => !b.cancelled).flatMap((b) => benefitRows(b).filter((r) => r.unreported).map((r) => ({ b, r })));

  return (
    <Page
      title={p ? `Statusrapport: ${p.name}` : 'Statusrapport'}
      intro={<p className="report-date">Statusrapport per {formatDate(today)}</p>}
      actions={p && <><button type="button" className="button" onClick={() => window.print()}>Skriv ut</button> <Link className="button secondary" to={`/prosjekter/${p.id}`}>Til prosjektet</Link></>}
    >
      <Busy loading={project.loading} error={project.error} hasData={!!p} label="Laster statusrapporten …">
        {p && (
          <div className="status-report">
            <dl className="facts">
              <div><dt>Fase</dt><dd>{phaseLabel[p.phase] ?? p.phase}{p.closed ? ' (avsluttet)' : ''}</dd></div>
              <div><dt>Prosjekteier</dt><dd>{units.name(p.ownerUnitId)}</dd></div>
              <div><dt>Prosjektleder</dt><dd>{p.projectLeader}</dd></div>
              <div><dt>Kostnader i alt</dt><dd>{formatKr(p.totalCostOre)}</dd></div>
              <div><dt>Samlet status (verste vurderte periode)</dt><dd><StatusBadge status={p.status} label="Ikke vurdert" /></dd></div>
              <div><dt>Resultatgrenser</dt><dd>ønsket ≥ {p.thresholds.greenPct} %, akseptabelt ≥ {p.thresholds.yellowPct} % av plan</dd></div>
            </dl>

            <section aria-labelledby="rapport-gevinster">
              <h2 id="rapport-gevinster">Gevinster: planlagt mot realisert hittil</h2>
              <p className="explain">
                «Hittil» er periodene som er forfalt eller har en registrering. Status er for siste vurderte periode, med tallene den bygger på.
                Måloppnåelse gjelder indikatoren (målt verdi), ikke den realiserte gevinsten.
              </p>
              {benefits.length === 0 ? <p>Prosjektet har ingen gevinster.</p> : (
                <TableWrap label="Gevinster i statusrapporten">
                  <table className="report-benefits">
                    <caption className="visually-hidden">Gevinster: planlagt mot realisert hittil, avvik, status og neste frist</caption>
                    <thead>
                      <tr>
                        <th scope="col">Gevinst</th>
                        <th scope="col" className="num">Planlagt hittil</th>
                        <th scope="col" className="num">Realisert hittil</th>
                        <th scope="col" className="num">Avvik</th>
                        <th scope="col">Status</th>
                        <th scope="col">Neste frist</th>
                        <th scope="col" className="num">Indikator: måloppnåelse</th>
                      </tr>
                    </thead>
                    <tbody>
                      {benefits.map((b) => <BenefitRow key={b.id} benefit={b} recipient={units.name(b.recipientUnitId)} />)}
                    </tbody>
                  </table>
                </TableWrap>
              )}
            </section>

            <section aria-labelledby="rapport-forfalt">
              <h2 id="rapport-forfalt">Forfalt og ikke rapportert</h2>
              {overdue.length === 0 ? <p>Ingen realisering er forfalt uten å være rapportert.</p> : (
                <ul className="overdue-list">
                  {overdue.map(({ b, r }) => (
                    <li key={`${b.id}-${r.period}`}>
                      <Link to={`/gevinster/${b.id}`}>{b.title}</Link>, {formatPeriod(r.period)}: frist {formatDate(r.dueDate)}, gevinsteier {b.owner ?? '–'}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section aria-labelledby="rapport-kostnader">
              <h2 id="rapport-kostnader">Kostnader</h2>
              {p.costs.length === 0 ? <p>Ingen kostnader er registrert.</p> : (
                <TableWrap label="Kostnader i statusrapporten">
                  <table>
                    <caption className="visually-hidden">Kostnader per betalende enhet</caption>
                    <thead><tr><th scope="col">Enhet som betaler</th><th scope="col">Periode</th><th scope="col">Beskrivelse</th><th scope="col" className="num">Beløp</th></tr></thead>
                    <tbody>
                      {p.costs.map((c) => (
                        <tr key={c.costId}><th scope="row">{units.name(c.payerUnitId)}</th><td>{formatPeriod(c.period)}</td><td>{c.description ?? '–'}</td><td className="num">{formatKr(c.amountOre)}</td></tr>
                      ))}
                    </tbody>
                    <tfoot><tr><th scope="row" colSpan={3}>Sum</th><td className="num">{formatKr(p.totalCostOre)}</td></tr></tfoot>
                  </table>
                </TableWrap>
              )}
            </section>

            <section aria-labelledby="rapport-endringer">
              <h2 id="rapport-endringer">Siste endringer</h2>
              {audit.loading ? <p>Henter endringene …</p> : audit.error ? <p>Endringene kan ikke vises: {audit.error.message}</p> : (
                <ol className="recent-changes">
                  {(audit.data?.entries ?? []).slice(0, RECENT_CHANGES).map((e) => (
                    <li key={e.position}>
                      <time dateTime={e.at}>{formatAuditTime(e.at)}</time>{' '}
                      {titleOf.has(e.streamName) ? <strong>{titleOf.get(e.streamName)}: </strong> : null}
                      {describeAuditEntry(e, (id) => units.name(id))}
                      <span className="muted"> ({e.userName ?? e.userId ?? 'Gevinst'})</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        )}
      </Busy>
    </Page>
  );
}

function BenefitRow({ benefit: b, recipient }: { benefit: BenefitView; recipient: string }) {
  const sum = toDate(b);
  const valued = isValued(b);
  const next = nextDueRow(b);
  const unit = b.unitOfMeasure;
  return (
    <tr data-benefit={b.id}>
      <th scope="row">
        <Link to={`/gevinster/${b.id}`}>{b.title}</Link>
        <span className="report-meta">Mottaker: {recipient} · Gevinsteier: {b.owner ?? 'ingen'}</span>
      </th>
      {b.cancelled ? <td colSpan={3} data-col="planned">Kansellert: regnes ikke med i plan og regnskap</td> : <>
      <td className="num" data-col="planned">{formatNumber(sum.planned)} {unit}{valued && <span className="report-kr">{formatKr(sum.plannedOre)}</span>}</td>
      <td className="num" data-col="realised">{formatNumber(sum.realised)} {unit}{valued && <span className="report-kr">{formatKr(sum.realisedOre)}</span>}</td>
      <td className="num" data-col="variance">
        {signed(sum.realised - sum.planned)} {unit}
        {valued && <span className="report-kr">{sum.realisedOre - sum.plannedOre > 0 ? '+' : ''}{formatKr(sum.realisedOre - sum.plannedOre)}</span>}
        {sum.planned > 0 && <span className="report-kr">{formatPct((sum.realised / sum.planned) * 100)} av plan</span>}
      </td></>}
      <td data-col="status"><CurrentStatus benefit={b} /></td>
      <td data-col="next">{b.cancelled || !next ? 'Ingen' : `${formatPeriod(next.period)}: ${formatDate(next.dueDate)}`}</td>
      <td className="num" data-col="achievement">{formatPct(b.achievementPct)}</td>
    </tr>
  );
}
