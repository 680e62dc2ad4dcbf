import { Link } from 'react-router-dom';
import type { Balance, Span } from '../../../api';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { traceLink } from './traceLink';

/** Planned, realised, withdrawn, settled and open, per receiving unit. */
export function BalancesSection({ span, balances, name }: { span: Span; balances: Balance[]; name: (id: string) => string }) {
  return (
    <section aria-labelledby="balanser">
      <h2 id="balanser">Planlagt, realisert, tatt ut, avregnet og åpent</h2>
      <TableWrap label="Balanser per enhet">
        <table>
          <caption className="visually-hidden">Balanse per mottakende enhet</caption>
          <thead>
            <tr>
              <th scope="col">Enhet</th><th scope="col" className="num">Planlagt</th><th scope="col" className="num">Realisert</th>
              <th scope="col" className="num">Herav budsjettmessig</th><th scope="col" className="num">Tatt ut</th>
              <th scope="col" className="num">Avregnet inn</th><th scope="col" className="num">Avregnet ut</th><th scope="col" className="num">Åpent</th>
            </tr>
          </thead>
          <tbody>
            {balances.map((row) => (
              <tr key={row.unitId}>
                <th scope="row"><Link to={traceLink(span, undefined, row.unitId)}>{name(row.unitId)}</Link></th>
                <td className="num">{formatKr(row.plannedOre)}</td>
                <td className="num">{formatKr(row.realisedOre)}</td>
                <td className="num">{formatKr(row.cashReleasingOre)}</td>
                <td className="num">{formatKr(row.withdrawnOre)}</td>
                <td className="num">{formatKr(row.settledInOre)}</td>
                <td className="num">{formatKr(row.settledOutOre)}</td>
                <td className="num"><strong>{formatKr(row.openOre)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
