import { Link } from 'react-router-dom';
import type { Balance, Span } from '../../../api';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { traceLink } from './traceLink';

const Kr = ({ ore, strong = false }: { ore: number; strong?: boolean }) => (
  <td className={`num ${ore < 0 ? 'negative' : ''}`}>{strong ? <strong>{formatKr(ore)}</strong> : formatKr(ore)}</td>
);

/**
 * Two questions, two tables: what of the cash-releasing gain has been taken out of budgets (gevinstuttak),
 * and what between units is still open after avregning. A settlement changes the second, never the first.
 */
export function BalancesSection({ span, balances, name }: { span: Span; balances: Balance[]; name: (id: string) => string }) {
  const between = balances.filter((row) => row.owedToUnitOre !== 0 || row.owedByUnitOre !== 0 || row.settledInOre !== 0 || row.settledOutOre !== 0);
  const unit = (row: Balance) => <th scope="row"><Link to={traceLink(span, undefined, row.unitId)}>{name(row.unitId)}</Link></th>;
  return (
    <>
      <section aria-labelledby="balanser">
        <h2 id="balanser">Planlagt, realisert og tatt ut</h2>
        <TableWrap label="Planlagt, realisert og tatt ut per enhet">
          <table>
            <caption className="visually-hidden">Planlagt, realisert og tatt ut per mottakende enhet</caption>
            <thead>
              <tr>
                <th scope="col">Enhet</th><th scope="col" className="num">Planlagt</th><th scope="col" className="num">Realisert</th>
                <th scope="col" className="num">Herav budsjettmessig</th><th scope="col" className="num">Tatt ut</th><th scope="col" className="num">Ikke tatt ut</th>
              </tr>
            </thead>
            <tbody>
              {balances.map((row) => (
                <tr key={row.unitId}>
                  {unit(row)}
                  <Kr ore={row.plannedOre} />
                  <Kr ore={row.realisedOre} />
                  <Kr ore={row.cashReleasingOre} />
                  <Kr ore={row.withdrawnOre} />
                  <Kr ore={row.openOre} strong />
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="avregning">
        <h2 id="avregning">Avregning mellom enheter: hva er åpent</h2>
        <p>
          <strong>Åpent til gode</strong> er gevinst enheten har skapt hos andre med egne penger, minus det som er avregnet inn.{' '}
          <strong>Åpent å betale</strong> er gevinst enheten har fått av andres penger, minus det som er avregnet ut.
        </p>
        {between.length === 0 ? <p>Ingen gevinst har gått mellom enheter på dette nivået i perioden, så ingenting er åpent.</p> : (
          <TableWrap label="Avregning per enhet">
            <table data-testid="apent">
              <caption className="visually-hidden">Gevinst mellom enheter, avregnet og åpent, per enhet</caption>
              <thead>
                <tr>
                  <th scope="col">Enhet</th>
                  <th scope="col" className="num">Skapt for andre</th><th scope="col" className="num">Avregnet inn</th><th scope="col" className="num">Åpent til gode</th>
                  <th scope="col" className="num">Fått av andre</th><th scope="col" className="num">Avregnet ut</th><th scope="col" className="num">Åpent å betale</th>
                </tr>
              </thead>
              <tbody>
                {between.map((row) => (
                  <tr key={row.unitId}>
                    {unit(row)}
                    <Kr ore={row.owedToUnitOre + row.settledInOre} />
                    <Kr ore={row.settledInOre} />
                    <Kr ore={row.owedToUnitOre} strong />
                    <Kr ore={row.owedByUnitOre + row.settledOutOre} />
                    <Kr ore={row.settledOutOre} />
                    <Kr ore={row.owedByUnitOre} strong />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
