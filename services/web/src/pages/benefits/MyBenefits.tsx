import { Link, useSearchParams } from 'react-router-dom';
import { api, type DueItem, type DueReminder } from '../../api';
import { text } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { LoginLink } from '../../components/Login';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useMe } from '../../hooks/useMe';
import { dueStateLabel, reminderKindLabel } from '../../format/labels';
import { formatDate, formatInstant } from '../../format/date';
import { formatPeriod } from '../../format/period';
import { MyActions } from '../followUp/MyActions';

const ORDER: DueItem['state'][] = ['overdue', 'due', 'upcoming'];

const failedText = (failure: NonNullable<DueReminder['deliveryFailed']>) =>
  `Ikke levert: e-posten kom ikke fram (gitt opp ${formatInstant(failure.at)} etter ${failure.attempts} forsøk)`;

/** Which reminders went out about this value, when, and whether the mail server took them. */
function Reminders({ reminders }: { reminders: DueReminder[] }) {
  if (!reminders.length) return <>Ingen sendt ennå</>;
  return (
    <ul className="reminder-list">
      {reminders.map((r) => (
        <li key={r.kind} className={r.deliveryFailed ? 'reminder-failed' : undefined}>
          {reminderKindLabel[r.kind] ?? r.kind}: sendt {formatInstant(r.sentAt)}
          {r.deliveredAt ? <>, levert {formatInstant(r.deliveredAt)}</> : r.deliveryFailed ? (
            <> — <strong><span aria-hidden="true">⚠ </span>{failedText(r.deliveryFailed)}</strong></>
          ) : <>, venter på levering</>}
        </li>
      ))}
    </ul>
  );
}

export function MyBenefits() {
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const owner = params.get('eier') ?? (me.state === 'known' ? me.me.email ?? '' : '');
  const at = params.get('dato') ?? undefined;
  const due = useApi(() => api.due.list({ owner: owner || undefined, at }), [owner, at]);

  return (
    <Page title="Mine gevinster" intro={<p>Det du som gevinsteier skal rapportere: forfalte først, deretter det som skal rapporteres nå og det som kommer.</p>}>
      <form
        className="filters"
        aria-label="Velg gevinsteier"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const next = new URLSearchParams(params);
          const email = text(data, 'eier') ?? '';
          if (email) next.set('eier', email); else next.delete('eier');
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="eier">Gevinsteier (e-post)</label>
          <input id="eier" name="eier" type="email" defaultValue={owner} key={owner} />
        </div>
        <button className="button" type="submit">Vis</button>
      </form>
      {!owner && me.state === 'loading' ? null : !owner ? (
        <p>Skriv inn e-postadressen din for å se gevinstene du eier{me.state === 'anonymous' && <>, eller <LoginLink /></>}.</p>
      ) : (
        <Busy loading={due.loading} error={due.error} hasData={!!due.data} label="Laster det som skal rapporteres …">
          {due.data && due.data.length === 0 && <p>Ingenting å rapportere for {owner}.</p>}
          <FailedWarning items={due.data ?? []} />
          {ORDER.map((state) => {
            const items = (due.data ?? []).filter((item) => item.state === state);
            if (!items.length) return null;
            return (
              <section key={state} aria-labelledby={`frist-${state}`}>
                <h2 id={`frist-${state}`}>
                  <span className={`due-badge due-${state}`}>{dueStateLabel[state]}</span> ({items.length})
                </h2>
                <TableWrap label={dueStateLabel[state]}>
                  <table>
                    <caption className="visually-hidden">{dueStateLabel[state]}</caption>
                    <thead>
                      <tr><th scope="col">Gevinst</th><th scope="col">Prosjekt</th><th scope="col">Periode</th><th scope="col">Frist</th><th scope="col">Hva</th><th scope="col">Påminnelser</th><th scope="col"><span className="visually-hidden">Handling</span></th></tr>
                    </thead>
                    <tbody>
                      {items.map((item) => (
                        <tr key={`${item.benefitId}-${item.period}`}>
                          <th scope="row"><Link to={`/gevinster/${item.benefitId}`}>{item.benefitTitle}</Link></th>
                          <td><Link to={`/prosjekter/${item.projectId}`}>{item.projectName}</Link></td>
                          <td>{formatPeriod(item.period)}</td>
                          <td>{formatDate(item.dueDate)}</td>
                          <td>{item.what === 'measurement' ? 'Måling av indikatoren' : 'Realisert gevinst'}</td>
                          <td><Reminders reminders={item.reminders} /></td>
                          <td>
                            <Link className="button small" to={`/gevinster/${item.benefitId}/registrer?periode=${encodeURIComponent(item.period)}${item.what === 'measurement' ? '&hva=maling' : ''}`}>
                              Registrer<span className="visually-hidden"> {item.benefitTitle} {formatPeriod(item.period)}</span>
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </section>
            );
          })}
        </Busy>
      )}
      {owner && <MyActions owner={owner} />}
    </Page>
  );
}

/** Said once at the top: some reminders never reached the owner, so the list may be news to them. */
function FailedWarning({ items }: { items: DueItem[] }) {
  const failed = items.flatMap((item) => item.reminders.filter((r) => r.deliveryFailed).map((r) => ({ item, r })));
  return (
    <div role="status">
      {failed.length > 0 && (
        <div className="alert alert-warning">
          <p><strong><span aria-hidden="true">⚠ </span>{failed.length === 1 ? 'Én påminnelse' : `${failed.length} påminnelser`} kunne ikke leveres på e-post.</strong> Du har kanskje ikke fått beskjed om fristene under. Si fra til systemansvarlig hvis e-postadressen er feil.</p>
          <ul>
            {failed.map(({ item, r }) => (
              <li key={`${item.benefitId}-${item.period}-${r.kind}`}>{item.benefitTitle}, {formatPeriod(item.period)}: {reminderKindLabel[r.kind] ?? r.kind} (frist {formatDate(item.dueDate)})</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
