import { Link, useParams } from 'react-router-dom';
import { api, type AuditSubject } from '../../api';
import { AuditTrail } from '../../components/AuditTrail';
import { Page } from '../../components/Page';
import { useApi } from '../../hooks/useApi';

const subjects: Record<AuditSubject, { param: string; path: string; noun: string; name: (id: string) => Promise<string> }> = {
  projects: { param: 'projectId', path: '/prosjekter', noun: 'prosjektet', name: async (id) => (await api.projects.get(id)).name },
  benefits: { param: 'benefitId', path: '/gevinster', noun: 'gevinsten', name: async (id) => (await api.benefits.get(id)).title },
  units: { param: 'unitId', path: '/enheter', noun: 'enheten', name: async (id) => (await api.units.get(id)).name },
};

/** Address of the audit page of a project, benefit or unit. */
export const auditPath = (subject: AuditSubject, id: string) => `${subjects[subject].path}/${encodeURIComponent(id)}/historikk`;

/** «Hvem gjorde hva, når» for one project, benefit or unit. */
export function AuditPage({ subject }: { subject: AuditSubject }) {
  const { path, noun, param, name } = subjects[subject];
  const id = useParams()[param] ?? '';
  const title = useApi(() => name(id), [subject, id]);
  const label = `Hvem gjorde hva, når${title.data ? ` – ${title.data}` : ''}`;
  return (
    <Page
      title={label}
      intro={<p>Alt som er registrert på {noun}, nyeste først, med hvem som gjorde det og i hvilken rolle. <Link to={`${path}/${encodeURIComponent(id)}`}>Tilbake til {noun}</Link></p>}
    >
      <AuditTrail subject={subject} id={id} label="Hvem gjorde hva, når" />
    </Page>
  );
}
