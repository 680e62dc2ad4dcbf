import { roleLabels, type Role } from '../events/access';

/**
 * One policy decides every command and every read: role × action × scope (DESIGN.md "Who may do
 * what"). The table below is the whole of it; `docs/access.md` is generated from it.
 */

/** A role a person holds: from a grant (an event) or from the identity provider's groups. */
export interface RoleAssignment {
  role: Role;
  /** null: the whole installation; else this unit and everything below it */
  unitId: string | null;
  source: 'grant' | 'group';
}

export interface Actor {
  /** the person's e-mail in lower case (`admin` for the bootstrap token) */
  id: string;
  roles: readonly RoleAssignment[];
}

/** What an action touches, filled from the read models by the caller. */
export interface Target {
  /** the units the action acts on or reads */
  units?: readonly string[];
  /** the leader of the project acted on */
  projectLeader?: string | null;
  /** the owner of the benefit acted on */
  benefitOwner?: string | null;
  /** the person whose things are read (a due list) */
  person?: string | null;
}

/** The unit tree, as far as scopes need it. */
export interface Tree {
  /** `unitId` is `scopeUnitId` or below it (a merged unit counts under its successor too) */
  isWithin(unitId: string, scopeUnitId: string): boolean;
}

/**
 * How a rule's role reaches the target:
 * - `unit`: every unit of the target lies within the role's unit (a role without a unit reaches all);
 * - `any-unit`: at least one does (reads of things that touch several units);
 * - `role`: holding the role is enough (the answer is then cut to the role's scope by the caller);
 * - `leads`: the person is the project's leader; `owns`: the benefit's owner; `self`: their own things.
 * `leads`, `owns` and `self` need no grant: naming someone leader or owner is itself the grant;
 * `anyone` is every person who is logged in.
 */
export type Reach = 'unit' | 'any-unit' | 'role' | 'leads' | 'owns' | 'self';

export type Rule = { role: Role; reach: Reach } | { reach: 'anyone' };

export interface ActionPolicy {
  /** what the action does, in bokmål, as in «Du har ikke lov til å …» */
  does: string;
  /** beside the administrator, who may */
  rules: readonly Rule[];
}

const unit = (role: Role): Rule => ({ role, reach: 'unit' });
const anyUnit = (role: Role): Rule => ({ role, reach: 'any-unit' });
const LEADER: Rule = { role: 'project-leader', reach: 'leads' };
const OWNER: Rule = { role: 'benefit-owner', reach: 'owns' };

