import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatKr } from '../../format/money';
import { useKeepsSettings } from '../../hooks/useMe';
import { valuationApi, type CostBenefitReportAnswer } from './api';
import { CostBenefitSettings } from './CostBenefitSettings';

const factor = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
const decimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 4 });
const pct = (value: number) => `${decimal.format(value)} %`;

type Scenario = keyof CostBenefitReportAnswer['scenarios'];
const scenarios: { key: Scenario; label: string }[] = [
  { key: 'planned', label: 'Planlagt' },
  { key: 'forecast', label: 'Prognose' },
  { key: 'realised', label: 'Realisert så langt' },
];

function KeyFigures({ r }: { r: CostBenefitReportAnswer }) {
  const row = (label: string, value: (s: Scenario) => string) => (
    <tr>
      <th scope="row">{label}</th>
      {scenarios.map((s) => (
        <td key={s.key} className="num">{value(s.key)}</td>
      ))}
    </tr>
  );
  return (
    <TableWrap label="Nåverdier">
      <table className="cost-benefit-summary">
        <caption>Nåverdier i faste {r.parameters.priceYear}-kroner, diskontert til {r.parameters.from}</caption>
        <thead>
          <tr>
            <th scope="col">Størrelse</th>
            {scenarios.map((s) => (
              <th key={s.key} scope="col" className="num">{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {row('Nåverdi av kostnader (uten mva)', (s) => formatKr(r.scenarios[s].pvCostsOre))}
          {row('Mva (egen linje, løpende priser)', (s) => formatKr(r.scenarios[s].mvaOre))}
          {row('Nåverdi av prissatte gevinster', (s) => formatKr(r.scenarios[s].pvBenefitsOre))}
          {row('– herav budsjettmessige', (s) => formatKr(r.scenarios[s].pvCashReleasingOre))}
          {row('Netto nåverdi', (s) => formatKr(r.scenarios[s].npvOre))}
          {row('Tilbakebetalingsår', (s) => (r.scenarios[s].paybackYear === null ? 'ikke innen perioden' : String(r.scenarios[s].paybackYear)))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function YearTable({ r }: { r: CostBenefitReportAnswer }) {
  const f = r.scenarios.forecast;
  return (
    <TableWrap label="Årlige strømmer, prognose">
      <table className="cost-benefit-years">
        <caption>Årlige strømmer (prognose: realisert der perioden er realisert, ellers siste plan)</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col" className="num">Prisindeks</th>
            <th scope="col" className="num">Kostnader (løpende)</th>
            <th scope="col" className="num">Mva</th>
            <th scope="col" className="num">Kostnader (faste priser)</th>
            <th scope="col" className="num">Gevinster (faste priser)</th>
            <th scope="col" className="num">Diskonteringsfaktor</th>
            <th scope="col" className="num">Nåverdi kostnader</th>
            <th scope="col" className="num">Nåverdi gevinster</th>
            <th scope="col" className="num">Netto</th>
            <th scope="col" className="num">Akkumulert</th>
          </tr>
        </thead>
        <tbody>
          {f.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{y.index === null ? '–' : `${decimal.format(y.index)}${y.indexYear !== y.year ? ` (${y.indexYear})` : ''}`}</td>
              <td className="num">{formatKr(y.costsNominalOre)}</td>
              <td className="num">{formatKr(y.mvaOre)}</td>
              <td className="num">{formatKr(y.costsRealOre)}</td>
              <td className="num">{formatKr(y.benefitsRealOre)}</td>
              <td className="num">{factor.format(y.discountFactor)}</td>
              <td className="num">{formatKr(y.costsPvOre)}</td>
              <td className="num">{formatKr(y.benefitsPvOre)}</td>
              <td className="num">{formatKr(y.netPvOre)}</td>
              <td className="num">{formatKr(y.cumulativeNetPvOre)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Sum</th>
            <td />
            <td className="num">{formatKr(f.costsNominalOre)}</td>
            <td className="num">{formatKr(f.mvaOre)}</td>
            <td />
            <td />
            <td />
            <td className="num">{formatKr(f.pvCostsOre)}</td>
            <td className="num">{formatKr(f.pvBenefitsOre)}</td>
            <td className="num">{formatKr(f.npvOre)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

function Sensitivity({ r }: { r: CostBenefitReportAnswer }) {
  return (
    <TableWrap label="Følsomhet">
      <table className="cost-benefit-sensitivity">
        <caption>Følsomhet (prognose): netto nåverdi når én størrelse endres</caption>
        <thead>
          <tr>
            <th scope="col">Endring</th>
            <th scope="col" className="num">Nåverdi kostnader</th>
            <th scope="col" className="num">Nåverdi gevinster</th>
            <th scope="col" className="num">Netto nåverdi</th>
          </tr>
        </thead>
        <tbody>
          {r.sensitivity.map((s) => (
            <tr key={s.case}>
              <th scope="row">{s.label}</th>
              <td className="num">{formatKr(s.pvCostsOre)}</td>
              <td className="num">{formatKr(s.pvBenefitsOre)}</td>
              <td className="num">{formatKr(s.npvOre)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** `/kost-nytte`: kost/nytte for the portfolio, or a project (`?prosjekt=`), with the parameters a person may change. */
export function CostBenefitPage() {
  const [search, setSearch] = useSearchParams();
  const project = search.get('prosjekt');
  const params = { from: search.get('fra'), years: search.get('ar'), rate: search.get('rente'), priceYear: search.get('prisar') };
  const projects = useApi(() => api.projects.list(), []);
  const report = useApi(() => valuationApi.costBenefit({ project, ...params }), [project, params.from, params.years, params.rate, params.priceYear]);
  const r = report.data;
  const keepsSettings = useKeepsSettings();
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next = new URLSearchParams();
    for (const field of ['prosjekt', 'fra', 'ar', 'rente', 'prisar']) {
      const raw = data.get(field);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value) next.set(field, value);
    }
    setSearch(next);
  };
  return (
    <Page
      title="Kost/nytte"
      intro={
        <p>
          Nåverdien av kostnader og prissatte gevinster over analyseperioden, i faste priser, diskontert med en reell kalkulasjonsrente
          (DFØs veileder: 4 %). Frigjort tid er verdsatt med mottakerenhetens timesats. Ikke-prissatte gevinster er ikke med i nåverdien.
        </p>
      }
    >
      <form
        className="cost-benefit-params"
        aria-label="Parametre"
        onSubmit={(e) => {
          e.preventDefault();
          apply(e.currentTarget);
        }}
      >
        <div className="row">
          <label>
            Prosjekt
            <select name="prosjekt" defaultValue={project ?? ''} key={`p-${project ?? ''}-${projects.data?.length ?? 0}`}>
              <option value="">Hele porteføljen</option>
              {(projects.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>{p.name}</option>
              ))}
            </select>
          </label>
          <label>
            Første år
            <input name="fra" inputMode="numeric" size={6} defaultValue={params.from ?? ''} placeholder={r ? String(r.parameters.from) : ''} />
          </label>
          <label>
            Analyseperiode (år)
            <input name="ar" inputMode="numeric" size={4} defaultValue={params.years ?? ''} placeholder={r ? String(r.parameters.years) : ''} />
          </label>
          <label>
            Kalkulasjonsrente (%)
            <input name="rente" inputMode="decimal" size={5} defaultValue={params.rate ?? ''} placeholder={r ? decimal.format(r.parameters.discountRatePct) : ''} />
          </label>
          <label>
            Prisår
            <input name="prisar" inputMode="numeric" size={6} defaultValue={params.priceYear ?? ''} placeholder={r ? String(r.parameters.priceYear) : ''} />
          </label>
        </div>
        <p>
          <button type="submit">Beregn</button>
        </p>
      </form>
      <Busy loading={report.loading} error={report.error} hasData={!!r}>
        {r && (
          <>
            <h2 id="kost-nytte-omfang">
              {r.scope.projectId ? <Link to={`/prosjekter/${encodeURIComponent(r.scope.projectId)}`}>{r.scope.name}</Link> : r.scope.name}
            </h2>
            <p className="cost-benefit-assumptions">
              Analyseperiode {r.parameters.from}–{r.parameters.from + r.parameters.years - 1} ({r.parameters.years} år), kalkulasjonsrente{' '}
              {pct(r.parameters.discountRatePct)}, faste {r.parameters.priceYear}-priser
              {r.parameters.defaultsSet ? ' (installasjonens standardverdier der ikke annet er valgt)' : ' (DFØs standardverdier der ikke annet er valgt)'}.
            </p>
            <KeyFigures r={r} />
            <h3>Årlige strømmer</h3>
            <YearTable r={r} />
            <h3>Følsomhet</h3>
            <Sensitivity r={r} />
            {r.ratesUsed.length > 0 && (
              <>
                <h3>Timesatser brukt</h3>
                <ul className="rates-used">
                  {r.ratesUsed.map((rate) => (
                    <li key={`${rate.rateUnitId}-${rate.rateYear}`}>
                      {rate.rateUnitName} {rate.rateYear}: {formatKr(rate.rateOre)} per time
                      {rate.source?.note ? `, kilde: ${rate.source.note}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {r.parameters.priceIndexSources.length > 0 && (
              <p>
                Prisindeks: {r.parameters.priceIndexSources.map((i) => `${i.year}: ${decimal.format(i.index)} (${i.source})`).join('; ')}
              </p>
            )}
            <ul className="notes">
              {r.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </Busy>
      {keepsSettings && <CostBenefitSettings onChanged={report.reload} />}
    </Page>
  );
}
