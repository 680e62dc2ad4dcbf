import { Link } from 'react-router-dom';
import type { Imbalance, Span } from '../../../api';
import { TableWrap } from '../../../components/Table';
import { formatKr } from '../../../format/money';
import { traceLink } from './traceLink';

/** Who carries the cost and who gets the gain, per unit. */
export function ImbalancesSection({ span, imbalances, name }: { span: Span; imbalances: Imbalance[]; name: (id: string) => string }) {
  return (
    <section aria-labelledby="ubalanser">
      <h2 id="ubalanser">Ubalanser: hvem bærer kostnaden, hvem får gevinsten</h2>
      {imbalances.length === 0 ? <p>Ingen enhet bærer mer kostnad enn den har fått i gevinst på dette nivået i perioden.</p> : (
      <TableWrap label="Ubalanser">
        <table>
          <caption className="visually-hidden">Kostnader, mottatt gevinst og netto per enhet</caption>
          <thead><tr><th scope="col">Enhet</th><th scope="col" className="num">Kostnader</th><th scope="col" className="num">Mottatt gevinst</th><th scope="col" className="num">Netto</th><th scope="col">Gevinsten gikk til</th></tr></thead>
          <tbody>
            {imbalances.map((row) => (
              <tr key={row.unitId}>
                <th scope="row">{name(row.unitId)}</th>
                <td className="num">{formatKr(row.costsOre)}</td>
                <td className="num">{formatKr(row.gainsReceivedOre)}</td>
                <td className={`num ${row.netOre < 0 ? 'negative' : ''}`}>{formatKr(row.netOre)}</td>
                <td>{row.gainsTo.length ? row.gainsTo.map((g) => (
                  <span key={g.unitId} className="chip"><Link to={traceLink(span, row.unitId, g.unitId)}>{name(g.unitId)}: {formatKr(g.ore)}</Link></span>
                )) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      )}
    </section>
  );
}
