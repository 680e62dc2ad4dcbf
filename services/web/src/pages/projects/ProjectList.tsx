import { Link } from 'react-router-dom';
import { api } from '../../api';
import { Busy } from '../../components/Loading';
import { Page } from '../../components/Page';
import { StatusBadge } from '../../components/Status';
import { TableWrap } from '../../components/Table';
import { useApi } from '../../hooks/useApi';
import { useUnits } from '../../hooks/useUnits';
import { formatKr } from '../../format/money';
import { phaseLabel } from '../../format/labels';

export function ProjectList() {
  const projects = useApi(() => api.projects.list(), []);
  const units = useUnits();
  return (
    <Page title="Prosjekter" actions={<Link to="/prosjekter/ny" className="button primary">Registrer prosjekt</Link>}>
      <Busy loading={projects.loading} error={projects.error} hasData={!!projects.data} label="Laster prosjekter …">
        {projects.data?.length === 0 ? (
          <p>Ingen prosjekter ennå. <Link to="/prosjekter/ny">Registrer det første</Link>.</p>
        ) : (
          <TableWrap label="Prosjekter">
            <table>
              <caption className="visually-hidden">Alle prosjekter</caption>
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
                {projects.data?.map((project) => (
                  <tr key={project.id}>
                    <th scope="row"><Link to={`/prosjekter/${project.id}`}>{project.name}</Link>{project.closed ? ' (avsluttet)' : ''}</th>
                    <td>{units.name(project.ownerUnitId)}</td>
                    <td>{project.projectLeader}</td>
                    <td>{phaseLabel[project.phase] ?? project.phase}</td>
                    <td className="num">{formatKr(project.totalCostOre)}</td>
                    <td className="num">{project.benefitCount}</td>
                    <td><StatusBadge status={project.status} /></td>
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
