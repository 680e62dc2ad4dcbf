import { Link } from 'react-router-dom';
import { api, type OverlapSide } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatInstant } from '../../format/date';

const percent = (n: number) => `${n.toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;

function Side({ side }: { side: OverlapSide }) {
  return (
    <>
      <Link to={`/gevinster/${side.benefitId}`}>{side.title}</Link>
      {side.cancelled && ' (kansellert)'}
      <br />
      <span className="hint">
        Prosjekt: <Link to={`/prosjekter/${side.projectId}`}>{side.projectName ?? side.projectId}</Link>
      </span>
    </>
  );
}

/** «Delte gevinster»: every gain two projects' benefits claim, and how they share it (GET /api/portfolio/overlaps). */
export function SharedGains() {
  const overlaps = useApi(() => api.portfolio.overlaps(), []);
  const rows = overlaps.data;
  return (
    <Page
      title="Delte gevinster"
      intro={
        <p>
          Gevinster som to prosjekter regner med hos samme mottakerenhet, på samme indikator og måleenhet i overlappende perioder, og hvordan
          de er delt. En gevinst som ikke er delt, kan ikke planlegges i et annet prosjekt – da ville den telt to ganger i målekortet.{' '}
          <Link to="/ledelse">Tilbake til målekortet</Link>.
        </p>
      }
    >
      <Busy loading={overlaps.loading} error={overlaps.error} hasData={!!rows} label="Laster delte gevinster …">
        {rows &&
          (rows.length === 0 ? (
            <p>Ingen delte gevinster er registrert.</p>
          ) : (
            <TableWrap label="Delte gevinster">
              <table>
                <caption>Delte gevinster, nyeste først: de to gevinstene med prosjekt og andel, mottaker og indikator</caption>
                <thead>
                  <tr>
                    <th scope="col">Gevinst</th>
                    <th scope="col">Andel</th>
                    <th scope="col">Deles med</th>
                    <th scope="col">Andel</th>
                    <th scope="col">Mottaker</th>
                    <th scope="col">Indikator (måleenhet)</th>
                    <th scope="col">Registrert</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((o) => (
                    <tr key={`${o.benefit.benefitId}-${o.other.benefitId}`}>
                      <td><Side side={o.benefit} /></td>
                      <td className="num">{percent(o.benefit.sharePercent)}</td>
                      <td><Side side={o.other} /></td>
                      <td className="num">{percent(o.other.sharePercent)}</td>
                      <td><Link to={`/enheter/${o.recipientUnitId}`}>{o.recipientUnitName ?? o.recipientUnitId}</Link></td>
                      <td>{o.indicator} ({o.unitOfMeasure})</td>
                      <td>{formatInstant(o.declaredAt)}{o.declaredBy && <><br /><span className="hint">{o.declaredBy}</span></>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ))}
      </Busy>
    </Page>
  );
}
