import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { spanQuery, useSpan } from '../../components/SpanPicker';
import { orgText, useOrg } from '../../components/Org';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { eventLabel } from '../../format/labels';
import { formatInstant } from '../../format/date';
import { formatKrExact } from '../../format/money';
import { formatPeriod } from '../../format/period';

/** The events behind a figure in the ledger: stream, revision, who, when, saksnummer. */
export function TracePage() {
  const [spanOnly] = useSpan();
  const [org] = useOrg();
  const span = { ...spanOnly, org };
  const [params] = useSearchParams();
  const fromUnitId = params.get('fraEnhet') ?? undefined;
  const toUnitId = params.get('tilEnhet') ?? undefined;
  const units = useUnits();
  const trace = useApi(() => api.ledger.trace({ ...span, fromUnitId, toUnitId }), [span.from, span.to, span.level, org, fromUnitId, toUnitId]);
  const what = [fromUnitId && `betalt av ${units.name(fromUnitId)}`, toUnitId && `gevinst hos ${units.name(toUnitId)}`].filter(Boolean).join(', ');
  return (
    <Page title="Hendelsene bak tallet" intro={<p>{what || 'Alle enheter'}, {formatPeriod(span.from)}–{formatPeriod(span.to)}. {org && <>Fordelt etter {orgText(org)}. </>}<Link to={`/okonomi?${spanQuery(span)}${org ? `&org=${encodeURIComponent(org)}` : ''}`}>Tilbake til gevinstregnskapet</Link></p>}>
      <Busy loading={trace.loading} error={trace.error} hasData={!!trace.data} label="Henter hendelsene …">
        {trace.data?.length === 0 ? <p>Ingen hendelser bak dette tallet.</p> : (
          <TableWrap label="Hendelser">
            <table>
              <caption className="visually-hidden">Hendelser bak tallet</caption>
              <thead>
                <tr><th scope="col">Hendelse</th><th scope="col">Periode</th><th scope="col" className="num">Beløp</th><th scope="col">Saksnummer</th><th scope="col">Registrert av</th><th scope="col">Registrert</th><th scope="col">Strøm og revisjon</th></tr>
              </thead>
              <tbody>
                {trace.data?.map((entry) => (
                  <tr key={`${entry.streamName}-${entry.revision}`}>
                    <th scope="row">
                      {eventLabel[entry.type] ?? entry.type}
                      {entry.overrideReason !== null && (
                        <> <span className="override-badge" title={entry.overrideReason}>Overstyrt</span><br /><span className="hint">Begrunnelse: {entry.overrideReason}</span></>
                      )}
                    </th>
                    <td>{formatPeriod(entry.period)}</td>
                    <td className="num">{formatKrExact(entry.ore)}</td>
                    <td>{entry.saksnummer ?? '–'}</td>
                    <td>{entry.userId ?? '–'}</td>
                    <td>{formatInstant(entry.recordedAt)}</td>
                    <td><code>{entry.streamName}</code> #{String(entry.revision)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Busy>
    </Page>
  );
}
