import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type RiskMatrix } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { gradeLabel, riskLevelText } from '../../format/labels';
import { RiskBadge } from './RiskBadge';

type Cell = RiskMatrix['cells'][number];
const cellId = (c: Pick<Cell, 'probability' | 'consequence'>) => `risiko-s${c.probability}-k${c.consequence}`;

/** /ledelse/risiko: the portfolio's open risks in a 5×5 matrix, a table with a link per cell to its risks. */
export function RiskMatrixPage() {
  const matrix = useApi(() => api.followUp.matrix(), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const m = matrix.data;
  const cells = m?.cells ?? [];
  const shown = cells.filter((c) => c.count > 0 && (chosen === null || cellId(c) === chosen));
  return (
    <Page title="Risikomatrise" intro={<p>Åpne risikoer for gevinstene i porteføljen, etter sannsynlighet og konsekvens (1–5). Tallet i hver rute er antall risikoer; velg det for å se dem.</p>}>
      <Busy loading={matrix.loading} error={matrix.error} hasData={!!m} label="Laster risikomatrisen …">
        {m && (
          <>
            <ul className="legend" aria-label="Forklaring">
              {(['low', 'medium', 'high'] as const).map((level) => (
                <li key={level}><span className={`status status-${riskLevelText[level].css}`}><span aria-hidden="true" className="status-icon">{riskLevelText[level].icon}</span> {riskLevelText[level].label}</span></li>
              ))}
            </ul>
            <TableWrap label="Risikomatrise">
              <table className="risk-matrix">
                <caption>Antall åpne risikoer ({m.total}) per sannsynlighet (rader) og konsekvens (kolonner)</caption>
                <thead>
                  <tr>
                    <td />
                    {[1, 2, 3, 4, 5].map((k) => <th scope="col" key={k}>Konsekvens {k} <span className="hint">({gradeLabel[k]})</span></th>)}
                  </tr>
                </thead>
                <tbody>
                  {[5, 4, 3, 2, 1].map((p) => (
                    <tr key={p}>
                      <th scope="row">Sannsynlighet {p} <span className="hint">({gradeLabel[p]})</span></th>
                      {cells.filter((c) => c.probability === p).map((c) => (
                        <td key={c.consequence} className={`num score-${riskLevelText[c.level].css}`}>
                          {c.count > 0 ? (
                            <a href={`#${cellId(c)}`} onClick={() => setChosen(cellId(c))} aria-label={`${c.count} ${c.count === 1 ? 'risiko' : 'risikoer'}, sannsynlighet ${p} × konsekvens ${c.consequence} = ${c.score}, ${riskLevelText[c.level].label.toLowerCase()}`}>
                              {c.count}
                            </a>
                          ) : <span aria-label={`Ingen, ${riskLevelText[c.level].label.toLowerCase()}`}>–</span>}
                          <span className="visually-hidden"> ({riskLevelText[c.level].label})</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <h2 id="risikoer">Risikoene{chosen !== null && <> i valgt rute — <button type="button" className="button small secondary" onClick={() => setChosen(null)}>Vis alle</button></>}</h2>
            {shown.length === 0 ? <p>Ingen åpne risikoer.</p> : (
              <TableWrap label="Risikoene">
                <table>
                  <caption className="visually-hidden">Åpne risikoer, høyest først</caption>
                  <thead><tr><th scope="col">Trussel</th><th scope="col">Gevinst</th><th scope="col">Prosjekt</th><th scope="col">Gevinsteier</th><th scope="col">Risiko</th><th scope="col">Tiltak mot risikoen</th></tr></thead>
                  <tbody>
                    {[...shown].sort((a, b) => b.score - a.score).map((c) => (
                      <Fragment key={cellId(c)}>
                        {c.risks.map((r, i) => (
                          <tr key={`${r.benefitId}-${r.riskId}`} id={i === 0 ? cellId(c) : undefined}>
                            <th scope="row">{r.threat}</th>
                            <td><Link to={`/gevinster/${r.benefitId}`}>{r.benefitTitle}</Link></td>
                            <td>{r.projectId ? <Link to={`/prosjekter/${r.projectId}`}>{r.projectName ?? r.projectId}</Link> : '–'}</td>
                            <td>{r.benefitOwner ?? '–'}</td>
                            <td><RiskBadge risk={r} /></td>
                            <td>{r.mitigation || '–'}</td>
                          </tr>
                        ))}
                      </Fragment>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </>
        )}
      </Busy>
    </Page>
  );
}
