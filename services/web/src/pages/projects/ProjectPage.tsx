import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../../api';
import { Downloads } from '../../components/Downloads';
import { ProjectHistory } from '../../components/History';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { BenefitChart, BenefitFigures } from '../../components/BenefitSummary';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { categoryLabel, phaseLabel } from '../../format/labels';
import { CostForm } from './CostForm';
import { costWhen } from './costYears';
import { auditPath } from '../audit/AuditPage';
import { PhaseForm } from './PhaseForm';
import { statusReportPath } from './StatusReport';

export function ProjectPage() {
  const { projectId = '' } = useParams();
  const project = useApi(() => api.projects.get(projectId), [projectId]);
  const units = useUnits();
  const p = project.data;
  const imported = (useLocation().state as { imported?: number; unchanged?: number } | null) ?? null;
  // a reversed cost is listed but counts as nothing
  const totalCost = p?.totalCostOre ?? 0;

  return (
    <Page
      title={p ? p.name : 'Prosjekt'}
      actions={p && <><Link className="button primary" to={`/prosjekter/${p.id}/gevinster/ny`}>Planlegg gevinst</Link> <Link className="button" to={`/prosjekter/${p.id}/importer`}>Importer fra regneark</Link></>}
    >
      <Busy loading={project.loading} error={project.error} hasData={!!p} label="Laster prosjektet …">
        {p && (
          <>
            <dl className="facts">
              <div><dt>Prosjekteier</dt><dd>{units.name(p.ownerUnitId)}</dd></div>
              <div><dt>Prosjektleder</dt><dd>{p.projectLeader}</dd></div>
              <div><dt>Fase</dt><dd>{phaseLabel[p.phase] ?? p.phase}</dd></div>
              <div><dt>Resultatgrenser</dt><dd>ønsket ≥ {p.thresholds.greenPct} %, akseptabelt ≥ {p.thresholds.yellowPct} %</dd></div>
              <div><dt>Kostnader i alt</dt><dd>{formatKr(totalCost)}</dd></div>
            </dl>
            <p className="links"><Link to={statusReportPath(p.id)}>Statusrapport</Link><Link to={`/prosjekter/${encodeURIComponent(p.id)}/gevinstkart`}>Gevinstkart</Link><Link to={auditPath('projects', p.id)}>Hvem gjorde hva, når</Link></p>

            {imported?.imported !== undefined && (
              <div className="alert alert-ok" role="status">
                <p>Importert fra regnearket: {imported.imported} {imported.imported === 1 ? 'gevinst' : 'gevinster'}{imported.unchanged ? ` (${imported.unchanged} fantes fra før og ble ikke endret)` : ''}.</p>
              </div>
            )}

            <section aria-labelledby="gevinster">
              <h2 id="gevinster">Gevinster</h2>
              {p.benefits.length === 0 && <p>Ingen gevinster er planlagt. <Link to={`/prosjekter/${p.id}/gevinster/ny`}>Planlegg den første</Link>.</p>}
              <ul className="benefit-list">
                {p.benefits.map((benefit) => (
                  <li key={benefit.id} className="card benefit-card">
                    <h3><Link to={`/gevinster/${benefit.id}`}>{benefit.title}</Link>{benefit.cancelled ? ' (kansellert)' : ''}</h3>
                    <p className="meta">
                      Mottaker: {units.name(benefit.recipientUnitId)} · Gevinsteier: {benefit.owner} · {categoryLabel[benefit.category]}
                      {benefit.cashReleasing ? ' · budsjettmessig' : ' · ikke budsjettmessig'}
                    </p>
                    <BenefitFigures benefit={benefit} />
                    <BenefitChart benefit={benefit} />
                    <p className="links">
                      <Link to={`/gevinster/${benefit.id}`}>Nullpunkt og detaljer<span className="visually-hidden"> for {benefit.title}</span></Link>
                      <Link to={`/gevinster/${benefit.id}/registrer`}>Registrer måling eller realisering<span className="visually-hidden"> for {benefit.title}</span></Link>
                    </p>
                  </li>
                ))}
              </ul>
            </section>

            <section aria-labelledby="kostnader">
              <h2 id="kostnader">Kostnader per betalende enhet</h2>
              {p.costs.length > 0 ? (
                <TableWrap label="Kostnader">
                  <table>
                    <caption className="visually-hidden">Kostnader i prosjektet</caption>
                    <thead>
                      <tr><th scope="col">Enhet som betaler</th><th scope="col">Periode eller år</th><th scope="col">Type</th><th scope="col" className="num">Beløp</th><th scope="col">Korrigering</th></tr>
                    </thead>
                    <tbody>
                      {p.costs.map((cost) => (
                        <tr key={cost.costId}>
                          <th scope="row">{units.name(cost.payerUnitId)}</th>
                          <td>{costWhen(cost)}</td>
                          <td>{cost.kind === 'annual' ? 'Årlig' : 'Engangs'}</td>
                          <td className="num">{cost.reversedReason !== null ? <del>{formatKr(cost.amountOre)}</del> : formatKr(cost.amountOre)}{cost.kind === 'annual' && ' per år'}</td>
                          <td>{cost.reversedReason !== null ? `Reversert: ${cost.reversedReason}` : (
                            <>
                              {cost.correctedReason && `Korrigert: ${cost.correctedReason} · `}
                              {cost.stoppedReason && `Stoppet: ${cost.stoppedReason} · `}
                              <Link to={`/prosjekter/${p.id}/kostnader/${cost.costId}`}>Korriger eller reverser<span className="visually-hidden"> kostnaden til {units.name(cost.payerUnitId)}, {costWhen(cost)}</span></Link>
                              {cost.kind === 'annual' && (
                                <> · <Link to={`/prosjekter/${p.id}/kostnader/${cost.costId}?handling=stopp`}>Stopp<span className="visually-hidden"> den årlige kostnaden til {units.name(cost.payerUnitId)}, {costWhen(cost)}</span></Link></>
                              )}
                            </>
                          )}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : <p>Ingen kostnader er registrert.</p>}
              <h3>Ny kostnad</h3>
              <CostForm projectId={p.id} units={units.units} onSaved={project.reload} />
            </section>

            <Downloads
              id="regneark"
              title="Regneark"
              links={[
                { href: api.downloads.projectPlan('xlsx', p.id), label: 'Gevinstrealiseringsplanen', format: 'XLSX' },
                { href: api.downloads.projectPlan('csv', p.id), label: 'Plan mot realisert', format: 'CSV' },
                { href: api.downloads.template(), label: 'Tom mal for gevinstrealiseringsplan', format: 'XLSX' },
              ]}
            />

            <section aria-labelledby="fase">
              <h2 id="fase">Fase</h2>
              <PhaseForm projectId={p.id} phase={p.phase} onSaved={project.reload} />
            </section>

            <ProjectHistory projectId={p.id} version={p} />
          </>
        )}
      </Busy>
    </Page>
  );
}
