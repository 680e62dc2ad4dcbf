import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type CalendarDeadline, type DeadlineKind } from '../../api';
import { Form, SelectField, TextField, useFormControl, type FormCheck } from '../../components/Form';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useApi } from '../../hooks/useApi';
import { useKeepsSettings } from '../../hooks/useMe';
import { useUnits } from '../../hooks/useUnits';
import { formatDate } from '../../format/date';
import { formatPeriod } from '../../format/period';
import { MissingBeforeDeadline } from './MissingBeforeDeadline';
import './calendar.css';

const kindLabel: Record<DeadlineKind, string> = { tertial: 'Tertialrapport', budget: 'Budsjettprosess', other: 'Annen frist' };
const monthNames = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** «om 12 dager», «i dag», «for 3 dager siden» */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 1) return `om ${daysLeft} dager`;
  return daysLeft === -1 ? 'i går' : `for ${-daysLeft} dager siden`;
}

const anchorOf = (d: CalendarDeadline) => `frist-${d.deadlineId}`;

/** Removes an explicit deadline, with a reason. */
function RemoveDeadline({ deadline, onDone }: { deadline: CalendarDeadline; onDone: () => void }) {
  const control = useFormControl();
  const submit = (_data: FormData, _form: HTMLFormElement, check: FormCheck) => {
    const reason = check.text('reason', { required: true });
    return control.submit(check, async () => {
      await api.calendar.removeDeadline(deadline.deadlineId, reason ?? '');
      onDone();
    });
  };
  return (
    <details>
      <summary>Fjern fristen</summary>
      <Form control={control} onSubmit={submit} submitLabel="Fjern fristen" busyLabel="Fjerner …" label={`Fjern «${deadline.title}»`} prefix={`fjern-${deadline.deadlineId}`}>
        <TextField name="reason" label="Begrunnelse" required />
      </Form>
    </details>
  );
}

/** One deadline on the timeline: when, what, how far off, and for a tertial report what is still missing. */
function DeadlineItem({ deadline, unitId, keeps, onChanged }: { deadline: CalendarDeadline; unitId: string | null; keeps: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <li className={deadline.status} id={anchorOf(deadline)}>
      <h3>
        {formatDate(deadline.date)}: {deadline.title}
      </h3>
      <p className="hint">
        {kindLabel[deadline.kind]} · {formatPeriod(deadline.period)} · {deadline.status === 'upcoming' ? 'Kommende' : 'Passert'}, {daysText(deadline.daysLeft)}
        {deadline.source === 'default' ? ' · standardfrist (den 20. i måneden etter tertialet)' : ''}
        {deadline.kind === 'tertial' && deadline.remindDaysBefore > 0 ? ` · påminnelse til gevinsteierne ${deadline.remindDaysBefore} dager før` : ''}
      </p>
      {deadline.kind === 'tertial' && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>Hva mangler for {formatPeriod(deadline.period)}</summary>
          {open && <MissingBeforeDeadline period={deadline.period} unitId={unitId} />}
        </details>
      )}
      {keeps && deadline.source === 'explicit' && <RemoveDeadline deadline={deadline} onDone={onChanged} />}
    </li>
  );
}

/** Adds a deadline to the årshjul. */
function AddDeadline({ onDone }: { onDone: () => void }) {
  const control = useFormControl();
  const submit = (data: FormData, form: HTMLFormElement, check: FormCheck) => {
    const kind = (check.text('kind', { required: true }) ?? 'tertial') as DeadlineKind;
    const period = check.text('period', { required: true });
    const date = check.date('date', { required: true });
    const title = check.text('title', { required: true });
    const remind = check.text('remindDaysBefore');
    let remindDaysBefore: number | undefined;
    if (remind !== null) {
      if (/^\d{1,3}$/.test(remind)) remindDaysBefore = Number(remind);
      else check.refuse('remindDaysBefore', 'Skriv antall dager som et helt tall, f.eks. 14.');
    }
    if (period && kind === 'tertial' && !/^\d{4}-T[1-3]$/.test(period)) check.refuse('period', 'Skriv tertialet som 2026-T1, 2026-T2 eller 2026-T3.');
    if (period && kind === 'budget' && !/^\d{4}$/.test(period)) check.refuse('period', 'Skriv budsjettåret med fire sifre, f.eks. 2027.');
    return control.submit(check, async () => {
      await api.calendar.setDeadline({ kind, period: period ?? '', date: date ?? '', title: title ?? '', ...(remindDaysBefore === undefined ? {} : { remindDaysBefore }) });
      form.reset();
      onDone();
    });
  };
  return (
    <Form control={control} onSubmit={submit} submitLabel="Legg til fristen" label="Ny frist" prefix="ny-frist">
      <div className="row">
        <SelectField name="kind" label="Type frist" required defaultValue="tertial" options={(Object.keys(kindLabel) as DeadlineKind[]).map((k) => ({ value: k, label: kindLabel[k] }))} />
        <TextField name="period" label="Periode" hint="Tertialet rapporten gjelder (2026-T2), eller budsjettåret (2027)" required />
        <TextField name="date" label="Dato" type="date" required />
      </div>
      <TextField name="title" label="Tittel" hint="F.eks. «2. tertialrapport til formannskapet»" required />
      <TextField name="remindDaysBefore" label="Påminnelse, dager før" hint="Gevinsteiere som mangler noe for tertialet får e-post så mange dager før (standard 14)" inputMode="numeric" />
    </Form>
  );
}

