import { Link, useParams } from 'react-router-dom';
import { api, type BenefitView } from '../../api';
import { BenefitChart, BenefitTable, IndicatorChart, IndicatorFigures, RealisedFigures } from '../../components/BenefitSummary';
import { Form, TextArea, TextField, text, useFormControl } from '../../components/Form';
import { EvidenceList } from '../../components/Evidence';
import { BenefitHistory, PlanVersionsSection } from '../../components/History';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { categoryLabel, directionLabel } from '../../format/labels';
import { formatDate, todayIso } from '../../format/date';
import { formatKr } from '../../format/money';
import { formatNumber, parseNumber } from '../../format/number';
import { formatPeriod } from '../../format/period';
import { auditPath } from '../audit/AuditPage';
import { CancelForm, CorrectionForm, ForecastForm, OwnerForm } from './BenefitActions';
import { ActionsSection, RisksSection } from '../followUp/BenefitFollowUp';
import { BenefitGoals } from '../goals/BenefitGoals';
import { BenefitValue } from '../valuation/BenefitValue';

export function BenefitPage() {
  const { benefitId = '' } = useParams();
  const benefit = useApi(() => api.benefits.get(benefitId), [benefitId]);
  const project = useApi(() => (benefit.data?.projectId ? api.projects.get(benefit.data.projectId) : Promise.resolve(undefined)), [benefit.data?.projectId]);
  const units = useUnits();
  const b = benefit.data;
  return (
    <Page
      title={b ? b.title : 'Gevinst'}
      actions={b && <Link className="button primary" to={`/gevinster/${b.id}/registrer`}>Registrer måling eller realisering</Link>}
    >
      <Busy loading={benefit.loading} error={benefit.error} hasData={!!b} label="Laster gevinsten …">
        {b && (
          <>
            {b.cancelled && <div className="alert alert-error" role="status"><p><strong>Gevinsten er kansellert.</strong> Den regnes ikke lenger med i plan og regnskap, og får ingen status.</p></div>}
            <dl className="facts">
              <div><dt>Prosjekt</dt><dd>{project.data ? <Link to={`/prosjekter/${b.projectId}`}>{project.data.name}</Link> : '…'}</dd></div>
              <div><dt>Gevinstmottaker</dt><dd>{units.name(b.recipientUnitId)}</dd></div>
              <div><dt>Gevinsteier</dt><dd>{b.owner}</dd></div>
              <div><dt>Kategori</dt><dd>{categoryLabel[b.category]}{b.cashReleasing ? ', budsjettmessig' : ', ikke budsjettmessig'}</dd></div>
              <div><dt>Verdi per enhet</dt><dd>{b.valuationOrePerUnit === null ? 'Ikke prissatt' : `${formatKr(b.valuationOrePerUnit)} per ${b.unitOfMeasure}`}</dd></div>
            </dl>
            {b.sharedWith.length > 0 && <SharedGains benefit={b} />}
            <p className="links"><Link to={auditPath('benefits', b.id)}>Hvem gjorde hva, når</Link></p>
            <BenefitGoals benefitId={b.id} canLink={!b.cancelled} />

            <section aria-labelledby="indikator" className="benefit-part">
              <h2 id="indikator">Indikator: målt verdi</h2>
              <p className="explain">
                Indikatoren <strong>{b.indicator ?? b.title}</strong> ({b.unitOfMeasure}, {directionLabel[b.direction].toLowerCase()}) måles fra nullpunktet mot målet.
                Den viser om situasjonen endrer seg – den er ikke den realiserte gevinsten.
              </p>
              <IndicatorFigures benefit={b} />
              <IndicatorChart benefit={b} />
              <h3 id="maalinger">Målinger av indikatoren</h3>
              {b.measurements.length ? (
                <TableWrap label="Målinger av indikatoren">
                  <table>
                    <caption className="visually-hidden">Målinger av indikatoren</caption>
                    <thead><tr><th scope="col">Målt</th><th scope="col">Periode</th><th scope="col" className="num">Målt verdi ({b.unitOfMeasure})</th></tr></thead>
                    <tbody>
                      {b.measurements.map((m, i) => (
                        <tr key={i}><th scope="row">{formatDate(m.measuredOn)}</th><td>{formatPeriod(m.period)}</td><td className="num">{formatNumber(m.value)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              ) : <p>Ingen målinger ennå.</p>}
              <h3 id="nullpunkt">Nullpunktsmåling</h3>
              <p>Nåværende nullpunkt: <strong>{b.baseline === null ? 'ikke registrert' : `${formatNumber(b.baseline)} ${b.unitOfMeasure}`}</strong></p>
              <BaselineForm benefitId={b.id} remeasure={b.baselineMeasuredOn !== null} onSaved={benefit.reload} />
            </section>

            <section aria-labelledby="realisert" className="benefit-part">
              <h2 id="realisert">Realisert gevinst: plan mot realisert</h2>
              <p className="explain">
                Hvor mye gevinst som er tatt ut per periode, i {b.unitOfMeasure}, mot det som er planlagt
                {b.valuationOrePerUnit !== null ? <>, og verdien i kroner ({formatKr(b.valuationOrePerUnit)} per {b.unitOfMeasure})</> : ''}.
                Status per periode er realisert i prosent av planlagt{project.data ? ` (ønsket ≥ ${project.data.thresholds.greenPct} %, akseptabelt ≥ ${project.data.thresholds.yellowPct} %)` : ''}.
              </p>
              <RealisedFigures benefit={b} />
              <BenefitChart benefit={b} withTable={false} />
              <h3 id="per-periode">Per periode</h3>
              <BenefitTable benefit={b} />
            </section>

            <BenefitValue benefitId={b.id} />

            <EvidenceList benefit={b} />

            {!b.unplanned && <ActionsSection benefit={b} />}
            {!b.unplanned && <RisksSection benefit={b} />}

            {b.withdrawals.length > 0 && (
              <section aria-labelledby="uttak">
                <h2 id="uttak">Gevinstuttak</h2>
                <TableWrap label="Gevinstuttak">
                  <table>
                    <caption className="visually-hidden">Gevinstuttak fra budsjettet</caption>
                    <thead><tr><th scope="col">Periode</th><th scope="col">Saksnummer</th><th scope="col" className="num">Beløp</th></tr></thead>
                    <tbody>
                      {b.withdrawals.map((w, i) => (
                        <tr key={i}><th scope="row">{formatPeriod(w.period)}</th><td>{w.saksnummer ?? '–'}</td><td className="num">{formatKr(w.amountOre)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </section>
            )}
            {/* only a cash-releasing (budget) gain can be taken out of a budget */}
            {b.cashReleasing && b.category === 'budget' && !b.cancelled && <p><Link to={`/okonomi/gevinstuttak?gevinst=${b.id}`}>Registrer gevinstuttak for denne gevinsten</Link></p>}

            {!b.unplanned && (
              <PlanVersionsSection benefitId={b.id} version={b} canApprove={!b.cancelled} onApproved={benefit.reload} />
            )}

            {!b.cancelled && (
              <section aria-labelledby="endringer">
                <h2 id="endringer">Endre gevinsten</h2>
                <h3>Revider prognosen</h3>
                <ForecastForm key={JSON.stringify(b.plan)} benefit={b} onSaved={benefit.reload} />
                {b.realisations.length > 0 && (
                  <>
                    <h3>Korriger realisert gevinst</h3>
                    <CorrectionForm benefit={b} onSaved={benefit.reload} />
                  </>
                )}
                <h3>Bytt gevinsteier</h3>
                <OwnerForm key={b.owner} benefit={b} onSaved={benefit.reload} />
                <h3>Kanseller gevinsten</h3>
                <CancelForm benefit={b} onSaved={benefit.reload} />
              </section>
            )}

            <BenefitHistory benefitId={b.id} version={b} />
          </>
        )}
      </Busy>
    </Page>
  );
}

/** «Delt gevinst»: the gains this benefit shares with benefits of other projects, and how (BenefitOverlapDeclared). */
function SharedGains({ benefit: b }: { benefit: BenefitView }) {
  return (
    <section aria-labelledby="delt-gevinst" className="benefit-part">
      <h2 id="delt-gevinst">Delt gevinst</h2>
      <p className="explain">
        Gevinsten gjelder samme mottakerenhet, indikator og måleenhet som gevinster i andre prosjekter. Andelene sier hvor mye av den felles gevinsten hver av dem regner seg, så den ikke telles to ganger.
      </p>
      <TableWrap label="Delt gevinst">
        <table>
          <caption className="visually-hidden">Gevinster denne gevinsten deles med</caption>
          <thead>
            <tr>
              <th scope="col">Delt med</th>
              <th scope="col">Prosjekt</th>
              <th scope="col" className="num">Denne gevinstens andel</th>
              <th scope="col" className="num">Den andres andel</th>
              <th scope="col">Oppgitt</th>
            </tr>
          </thead>
          <tbody>
            {b.sharedWith.map((s) => (
              <tr key={s.benefitId}>
                <th scope="row">
                  <Link to={`/gevinster/${s.benefitId}`}>{s.title}</Link>
                  {s.otherCancelled && ' (kansellert)'}
                </th>
                <td>{s.projectId ? <Link to={`/prosjekter/${s.projectId}`}>{s.projectName ?? s.projectId}</Link> : '–'}</td>
                <td className="num">{formatNumber(s.sharePercent)} %</td>
                <td className="num">{formatNumber(s.otherSharePercent)} %</td>
                <td>{s.declaredHere ? 'da denne gevinsten ble planlagt' : 'da den andre gevinsten ble planlagt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** `remeasure`: a baseline was measured before, so the new one needs a reason */
function BaselineForm({ benefitId, remeasure, onSaved }: { benefitId: string; remeasure: boolean; onSaved: () => void }) {
  const control = useFormControl();
  return (
    <Form
      control={control}
      prefix="nullpunkt"
      label="Registrer nullpunkt"
      submitLabel="Registrer nullpunkt"
      onSubmit={(data, form) => {
        const value = parseNumber(text(data, 'value') ?? '');
        if (value === null) return control.fail({ value: 'Nullpunktet må være et tall, f.eks. 7,5.' });
        return control.run(async () => {
          await api.benefits.measureBaseline(benefitId, { value, measuredOn: text(data, 'measuredOn') ?? '', reason: text(data, 'reason') });
          form.reset();
          onSaved();
        });
      }}
    >
      <div className="row">
        <TextField name="value" label="Målt verdi" inputMode="decimal" required />
        <TextField name="measuredOn" label="Målt dato" type="date" required defaultValue={todayIso()} />
      </div>
      {remeasure && <TextArea name="reason" label="Begrunnelse for nytt nullpunkt" hint="Nullpunktet er målt før: si hvorfor det måles på nytt" required />}
    </Form>
  );
}
