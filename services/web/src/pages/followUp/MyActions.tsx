import { Link } from 'react-router-dom';
import { api } from '../../api';
import { Busy } from '../../components/Loading';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatDate } from '../../format/date';
import { actionStatusLabel } from '../../format/labels';

/** «Mine tiltak» on /mine-gevinster: the person's actions (theirs, or on benefits they own), overdue first. */
export function MyActions({ owner }: { owner: string }) {
  const actions = useApi(() => api.followUp.mine({ owner }), [owner]);
  const list = actions.data ?? [];
  const overdue = list.filter((a) => a.overdue).length;
  return (
    <section aria-labelledby="mine-tiltak">
      <h2 id="mine-tiltak">Mine tiltak{list.length > 0 && <> ({list.length}{overdue > 0 && <>, <span className="due-badge due-overdue">{overdue} forfalt</span></>})</>}</h2>
      <Busy loading={actions.loading} error={actions.error} hasData={!!actions.data} label="Laster tiltakene …">
        {list.length === 0 ? <p>Ingen tiltak for {owner}.</p> : (
          <TableWrap label="Mine tiltak">
            <table>
              <caption className="visually-hidden">Tiltak du har ansvar for, eller som gjelder gevinster du eier; forfalte først</caption>
              <thead><tr><th scope="col">Tiltak</th><th scope="col">Gevinst</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Status</th></tr></thead>
              <tbody>
                {list.map((a) => (
                  <tr key={`${a.benefitId}-${a.actionId}`}>
                    <th scope="row">{a.title}</th>
                    <td><Link to={`/gevinster/${a.benefitId}#tiltak-del`}>{a.benefitTitle}</Link></td>
                    <td>{a.owner}</td>
                    <td>{formatDate(a.deadline)}{a.overdue && <> <span className="due-badge due-overdue">Forfalt</span></>}</td>
                    <td>{actionStatusLabel[a.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Busy>
    </section>
  );
}
