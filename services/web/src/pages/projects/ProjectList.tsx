import { Link, useSearchParams } from 'react-router-dom';
import { api, type ProjectSummary } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { phaseLabel, statusKey, statusText } from '../../format/labels';

/** An e-mail address may break after its dots and before its @ rather than push the table wider than the page. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?=@)|(?<=\.)/);
  return <>{parts.map((part, i) => <span key={i}>{i > 0 && <wbr />}{part}</span>)}</>;
}

/** The list's search and filters, kept in the address (`sok`, `fase`, `status`, `eier`) so a link keeps them. */
function useProjectFilters() {
  const [params, setParams] = useSearchParams();
  const filters = { sok: params.get('sok') ?? '', fase: params.get('fase') ?? '', status: params.get('status') ?? '', eier: params.get('eier') ?? '' };
  const set = (key: keyof typeof filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true, flushSync: true }); // a typed letter is shown at once
  };
  return { filters, set, clear: () => setParams(new URLSearchParams(), { replace: true }) };
}

export function ProjectList() {
  const projects = useApi(() => api.projects.list(), []);
  const units = useUnits();
  const { filters, set, clear } = useProjectFilters();
  const all = projects.data ?? [];
  const words = filters.sok.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  const matches = (project: ProjectSummary) => {
    const haystack = [project.name, units.name(project.ownerUnitId), project.projectLeader].join(' ').toLocaleLowerCase('nb');
    return words.every((word) => haystack.includes(word))
      && (!filters.fase || project.phase === filters.fase)
      && (!filters.status || statusKey(project.status ?? undefined) === filters.status)
      && (!filters.eier || project.ownerUnitId === filters.eier);
  };
  const shown = all.filter(matches);
  const owners = [...new Set(all.map((p) => p.ownerUnitId))].map((id) => ({ id, name: units.name(id) })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Page title="Prosjekter" actions={<Link to="/prosjekter/ny" className="button primary">Registrer prosjekt</Link>}>
      <Busy loading={projects.loading} error={projects.error} hasData={!!projects.data} label="Laster prosjekter …">
        {all.length === 0 ? (
          <p>Ingen prosjekter ennå. <Link to="/prosjekter/ny">Registrer det første</Link>.</p>
        ) : (
          <>
            <form className="filters" role="search" aria-label="Søk og filtrer prosjekter" onSubmit={(event) => event.preventDefault()}>
              <div className="field field-wide">
                <label htmlFor="prosjekt-sok">Søk</label>
                <p className="hint" id="prosjekt-sok-hint">Prosjektnavn, eierenhet eller prosjektleder</p>
                <input id="prosjekt-sok" type="search" value={filters.sok} aria-describedby="prosjekt-sok-hint" onChange={(e) => set('sok', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="prosjekt-fase">Fase</label>
                <select id="prosjekt-fase" value={filters.fase} onChange={(e) => set('fase', e.target.value)}>
                  <option value="">Alle faser</option>
                  {Object.entries(phaseLabel).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="prosjekt-status">Status</label>
                <select id="prosjekt-status" value={filters.status} onChange={(e) => set('status', e.target.value)}>
                  <option value="">Alle statuser</option>
                  {(['green', 'yellow', 'red', 'none'] as const).map((key) => <option key={key} value={key}>{statusText[key].label}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="prosjekt-eier">Prosjekteier</label>
                <select id="prosjekt-eier" value={filters.eier} onChange={(e) => set('eier', e.target.value)}>
                  <option value="">Alle enheter</option>
                  {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                </select>
              </div>
              {filtered && <button type="button" className="button secondary" onClick={clear}>Nullstill</button>}
            </form>
            <p role="status" data-testid="prosjekt-antall">Viser {shown.length} av {all.length} prosjekter</p>
            {shown.length === 0 ? <p>Ingen prosjekter passer søket og filtrene.</p> : (
              <TableWrap label="Prosjekter">
                <table className="project-list">
                  <caption className="visually-hidden">{filtered ? 'Prosjekter som passer søket og filtrene' : 'Alle prosjekter'}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Prosjekt</th>
                      <th scope="col">Prosjekteier</th>
                      <th scope="col">Prosjektleder</th>
                      <th scope="col">Fase</th>
                      <th scope="col" className="num">Kostnader</th>
                      <th scope="col" className="num">Gevinster</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((project) => (
                      <tr key={project.id}>
                        <th scope="row"><Link to={`/prosjekter/${project.id}`}>{project.name}</Link>{project.closed ? ' (avsluttet)' : ''}</th>
                        <td>{units.name(project.ownerUnitId)}</td>
                        <td className="leader"><Breakable text={project.projectLeader} /></td>
                        <td>{phaseLabel[project.phase]}</td>
                        <td className="num">{formatKr(project.totalCostOre)}</td>
                        <td className="num">{project.benefitCount}</td>
                        <td><StatusBadge status={project.status ?? undefined} /></td>
                      </tr>
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
