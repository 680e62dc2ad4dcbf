import { Link, useParams } from 'react-router-dom';
import { api, type UnitHistoryEntry } from '../../api';
import { Form, TextField, text, useFormControl } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSelect } from '../../components/UnitSelect';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { eventLabel } from '../../format/labels';
import { formatDate, formatInstant, todayIso } from '../../format/date';
import { formatKr } from '../../format/money';
import { auditPath } from '../audit/AuditPage';
import { HourlyRates, UnplannedBenefitForm } from './UnitActions';
import { PlannedChanges } from './PlannedChanges';

export function UnitPage() {
  const { unitId = '' } = useParams();
  const unit = useApi(() => api.units.get(unitId), [unitId]);
  const units = useUnits();
  const projects = useApi(() => api.projects.list(), []);
  const u = unit.data;
  const reload = () => { unit.reload(); units.reload(); };
  const rename = useFormControl();
  const move = useFormControl();
  const leader = useFormControl();
  const others = units.units.filter((other) => other.id !== unitId);

  const describe = (entry: UnitHistoryEntry): string => {
    const data: Record<string, unknown> = entry.data;
    const field = (key: string) => {
      const value = data[key];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    };
    const unitName = (key: string) => units.name(field(key));
    const parentName = (key: string) => (field(key) ? unitName(key) : 'øverste nivå');
    const merged = Array.isArray(data.mergedUnitIds) ? data.mergedUnitIds.filter((id): id is string => typeof id === 'string') : [];
    const rateOre = typeof data.rateOre === 'number' ? data.rateOre : 0;
    switch (entry.type) {
      case 'UnitRegistered': return `Registrert som «${field('name')}»${field('parentId') ? ` under ${unitName('parentId')}` : ''}`;
      case 'UnitRenamed': return `«${field('previousName')}» fikk navnet «${field('name')}»`;
      case 'UnitMoved': return `Flyttet fra ${parentName('previousParentId')} til ${parentName('newParentId')} fra ${formatDate(field('effectiveDate'))}`;
      case 'UnitsMerged': return `${merged.map(units.name).join(', ')} slått sammen hit fra ${formatDate(field('effectiveDate'))}`;
      case 'UnitMergedInto': return `Slått sammen inn i ${unitName('successorUnitId')} fra ${formatDate(field('effectiveDate'))}`;
      case 'UnitMoveAnnulled': return `Flyttingen fra ${formatDate(field('effectiveDate'))} annullert: ${field('reason')}`;
      case 'UnitMergerAnnulled': return `Sammenslåingen inn i ${unitName('successorUnitId')} fra ${formatDate(field('effectiveDate'))} annullert: ${field('reason')}`;
      case 'UnitLeaderAssigned': return `Leder: ${field('leader')}`;
      case 'HourlyRateSet': return `Timesats ${field('year')}: ${formatKr(rateOre)}`;
      default: return eventLabel[entry.type] ?? entry.type;
    }
  };

  return (
    <Page title={u ? u.name : 'Enhet'} intro={<p><Link to="/enheter">Alle enheter</Link></p>}>
      <Busy loading={unit.loading} error={unit.error} hasData={!!u} label="Laster enheten …">
        {u && (
          <>
            <dl className="facts">
              <div><dt>Ligger under</dt><dd>{u.parentId ? <Link to={`/enheter/${u.parentId}`}>{units.name(u.parentId)}</Link> : 'Øverste nivå'}</dd></div>
              <div><dt>Organisasjonsnummer</dt><dd>{u.orgNumber ?? '–'}</dd></div>
              <div><dt>Leder</dt><dd>{u.leader ?? '–'}</dd></div>
              <div><dt>Status</dt><dd>{u.active ? 'Aktiv' : <>Slått sammen inn i <Link to={`/enheter/${u.mergedInto}`}>{units.name(u.mergedInto)}</Link></>}</dd></div>
            </dl>

            <PlannedChanges unit={u} name={units.name} onSaved={reload} />

            <section aria-labelledby="historikk">
              <h2 id="historikk">Historikk</h2>
              <p className="links"><Link to={auditPath('units', u.id)}>Hvem gjorde hva, når</Link></p>
              <ol className="history">
                {u.history.map((entry, index) => (
                  <li key={index}>
                    <span className="history-when">{formatInstant(entry.recordedAt)}</span> {describe(entry)}
                    {entry.userId && <span className="muted"> – {entry.userId}</span>}
                  </li>
                ))}
              </ol>
            </section>

            <section aria-labelledby="timesats">
              <h2 id="timesats">Timesats</h2>
              <HourlyRates unit={u} onSaved={reload} />
            </section>

            {u.active && (
              <section aria-labelledby="uplanlagt">
                <h2 id="uplanlagt">Ikke-planlagt gevinst hos {u.name}</h2>
                <UnplannedBenefitForm unit={u} projects={projects.data ?? []} />
              </section>
            )}

            {u.active && (
              <section aria-labelledby="endre">
                <h2 id="endre">Omorganisering</h2>
                <h3>Nytt navn</h3>
                <Form control={rename} prefix="navn" label="Nytt navn" submitLabel="Endre navn" onSubmit={(data, _form, check) => rename.submit(check, async () => { await api.units.rename(u.id, { name: text(data, 'name') ?? '' }); reload(); })}>
                  <TextField name="name" label="Nytt navn" defaultValue={u.name} required />
                </Form>
                <h3>Flytt</h3>
                <Form control={move} prefix="flytt" label="Flytt enhet" submitLabel="Flytt" onSubmit={(data, _form, check) => {
                  const effectiveDate = check.date('effectiveDate');
                  return move.submit(check, async () => {
                    await api.units.move(u.id, { newParentId: text(data, 'newParentId'), effectiveDate: effectiveDate ?? undefined });
                    reload();
                  });
                }}>
                  <div className="row">
                    <UnitSelect name="newParentId" label="Ny overordnet enhet" units={others} placeholder="Øverste nivå" defaultValue={u.parentId ?? ''} />
                    <TextField name="effectiveDate" label="Gjelder fra" type="date" defaultValue={todayIso()} />
                  </div>
                </Form>
                <h3>Leder</h3>
                <Form control={leader} prefix="leder" label="Ny leder" submitLabel="Sett leder" onSubmit={(_data, _form, check) => {
                  const email = check.email('leader');
                  return leader.submit(check, async () => { await api.units.assignLeader(u.id, { leader: email ?? '' }); reload(); });
                }}>
                  <TextField name="leader" label="Leder (e-post)" type="email" defaultValue={u.leader ?? ''} required />
                </Form>
                <p><Link to={`/enheter/sammenslaing?inn=${u.id}`}>Slå sammen andre enheter inn i {u.name}</Link></p>
              </section>
            )}
          </>
        )}
      </Busy>
    </Page>
  );
}
