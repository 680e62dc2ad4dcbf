import { Link, useSearchParams } from 'react-router-dom';
import type { TertialReport } from '@gevinst/domain/answers';
import { MissingBeforeDeadline } from '../calendar/MissingBeforeDeadline';
import { get, query } from '../../api/client';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { treeOrder, useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { formatPct } from '../../format/number';
import { formatPeriod, tertialOf } from '../../format/period';

/** the tertial before the one a date falls in: the one the council is told about next */
export const lastTertial = (isoDate: string): string => {
  const [year, t] = tertialOf(isoDate).split('-T').map(Number) as [number, number];
  return t === 1 ? `${year - 1}-T3` : `${year}-T${t - 1}`;
};

const tertialChoices = (year: number) => [year - 2, year - 1, year].flatMap((y) => [3, 2, 1].map((t) => `${y}-T${t}`)).sort().reverse();

/** `/api/reports/tertial[.pdf|.docx|.html]` for the chosen tertial, unit and instant */
export const tertialReportHref = (ext: '' | '.pdf' | '.docx' | '.html', q: { tertial: string; unit: string; asOf?: string | null }) =>
  `/api/reports/tertial${ext}${query({ tertial: q.tertial, unit: q.unit, asOf: q.asOf ?? undefined })}`;

const instantText = (instant: string) =>
  new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'medium', timeZone: 'Europe/Oslo' }).format(new Date(instant));

/**
 * «Tertialrapport»: choose a tertial and a unit, see the report's key figures, and download it for the
 * council — PDF for reading, DOCX for editing. The downloads name the instant the preview was made
 * at (asOf), so the document holds exactly the figures shown here.
 */
