import { Link } from 'react-router-dom';
import { api, type MissingBenefit } from '../../api';
import { Busy } from '../../components/Loading';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { formatPeriod } from '../../format/period';

const whatLabel = { realisation: 'realisert gevinst', measurement: 'måling' } as const;

/** What one benefit still misses for the tertial, each value with a link to record it. */
function MissingRow({ benefit }: { benefit: MissingBenefit }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/gevinster/${encodeURIComponent(benefit.benefitId)}`}>{benefit.benefitTitle}</Link>
      </th>
      <td>{benefit.projectId ? <Link to={`/prosjekter/${encodeURIComponent(benefit.projectId)}`}>{benefit.projectName ?? 'Prosjekt'}</Link> : '–'}</td>
      <td>{benefit.owner ?? 'Ingen eier'}</td>
      <td>
        <ul className="plain">
          {benefit.missing.map((m) => (
            <li key={`${m.period}-${m.what}`}>
              <Link to={`/gevinster/${encodeURIComponent(benefit.benefitId)}/registrer?periode=${encodeURIComponent(m.period)}`}>
                {whatLabel[m.what]} for {formatPeriod(m.period)}
              </Link>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/**
 * What is still not recorded for a tertial before its report deadline (`GET /api/calendar/:period/missing`),
 * cut to the units the reader may see: the benefit, its project, its owner and the values missing.
 * Also meant for the tertial report page.
 */
export function MissingBeforeDeadline({ period, unitId }: { period: string; unitId?: string | null }) {
  const missing = useApi(() => api.calendar.missing(period, unitId), [period, unitId]);
  const data = missing.data;
  return (
    <Busy loading={missing.loading} error={missing.error} hasData={!!data} label="Laster det som mangler …">
      {data &&
        (data.benefits.length === 0 ? (
          <p>Alt er registrert for {formatPeriod(period)}.</p>
        ) : (
          <>
            <p>
              {data.missingCount} {data.missingCount === 1 ? 'verdi mangler' : 'verdier mangler'} for {formatPeriod(period)} på {data.benefits.length}{' '}
              {data.benefits.length === 1 ? 'gevinst' : 'gevinster'}.
            </p>
            <TableWrap label={`Det som mangler for ${formatPeriod(period)}`}>
            <table>
              <caption className="visually-hidden">Det som mangler for {formatPeriod(period)}</caption>
              <thead>
                <tr>
                  <th scope="col">Gevinst</th>
                  <th scope="col">Prosjekt</th>
                  <th scope="col">Gevinsteier</th>
                  <th scope="col">Mangler</th>
                </tr>
              </thead>
              <tbody>
                {data.benefits.map((b) => (
                  <MissingRow key={b.benefitId} benefit={b} />
                ))}
              </tbody>
            </table>
            </TableWrap>
          </>
        ))}
    </Busy>
  );
}
