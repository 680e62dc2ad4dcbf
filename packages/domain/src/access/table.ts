import { roleLabels, type Role } from '../events/access';
import { policy, type Action, type Rule } from './policy';

const phrases: Record<Rule['reach'], string> = {
  unit: 'i sin enhet og under',
  'any-unit': 'når det gjelder sin enhet',
  role: 'ja, for sin enhet og under',
  leads: 'i prosjekter de leder',
  owns: 'på gevinster de eier',
  self: 'sin egen',
  anyone: 'ja',
};

const cell = (action: Action, role: Role): string => {
  if (role === 'administrator') return 'ja';
  const rules = policy[action].rules as readonly Rule[];
  const reaches = rules.filter((r) => r.reach === 'anyone' || r.role === role).map((r) => phrases[r.reach]);
  return reaches.length ? [...new Set(reaches)].join('; ') : '–';
};

const roles: Role[] = ['administrator', 'finance', 'management', 'project-leader', 'benefit-owner'];

/** The policy as a table in bokmål (docs/access.md shows it; a test keeps the two equal). */
export const policyTable = (): string =>
  [
    `| handling | ${roles.map((r) => roleLabels[r]).join(' | ')} |`,
    `|---|${roles.map(() => '---').join('|')}|`,
    ...(Object.keys(policy) as Action[]).map((a) => `| ${policy[a].does} (\`${a}\`) | ${roles.map((r) => cell(a, r)).join(' | ')} |`),
  ].join('\n');
