import { Link } from 'react-router-dom';
import type { GoalScorecard, GoalScorecardRow } from '../../api';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { formatKr } from '../../format/money';
import { formatNumber } from '../../format/number';
import { goalKindLabel, verdictStatus } from '../../format/labels';

type Requirement = NonNullable<GoalScorecardRow['years'][number]['requirement']>;

/** Resultatgrenser as Kristiansund's målekort writes them: ønsket, akseptabelt, uakseptabelt. */
export function limitsText(r: Requirement): string {
  const [at, below] = r.direction === 'increase' ? ['≥', '<'] : ['≤', '>'];
  return `Ønsket ${at} ${formatNumber(r.desiredLimit)}, akseptabelt ${at} ${formatNumber(r.acceptableLimit)}, uakseptabelt ${below} ${formatNumber(r.acceptableLimit)}`;
}

function Verdict({ verdict }: { verdict: GoalScorecardRow['years'][number]['verdict'] }) {
  return verdict ? <StatusBadge status={verdictStatus[verdict]} /> : <StatusBadge status={null} label="Ikke vurdert" />;
}

function Change({ row }: { row: GoalScorecardRow }) {
  const { change } = row;
  if (!change) return <span>Ingen tidligere måling</span>;
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '\u2212' : '';
  const word = change.better === null ? 'uendret' : change.better ? 'bedre' : 'dårligere';
  const icon = change.delta > 0 ? '▲' : change.delta < 0 ? '▼' : '▶';
  return (
    <span className={`trend trend-${change.better === null ? 'same' : change.better ? 'better' : 'worse'}`}>
      <span aria-hidden="true">{icon}</span> {sign}{formatNumber(Math.abs(Math.round(change.delta * 100) / 100))} fra {change.fromYear} – {word}
    </span>
  );
}

/**
 * The målekort: each goal (hovedmål, delmål, måleindikator) with, for the indicators, resultatkrav and
 * result per year and the verdict against the limits, the change since the last result, and the
 * benefits linked to the goals rolled up (planned against realised).
 */
export function GoalCard({ card, label }: { card: GoalScorecard; label: string }) {
  const titleOf = new Map(card.rows.map((r) => [r.goalId, r.title]));
  return (
    <>
      <TableWrap label={label}>
        <table className="goal-card">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">Resultatgrenser</th>
              {card.years.map((year) => (
                <th scope="col" key={year}>{year}</th>
              ))}
              <th scope="col">Endring fra sist måling</th>
            </tr>
          </thead>
          <tbody>
            {card.rows.map((row) => {
              const latestRequirement = [...row.years].reverse().find((y) => y.requirement)?.requirement ?? null;
              return (
                <tr key={row.goalId} className={`goal-row goal-${row.kind}`}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + row.depth * 1.25}rem` }}>
                    <span className="goal-kind">{goalKindLabel[row.kind]}</span>{' '}
                    <Link to={`/mal/${encodeURIComponent(row.goalId)}`}>{row.title}</Link>
                    {row.retired && <> (avviklet)</>}
                    {row.unitName && <span className="hint"> · {row.unitName}</span>}
                  </th>
                  <td>{latestRequirement ? limitsText(latestRequirement) : row.kind === 'indicator' ? 'Ingen resultatkrav' : ''}</td>
                  {row.years.map((y) => (
                    <td key={y.year}>
                      {row.kind === 'indicator' && (
                        <>
                          <div>Krav: {y.requirement ? `${formatNumber(y.requirement.requiredValue)} ${y.requirement.unitOfMeasure}` : '–'}</div>
                          <div>Resultat: {y.result ? formatNumber(y.result.value) : '–'}{y.result?.corrected ? ' (rettet)' : ''}</div>
                          {y.result && <Verdict verdict={y.verdict} />}
                        </>
                      )}
                    </td>
                  ))}
                  <td>{row.kind === 'indicator' ? <Change row={row} /> : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>

      <h2 id="gevinster-for-malene">Gevinster som støtter målene</h2>
      {card.benefits.length === 0 ? (
        <p>Ingen gevinster du har tilgang til er knyttet til disse målene.</p>
      ) : (
        <TableWrap label="Gevinster som støtter målene">
          <table>
            <caption className="visually-hidden">Gevinster som støtter målene</caption>
            <thead>
              <tr>
                <th scope="col">Gevinst</th>
                <th scope="col">Prosjekt</th>
                <th scope="col">Mottaker</th>
                <th scope="col">Mål</th>
                <th scope="col" className="num">Planlagt</th>
                <th scope="col" className="num">Realisert</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {card.benefits.map((b) => (
                <tr key={b.benefitId}>
                  <th scope="row"><Link to={`/gevinster/${encodeURIComponent(b.benefitId)}`}>{b.title}</Link>{b.cancelled && ' (kansellert)'}</th>
                  <td>{b.projectId ? <Link to={`/prosjekter/${encodeURIComponent(b.projectId)}`}>{b.projectName ?? b.projectId}</Link> : '–'}</td>
                  <td>{b.recipientUnitName ?? b.recipientUnitId}</td>
                  <td>{b.goalIds.map((id) => titleOf.get(id) ?? id).join(', ')}</td>
                  <td className="num">{formatKr(b.plannedOre)}</td>
                  <td className="num">{formatKr(b.realisedOre)}</td>
                  <td><StatusBadge status={b.status} label={b.cancelled ? 'Kansellert' : 'Ikke vurdert'} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>Sum (uten kansellerte)</th>
                <td className="num">{formatKr(card.totals.plannedOre)}</td>
                <td className="num">{formatKr(card.totals.realisedOre)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </TableWrap>
      )}
      {card.hiddenBenefits > 0 && <p className="hint">{card.hiddenBenefits} gevinst(er) knyttet til målene ligger utenfor det du har tilgang til, og er ikke med i summen.</p>}
      {card.projects.length > 0 && (
        <>
          <h2 id="prosjekter-for-malene">Prosjekter som støtter målene</h2>
          <ul>
            {card.projects.map((p) => (
              <li key={p.projectId}>
                <Link to={`/prosjekter/${encodeURIComponent(p.projectId)}`}>{p.name ?? p.projectId}</Link> – {p.goalIds.map((id) => titleOf.get(id) ?? id).join(', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
