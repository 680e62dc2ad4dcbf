import { Link } from 'react-router-dom';
import { api } from '../../api';
import { AsOfComparison, AsOfPicker, useAsOf, type ComparedRow } from '../../components/AsOf';
import { OrgPicker, orgText, useOrg } from '../../components/Org';
import { Downloads } from '../../components/Downloads';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { levelLabel, SpanPicker, useSpan } from '../../components/SpanPicker';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatPeriod } from '../../format/period';
import { formatDate } from '../../format/date';
import { BalancesSection } from './ledger/BalancesSection';
import { FlowsSection } from './ledger/FlowsSection';
import { ImbalancesSection } from './ledger/ImbalancesSection';
import { MatrixSection } from './ledger/MatrixSection';

/** Per unit, then and now (a unit missing on one side counts 0 there). */
function compareByUnit<T extends { unitId: string }>(then: T[], now: T[], value: (row: T) => number, name: (id: string) => string): ComparedRow[] {
  const ids = [...new Set([...now.map((r) => r.unitId), ...then.map((r) => r.unitId)])];
  const of = (rows: T[], id: string) => { const row = rows.find((r) => r.unitId === id); return row ? value(row) : 0; };
  return ids.map((id) => ({ key: id, label: name(id), then: of(then, id), now: of(now, id) }));
}

export function LedgerPage() {
  // level 0 is the whole municipality as one unit, where nothing crosses: the page opens one level down
  const [spanOnly, setSpan] = useSpan(1);
  const [org, setOrg] = useOrg();
  // «Slik organisasjonen var»: every figure below is placed by the chosen unit tree
  const span = { ...spanOnly, org };
  const units = useUnits();
  const key = [span.from, span.to, span.level, org];
  const data = useApi(async () => {
    const [flows, matrix, imbalances, balances] = await Promise.all([
      api.ledger.flows(span), api.ledger.matrix(span), api.ledger.imbalances(span), api.ledger.balances(span),
    ]);
    return { flows, matrix, imbalances, balances };
  }, key);
  const [asOf, setAsOf] = useAsOf();
  const past = useApi(async () => {
    if (!asOf) return null;
    const [balances, flows] = await Promise.all([api.ledger.balances({ ...span, asOf }), api.ledger.flows({ ...span, asOf })]);
    return { balances, flows };
  }, [...key, asOf]);
  const name = units.name;
  const d = data.data;

  const spanText = `${formatPeriod(span.from)}–${formatPeriod(span.to)}`;
  const deepest = Math.max(0, ...units.units.map((unit) => unit.depth));
  // the downloads as shown: the same span, organisation and date
  const dl = { ...span, asOf };

  return (
    <Page
      title="Gevinstregnskap på tvers av enheter"
      intro={<p>Hvem betalte, hvem fikk gevinsten, og hva er tatt ut eller avregnet. Velg et tall for å se hendelsene bak det.</p>}
      actions={<><Link className="button" to="/okonomi/gevinstuttak">Registrer gevinstuttak</Link> <Link className="button" to="/okonomi/avregning">Registrer avregning</Link></>}
    >
      <SpanPicker span={spanOnly} onChange={setSpan} units={units.units} />
      <p className="showing" data-testid="viser">Viser {spanText}, {levelLabel(span.level).replace(/^Nivå/, 'nivå')}, {orgText(org)}.</p>
      <OrgPicker org={org} onChange={setOrg} />
      <AsOfPicker asOf={asOf} onChange={setAsOf} check={(date) => api.ledger.balances({ ...span, asOf: date })} />
      <Downloads
        id="last-ned"
        title={`Last ned gevinstregnskapet, ${spanText}, nivå ${span.level}${asOf ? `, slik det sto ${formatDate(asOf)}` : ''}`}
        links={[
          { href: api.downloads.ledger('xlsx', dl), label: 'Hele regnskapet', format: 'XLSX' },
          { href: api.downloads.ledger('csv', dl, 'flows'), label: 'Strømmer', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'matrix'), label: 'Matrise', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'units'), label: 'Per enhet', format: 'CSV' },
          { href: api.downloads.ledger('csv', dl, 'balances'), label: 'Saldo', format: 'CSV' },
        ]}
      />
      {asOf && (
        <Busy loading={past.loading || data.loading} error={past.error} hasData={!!past.data && !!d} label="Henter tallene slik de sto …">
          {past.data && d && (
            <>
              <AsOfComparison
                id="sammenlign-realisert"
                title={`Realisert gevinst per enhet: ${formatDate(asOf)} mot i dag`}
                caption={`Realisert gevinst per mottakende enhet, ${spanText}, slik det sto ${formatDate(asOf)} og slik det er kjent i dag, med endringen`}
                asOf={asOf}
                rowHeader="Enhet"
                rows={compareByUnit(past.data.balances, d.balances, (row) => row.realisedOre, name)}
                empty="Ingen enheter har plan eller realisert gevinst i perioden."
              />
              <AsOfComparison
                id="sammenlign-netto"
                title={`Netto per enhet (gevinst minus kostnader): ${formatDate(asOf)} mot i dag`}
                caption={`Netto per enhet, ${spanText}, slik det sto ${formatDate(asOf)} og slik det er kjent i dag, med endringen`}
                asOf={asOf}
                rowHeader="Enhet"
                rows={compareByUnit(past.data.flows.units, d.flows.units, (row) => row.netOre, name)}
                empty="Ingen kostnader eller gevinster i perioden."
              />
              <p>Resten av siden viser regnskapet slik det er kjent i dag.</p>
            </>
          )}
        </Busy>
      )}
      <Busy loading={data.loading} error={data.error} hasData={!!d} label="Beregner gevinstregnskapet …">
        {d && (
          <>
            <FlowsSection span={span} spanText={spanText} flows={d.flows} matrix={d.matrix} name={name} deepest={deepest} />
            <MatrixSection span={span} spanText={spanText} matrix={d.matrix} name={name} />
            <ImbalancesSection span={span} imbalances={d.imbalances} name={name} />
            <BalancesSection span={span} balances={d.balances} name={name} />
          </>
        )}
      </Busy>
    </Page>
  );
}