/**
 * `/arshjul`: the installation's reporting calendar for a year — the months at a glance, the next
 * deadline, every deadline on a timeline with what is still missing before a tertial report, and for
 * finance the forms to add and remove deadlines.
 */
export function CalendarPage() {
  const [search, setSearch] = useSearchParams();
  const yearParam = search.get('ar');
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const unitId = search.get('enhet');
  const units = useUnits();
  const keeps = useKeepsSettings();
  const wheel = useApi(() => api.calendar.year(year), [year]);
  const data = wheel.data;
  const shownYear = data?.year ?? year ?? new Date().getFullYear();
  const params = (next: { ar?: number; enhet?: string | null }) => {
    const p: Record<string, string> = {};
    const ar = next.ar ?? year;
    const enhet = next.enhet === undefined ? unitId : next.enhet;
    if (ar) p.ar = String(ar);
    if (enhet) p.enhet = enhet;
    return p;
  };
  return (
    <Page
      title="Årshjul"
      intro={
        <p>
          Kommunens rapporteringskalender: fristene for tertialrapportene til formannskap og kommunestyre og datoene i budsjettprosessen. Før hver
          tertialrapport får gevinsteiere som ikke har registrert måling eller realisert gevinst for tertialet en påminnelse på e-post. Tertialer uten egen
          frist får standardfristen: den 20. i måneden etter at tertialet er slutt.
        </p>
      }
    >
      <nav aria-label="Velg år" className="arshjul-years">
        <Link to={{ search: new URLSearchParams(params({ ar: shownYear - 1 })).toString() }}>← {shownYear - 1}</Link>
        <strong>{shownYear}</strong>
        <Link to={{ search: new URLSearchParams(params({ ar: shownYear + 1 })).toString() }}>{shownYear + 1} →</Link>
      </nav>
      <Busy loading={wheel.loading} error={wheel.error} hasData={!!data} label="Laster årshjulet …">
        {data && (
          <>
            {data.next && (
              <section className="arshjul-next" aria-labelledby="neste-frist">
                <h2 id="neste-frist">Neste frist</h2>
                <p>
                  <strong>{data.next.title}</strong> – {formatDate(data.next.date)} ({daysText(data.next.daysLeft)})
                </p>
                {data.next.kind === 'tertial' && <MissingBeforeDeadline period={data.next.period} unitId={unitId} />}
              </section>
            )}

            <h2 id="maneder">Året måned for måned</h2>
            <ol className="arshjul-months">
              {monthNames.map((name, i) => {
                const month = `${data.year}-${String(i + 1).padStart(2, '0')}`;
                const here = data.deadlines.filter((d) => d.date.startsWith(month));
                return (
                  <li key={month} className={here.length ? 'has-deadline' : undefined}>
                    <span className="month-name">{name}</span>
                    {here.length === 0 ? (
                      <span className="hint">Ingen frister</span>
                    ) : (
                      <ul className="plain">
                        {here.map((d) => (
                          <li key={d.deadlineId}>
                            <a href={`#${anchorOf(d)}`}>{d.date.slice(8, 10)}.: {kindLabel[d.kind]} {formatPeriod(d.period)}</a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>

            <h2 id="frister">Frister i {data.year}</h2>
            <div className="row">
              <label htmlFor="arshjul-enhet">Vis det som mangler for</label>
              <select id="arshjul-enhet" value={unitId ?? ''} onChange={(e) => setSearch(params({ enhet: e.target.value || null }))}>
                <option value="">Alle enheter du har tilgang til</option>
                {units.units.filter((u) => u.active).map((u) => (
                  <option key={u.id} value={u.id}>{u.name}</option>
                ))}
              </select>
            </div>
            {data.deadlines.length === 0 ? (
              <p>Ingen frister i {data.year}.</p>
            ) : (
              <ol className="arshjul-list">
                {data.deadlines.map((d) => (
                  <DeadlineItem key={d.deadlineId} deadline={d} unitId={unitId} keeps={keeps} onChanged={wheel.reload} />
                ))}
              </ol>
            )}
          </>
        )}
      </Busy>

      {keeps && (
        <>
          <h2 id="ny-frist">Legg til en frist</h2>
          <AddDeadline onDone={wheel.reload} />
        </>
      )}
    </Page>
  );
}