export function TertialReportPage() {
  const [params, setParams] = useSearchParams();
  const units = useUnits();
  const today = new Date().toISOString().slice(0, 10);
  const tertial = params.get('tertial') ?? lastTertial(today);
  const root = units.units.find((u) => u.depth === 0 && u.active);
  const unit = params.get('enhet') ?? root?.id ?? '';
  const asOf = params.get('asOf') ?? '';
  const report = useApi(
    async () => (unit ? get<TertialReport>(tertialReportHref('', { tertial, unit, asOf: asOf || null })) : null),
    [tertial, unit, asOf],
  );
  const r = report.data;
  const fixed = r ? { tertial: r.tertial, unit: r.unit.unitId, asOf: r.asOf } : null;
  const choices = tertialChoices(Number(today.slice(0, 4)));
  if (!choices.includes(tertial)) choices.unshift(tertial);
  return (
    <Page
      title="Tertialrapport"
      intro={<p>Rapporten til formannskap og kommunestyre for et tertial og en enhet: porteføljestatus, gevinstregnskapet mellom enhetene, målekortet og gevinstene som er uakseptable, med eiernes kommentarer. PDF for lesing, DOCX for redigering.</p>}
    >
      <form
        className="filters"
        aria-label="Velg tertial og enhet"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const key of ['tertial', 'enhet', 'asOf']) {
            const value = data.get(key);
            if (typeof value === 'string' && value) next.set(key, value);
          }
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="rapport-tertial">Tertial</label>
          <select id="rapport-tertial" name="tertial" defaultValue={tertial} key={`t-${tertial}`}>
            {choices.map((t) => <option key={t} value={t}>{formatPeriod(t)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rapport-enhet">Enhet</label>
          <select id="rapport-enhet" name="enhet" defaultValue={unit} key={`u-${unit}-${units.units.length}`}>
            {treeOrder(units.units.filter((u) => u.active)).map((u) => (
              <option key={u.id} value={u.id}>{`${' '.repeat(u.depth * 2)}${u.name}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rapport-asof">Slik det var kjent per (tom: nå)</label>
          <input id="rapport-asof" name="asOf" type="date" defaultValue={asOf.slice(0, 10)} key={`a-${asOf}`} />
        </div>
        <button type="submit" className="button">Vis rapporten</button>
      </form>

      <Busy loading={report.loading} error={report.error} hasData={!!r} label="Lager tertialrapporten …">
        {r && fixed && (
          <>
            <section aria-labelledby="last-ned-rapport" className="downloads">
              <h2 id="last-ned-rapport">{r.title}</h2>
              <p>
                Tallene er slik de var kjent per <strong>{instantText(r.asOf)}</strong>. Dokumentene lages for nøyaktig dette tidspunktet, så de viser de samme tallene som her — og kan lages
                på nytt senere med de samme tallene.
              </p>
              <ul className="download-list">
                <li><a className="button" href={tertialReportHref('.pdf', fixed)} download><span aria-hidden="true">⤓ </span>Last ned PDF <span className="format">(for lesing)</span></a></li>
                <li><a className="button secondary" href={tertialReportHref('.docx', fixed)} download><span aria-hidden="true">⤓ </span>Last ned DOCX <span className="format">(for redigering)</span></a></li>
                <li><a className="button secondary small" href={tertialReportHref('.html', fixed)} target="_blank" rel="noopener">Åpne utskriftsversjonen</a></li>
              </ul>
            </section>
            <h2>Sammendrag</h2>
            <dl className="figures">
              <div><dt>Planlagt gevinst</dt><dd>{formatKr(r.summary.plannedOre)}</dd></div>
              <div><dt>Realisert gevinst</dt><dd>{formatKr(r.summary.realisedOre)}</dd></div>
              <div><dt>Realiseringsgrad</dt><dd>{formatPct(r.summary.realisationPct)}</dd></div>
              <div><dt>Kostnader</dt><dd>{formatKr(r.summary.costsOre)}</dd></div>
              <div><dt>Gevinstuttak</dt><dd>{formatKr(r.summary.withdrawnOre)}</dd></div>
              <div><dt>Uakseptable gevinster</dt><dd>{r.summary.unacceptableBenefits}</dd></div>
              <div><dt>Uakseptable mål</dt><dd>{r.summary.unacceptableGoals}</dd></div>
            </dl>
            <section aria-labelledby="mangler-for-fristen">
              <h2 id="mangler-for-fristen">Dette mangler før fristen</h2>
              <p>Verdiene gevinsteierne ennå ikke har registrert for {r.tertialLabel}, slik det står nå (fristene står i <Link to="/arshjul">årshjulet</Link>).</p>
              <MissingBeforeDeadline period={r.tertial} unitId={r.unit.unitId} />
            </section>
            <h2>Porteføljestatus</h2>
            <TableWrap label="Porteføljestatus per enhet">
              <table>
                <caption>Status per enhet i {r.tertialLabel}</caption>
                <thead><tr><th scope="col">Enhet</th><th scope="col">Status</th><th scope="col" className="num">Planlagt</th><th scope="col" className="num">Realisert</th><th scope="col" className="num">Måloppnåelse</th></tr></thead>
                <tbody>
                  {r.portfolio.rows.map((row) => (
                    <tr key={row.unitId}><th scope="row">{row.name}</th><td><StatusBadge status={row.status ?? undefined} pending={row.pending} /></td><td className="num">{formatKr(row.plannedOre)}</td><td className="num">{formatKr(row.realisedOre)}</td><td className="num">{formatPct(row.achievementPct)}</td></tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <h2>Uakseptable gevinster</h2>
            {r.unacceptable.benefits.length === 0 ? (
              <p>Ingen gevinster er uakseptable i tertialet.</p>
            ) : (
              <TableWrap label="Uakseptable gevinster">
                <table>
                  <caption>Gevinster med status uakseptabelt i {r.tertialLabel}, med eierens kommentar</caption>
                  <thead><tr><th scope="col">Gevinst</th><th scope="col">Mottaker</th><th scope="col">Eier</th><th scope="col" className="num">Planlagt</th><th scope="col" className="num">Realisert</th><th scope="col">Eierens kommentar</th></tr></thead>
                  <tbody>
                    {r.unacceptable.benefits.map((b) => (
                      <tr key={b.benefitId}><th scope="row">{b.title}</th><td>{b.recipientName}</td><td>{b.owner ?? '–'}</td><td className="num">{formatKr(b.plannedOre)}</td><td className="num">{formatKr(b.realisedOre)}</td><td>{b.comment ?? (b.unreported ? 'Ikke rapportert innen fristen' : '–')}</td></tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            {r.costBenefit && (
              <>
                <h2>{r.costBenefit.title}</h2>
                <ul>{r.costBenefit.lines.map((l) => <li key={l.label}>{l.label}: {l.ore === null ? (l.text ?? '–') : formatKr(l.ore)}</li>)}</ul>
              </>
            )}
          </>
        )}
      </Busy>
    </Page>
  );
}
