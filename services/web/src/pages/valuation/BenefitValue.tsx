import { Busy } from '../../components/Loading';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatKr } from '../../format/money';
import { formatNumber } from '../../format/number';
import { valuationApi } from './api';

/**
 * On the benefit page: a benefit measured in time, valued in kroner per budget year with the timesats,
 * the unit and year it was set for and its source («1 250 timer × kr 612 = kr 765 000, timesats 2026 …»).
 */
export function BenefitValue({ benefitId }: { benefitId: string }) {
  const v = useApi(() => valuationApi.benefit(benefitId), [benefitId]);
  if (v.data && !v.data.timeMeasured) return null;
  return (
    <section aria-labelledby="verdi-kroner" className="benefit-part">
      <h2 id="verdi-kroner">Verdi i kroner (timesats)</h2>
      <Busy loading={v.loading} error={v.error} hasData={!!v.data}>
        {v.data && (
          <>
            <p className="explain">
              Frigjort tid verdsatt med mottakerenhetens timesats for hvert budsjettår.{' '}
              {v.data.cashReleasing ? 'Gevinsten er budsjettmessig (kontantfrigjørende).' : 'Frigjort tid er ikke kontantfrigjørende: den kan ikke tas ut av budsjettet.'}
            </p>
            <TableWrap label="Verdi i kroner per år">
              <table>
                <thead>
                  <tr>
                    <th scope="col">År</th>
                    <th scope="col" className="num">Timer (prognose)</th>
                    <th scope="col" className="num">Verdi (prognose)</th>
                    <th scope="col" className="num">Realisert</th>
                    <th scope="col">Utregning og kilde</th>
                  </tr>
                </thead>
                <tbody>
                  {v.data.years.map((y) => (
                    <tr key={y.year}>
                      <th scope="row">{y.year}</th>
                      <td className="num">{formatNumber(y.hours)}</td>
                      <td className="num">{formatKr(y.forecastOre)}</td>
                      <td className="num">{formatKr(y.realisedOre)}</td>
                      <td>{y.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </>
        )}
      </Busy>
    </section>
  );
}