export const policy = {
  // the organisation
  registerUnit: { does: 'registrere en enhet', rules: [unit('management')] },
  renameUnit: { does: 'gi en enhet nytt navn', rules: [unit('management')] },
  moveUnit: { does: 'flytte en enhet', rules: [unit('management')] },
  mergeUnits: { does: 'slå sammen enheter', rules: [unit('management')] },
  annulUnitMove: { does: 'annullere en flytting av en enhet', rules: [unit('management')] },
  annulUnitMerger: { does: 'annullere en sammenslåing', rules: [unit('management')] },
  assignUnitLeader: { does: 'sette leder for en enhet', rules: [unit('management')] },
  setHourlyRate: { does: 'sette timesats for en enhet', rules: [unit('finance')] },
  // projects
  registerProject: { does: 'registrere et prosjekt', rules: [unit('project-leader'), unit('management')] },
  recordCost: { does: 'registrere en kostnad', rules: [LEADER, unit('finance')] },
  correctCost: { does: 'korrigere en kostnad', rules: [LEADER, unit('finance')] },
  reverseCost: { does: 'reversere en kostnad', rules: [LEADER, unit('finance')] },
  stopAnnualCost: { does: 'stoppe en årlig kostnad', rules: [LEADER, unit('finance')] },
  changeProjectPhase: { does: 'endre prosjektets fase', rules: [LEADER, unit('management')] },
  closeProject: { does: 'avslutte prosjektet', rules: [LEADER, unit('management')] },
  planBenefit: { does: 'planlegge en gevinst i prosjektet', rules: [LEADER, unit('management')] },
  importPlan: { does: 'importere en gevinstrealiseringsplan til prosjektet', rules: [LEADER, unit('management')] },
  editBenefitMap: { does: 'redigere gevinstkartet for prosjektet', rules: [LEADER, unit('management')] },
  // benefits
  recordBaseline: { does: 'registrere nullpunkt for gevinsten', rules: [OWNER, LEADER] },
  recordMeasurement: { does: 'registrere en måling for gevinsten', rules: [OWNER, LEADER] },
  recordRealisation: { does: 'registrere realisert gevinst', rules: [OWNER, LEADER] },
  correctRealisation: { does: 'korrigere realisert gevinst', rules: [OWNER, LEADER, unit('finance')] },
  reviseForecast: { does: 'endre prognosen for gevinsten', rules: [OWNER, LEADER] },
  assignBenefitOwner: { does: 'bytte gevinsteier', rules: [LEADER, unit('management')] },
  cancelBenefit: { does: 'kansellere gevinsten', rules: [LEADER, unit('management')] },
  approveBenefitPlan: { does: 'godkjenne gevinstplanen ved et beslutningspunkt', rules: [LEADER, unit('management')] },
  manageBenefitActions: { does: 'legge inn og oppdatere tiltak for gevinsten', rules: [OWNER, LEADER] },
  manageBenefitRisks: { does: 'vurdere og lukke risiko for gevinsten', rules: [OWNER, LEADER] },
  recordUnplannedBenefit: { does: 'registrere en uplanlagt gevinst', rules: [unit('management'), unit('finance')] },
  // money between units
  recordWithdrawal: { does: 'registrere et gevinstuttak', rules: [unit('finance')] },
  recordSettlement: { does: 'registrere en avregning', rules: [unit('finance')] },
  // kost/nytte: the installation's defaults and price indexes (a finance role for the whole installation)
  setCostBenefitSettings: { does: 'sette kalkulasjonsrente, analyseperiode og prisindeks for kost/nytte', rules: [unit('finance')] },
  // access
  grantRole: { does: 'tildele roller', rules: [] },
  revokeRole: { does: 'trekke tilbake roller', rules: [] },
  // goals (målstruktur)
  defineGoal: { does: 'definere et mål', rules: [unit('management')] },
  changeGoal: { does: 'endre eller avvikle et mål og sette resultatkrav', rules: [unit('management')] },
  recordGoalResult: { does: 'registrere resultat for en måleindikator', rules: [unit('management')] },
  linkGoal: { does: 'knytte en gevinst eller et prosjekt til et mål', rules: [LEADER, unit('management')] },
  // reads
  readUnits: { does: 'se organisasjonen', rules: [{ reach: 'anyone' }] },
  readGoals: { does: 'se målene og målekortene', rules: [{ reach: 'anyone' }] },
  readProject: { does: 'se prosjektet', rules: [LEADER, anyUnit('management'), anyUnit('finance'), anyUnit('project-leader')] },
  readBenefit: { does: 'se gevinsten', rules: [OWNER, LEADER, anyUnit('management'), anyUnit('finance'), anyUnit('project-leader')] },
  readLedger: { does: 'se gevinstregnskapet mellom enhetene', rules: [{ role: 'finance', reach: 'role' }, { role: 'management', reach: 'role' }] },
  readPortfolio: { does: 'se målekortet', rules: [{ role: 'management', reach: 'role' }, { role: 'finance', reach: 'role' }] },
  readDue: { does: 'se listen over gevinster som forfaller', rules: [{ role: 'benefit-owner', reach: 'self' }, { role: 'management', reach: 'role' }, { role: 'finance', reach: 'role' }] },
  readUnitAudit: { does: 'se hvem som endret enheten', rules: [anyUnit('management'), anyUnit('finance')] },
  readRisks: { does: 'se risikomatrisen for porteføljen', rules: [{ role: 'management', reach: 'role' }, { role: 'finance', reach: 'role' }] },
  readRoles: { does: 'se hvem som har hvilke roller', rules: [] },
  administer: { does: 'bruke administrasjonsverktøyene', rules: [] },
  // the årshjul (reporting calendar)
  setReportingCalendar: { does: 'sette og fjerne frister i årshjulet', rules: [unit('finance')] },
  readCalendar: { does: 'se årshjulet', rules: [{ reach: 'anyone' }] },
} as const satisfies Record<string, ActionPolicy>;

export type Action = keyof typeof policy;

export const isAction = (name: string): name is Action => Object.hasOwn(policy, name);

