import { api, type BenefitView, type ProjectSummary } from '../api';
import { useApi } from './useApi';

/** Every benefit with its project, gathered from the projects (there is no list of all benefits). */
export function useAllBenefits() {
  return useApi(async () => {
    const projects: ProjectSummary[] = await api.projects.list();
    const details = await Promise.all(projects.map((p) => api.projects.get(p.id)));
    return details.flatMap((project) => project.benefits.map((benefit: BenefitView) => ({ benefit, project })));
  }, []);
}
