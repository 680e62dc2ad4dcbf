import { api, type AuditEntry, type AuditSubject } from '../api';
import { describeAuditEntry, formatAuditTime } from '../format/audit';
import { roleText } from '../format/labels';
import { useApi } from '../hooks/useApi';
import { useUnits } from '../hooks/useUnits';
import { Loading } from './Loading';
import { NotLoggedIn } from './Login';
import { TableWrap } from './Table';

const newestFirst = (a: AuditEntry, b: AuditEntry) => b.at.localeCompare(a.at) || b.position.localeCompare(a.position, undefined, { numeric: true });

/** Hvem gjorde hva, når: every recorded fact about one project, benefit or unit, newest first. */
export function AuditTrail({ subject, id, label }: { subject: AuditSubject; id: string; label: string }) {
  const trail = useApi(() => api.audit.of(subject, id), [subject, id]);
  const units = useUnits();
  const loading = trail.loading || units.loading;
  const entries = [...(trail.data?.entries ?? [])].sort(newestFirst);
  const error = trail.error;

  return (
    <div aria-busy={loading} className="busy">
      {loading && <Loading label="Henter hvem som gjorde hva …" />}
      {!loading && error && (
        error.status === 401 ? <NotLoggedIn /> : (
          <div className="alert alert-error" role="alert">
            <p>
              {error.status === 404
                ? 'Revisjonssporet finnes ikke for dette, eller tjenesten viser det ikke ennå.'
                : error.status === 403
                  ? `Du har ikke tilgang til revisjonssporet. ${error.message}`
                  : error.message}
            </p>
          </div>
        )
      )}
      {!loading && trail.data && (entries.length === 0 ? <p>Ingen hendelser er registrert.</p> : (
        <TableWrap label={label}>
          <table className="audit">
            <caption className="visually-hidden">{label}, nyeste først</caption>
            <thead>
              <tr><th scope="col">Når</th><th scope="col">Hvem</th><th scope="col">Rolle</th><th scope="col">Hva</th></tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.position}>
                  <td className="nowrap"><time dateTime={entry.at}>{formatAuditTime(entry.at)}</time></td>
                  <td>{entry.userName ?? entry.userId}{entry.userName && entry.userName !== entry.userId && <span className="muted"> ({entry.userId})</span>}</td>
                  <td>{entry.role ? roleText(entry.role) : '–'}</td>
                  <td>{describeAuditEntry(entry, (unitId) => units.name(unitId))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ))}
    </div>
  );
}