/** `role`: the role the person acts in (null where anyone logged in may) */
export type Decision = { allowed: true; role: Role | null } | { allowed: false; reason: string };

const reaches = (actor: Actor, rule: Rule, target: Target, tree: Tree): boolean => {
  switch (rule.reach) {
    case 'anyone':
      return true;
    case 'leads':
      return !!target.projectLeader && target.projectLeader.toLowerCase() === actor.id;
    case 'owns':
      return !!target.benefitOwner && target.benefitOwner.toLowerCase() === actor.id;
    case 'self':
      return !!target.person && target.person.toLowerCase() === actor.id;
    case 'role':
      return actor.roles.some((r) => r.role === rule.role);
    case 'unit':
    case 'any-unit': {
      const units = target.units ?? [];
      return actor.roles.some((r) => {
        if (r.role !== rule.role) return false;
        if (r.unitId === null) return true;
        const scope = r.unitId;
        const within = (u: string) => tree.isWithin(u, scope);
        return rule.reach === 'unit' ? units.length > 0 && units.every(within) : units.some(within);
      });
    }
  }
};

const reachPhrase = (rule: Rule): string => {
  if (rule.reach === 'anyone') return 'alle som er logget inn';
  const label = roleLabels[rule.role];
  switch (rule.reach) {
    case 'leads':
      return 'prosjektlederen for prosjektet';
    case 'owns':
      return 'gevinsteieren for gevinsten';
    case 'self':
      return 'personen selv';
    case 'role':
      return `${label} (det personen har ansvar for)`;
    case 'unit':
      return `${label} for enheten eller en enhet over den`;
    case 'any-unit':
      return `${label} for en av enhetene det gjelder`;
  }
};

/** Who may do the action, in bokmål, for refusals and docs: «Administrator, eller Økonomi for enheten …» */
export const whoMay = (action: Action): string =>
  ['Administrator', ...(policy[action].rules as readonly Rule[]).map(reachPhrase)].join(', eller ');

/** The one decision: may this person do this to this target? With the role they would act in. */
export const authorize = (actor: Actor, action: Action, target: Target, tree: Tree): Decision => {
  if (actor.roles.some((r) => r.role === 'administrator' && administers(r.unitId, action, target, tree))) return { allowed: true, role: 'administrator' };
  for (const rule of policy[action].rules as readonly Rule[])
    if (reaches(actor, rule, target, tree)) return { allowed: true, role: rule.reach === 'anyone' ? null : rule.role };
  return { allowed: false, reason: refusalOf(action) };
};

/**
 * The reads whose answer the caller cuts to the person's scope (`scopeOf`, the tenants): a kommune
 * administrator may ask for them and is shown its kommune.
 */
const CUT_BY_CALLER: ReadonlySet<Action> = new Set(['readUnits', 'readGoals', 'readLedger', 'readPortfolio', 'readDue', 'readRisks', 'readRoles']);

/**
 * Whether an administrator reaches the target: without a unit, everything (the installation
 * administrator); with one (a kommune administrator, scoped to its kommune's root unit), every unit
 * a command touches must lie within it, a read one of them, and a read cut by the caller is allowed
 * (and cut). The administration tools (`administer`) are the installation's only.
 */
const administers = (scope: string | null, action: Action, target: Target, tree: Tree): boolean => {
  if (scope === null) return true;
  if (action === 'administer') return false;
  const units = target.units;
  if (units === undefined) return CUT_BY_CALLER.has(action);
  const within = (u: string) => tree.isWithin(u, scope);
  return action.startsWith('read') ? units.some(within) : units.length > 0 && units.every(within);
};

/** Why the action is refused, in bokmål: what it is and who may do it. */
export const refusalOf = (action: Action): string => `Du har ikke lov til å ${policy[action].does}. Det kan: ${whoMay(action)}.`;

/**
 * The units under which a person's roles of these kinds reach: `all` for a role without a unit (or
 * the administrator), else the scope units, to cut a report to what the person may see.
 */
export const scopeOf = (actor: Actor, roles: readonly Role[]): 'all' | string[] => {
  const scoped: string[] = [];
  for (const r of actor.roles) {
    if (!roles.includes(r.role) && r.role !== 'administrator') continue;
    if (r.unitId === null) return 'all';
    scoped.push(r.unitId);
  }
  return scoped;
};
